import {describe, expect, it} from 'vitest';
import type {FreeTextExercise, QuantityExercise} from '../../src/content/types.js';
import {checkAnswer} from '../../src/exercises/check-answer.js';
import {repoCourse} from '../tutor/course-fixture.js';
import {fixtureExercise} from './fixture-course.js';

const choose = (...selected: string[]) => ({kind: 'choice' as const, selected});
const text = (t: string) => ({kind: 'text' as const, text: t});

describe('single choice', () => {
	const ex = fixtureExercise('sandbox-holds-ip', 'single-choice');

	it('accepts the reference choice', () => {
		const result = checkAnswer(ex, choose('b'));
		expect(result).toMatchObject({id: 'sandbox-holds-ip', correct: true, malformed: false, feedback: 'Correct.'});
		expect(result.checks).toHaveLength(1);
		expect(result.checks[0].passed).toBe(true);
	});
	it('answers a listed mistake with its own feedback', () => {
		const result = checkAnswer(ex, choose('c'));
		expect(result.correct).toBe(false);
		expect(result.feedback).toBe(ex.wrong[1].feedback.trim());
	});
	it('marks unknown ids and several ids as malformed, naming the choices', () => {
		const unknown = checkAnswer(ex, choose('z'));
		expect(unknown).toMatchObject({correct: false, malformed: true});
		expect(unknown.checks[0].message).toContain('has no choice z; the choices are a, b, c');
		expect(checkAnswer(ex, choose('a', 'b')).malformed).toBe(true);
		expect(checkAnswer(ex, choose()).malformed).toBe(true);
		expect(checkAnswer(ex, choose('a')).malformed).toBe(false);
	});
	it('refuses an answer of another kind without throwing', () => {
		const result = checkAnswer(ex, text('b'));
		expect(result.malformed).toBe(true);
		expect(result.feedback).toContain('expects one choice id');
	});
});

describe('multiple choice', () => {
	const ex = fixtureExercise('shared-namespaces', 'multiple-choice');

	it('compares as a set, in any order', () => {
		expect(checkAnswer(ex, choose('ipc', 'net', 'uts')).correct).toBe(true);
		expect(checkAnswer(ex, choose('ipc', 'net', 'uts', 'net')).correct).toBe(true);
	});
	it('matches a listed wrong set regardless of order', () => {
		const result = checkAnswer(ex, choose('pid', 'net', 'ipc', 'uts'));
		expect(result.correct).toBe(false);
		expect(result.feedback).toContain('shared only with shareProcessNamespace');
	});
	it('counts missing and extra choices for an unlisted mistake without naming them', () => {
		const result = checkAnswer(ex, choose('net', 'mnt'));
		expect(result.feedback).toBe('Not quite: 1 of your choices is wrong and 2 right choices are missing.');
	});
});

describe('predict', () => {
	const ex = fixtureExercise('restart-keeps-ip', 'predict');

	it('sends the learner to the observed output, right or wrong', () => {
		const right = checkAnswer(ex, choose('a'));
		expect(right.correct).toBe(true);
		expect(right.feedback).toContain('Your prediction is right.');
		expect(right.feedback).toContain(
			'Now check your prediction against what `kubectl get pod web-app-restart -o wide` prints.',
		);
		const wrong = checkAnswer(ex, choose('b'));
		expect(wrong.correct).toBe(false);
		expect(wrong.feedback).toContain(ex.wrong[0].feedback.trim());
		expect(wrong.feedback).toContain('Now check your prediction');
	});

	it('names both commands of an observation that compares two outputs', () => {
		const compared = repoCourse().exercises.get('ns-pid-predict');
		if (compared?.kind !== 'predict' || !compared.observe.compare) throw new Error('ns-pid-predict compares');
		const checked = checkAnswer(compared, choose('same'));
		expect(checked.feedback).toContain('`kubectl exec web-app -c log-shipper -- readlink /proc/self/ns/pid`');
		expect(checked.feedback).toContain('`kubectl exec web-app -c app -- readlink /proc/self/ns/pid` (app)');
	});
});

describe('free text', () => {
	const ex = fixtureExercise('why-pause', 'free-text');

	it('accepts the answer and accept entries after normalising and synonyms', () => {
		for (const typed of [
			'The PAUSE container.',
			'the sandbox container',
			'infra container',
			'the pause process',
			'Pause!',
		]) {
			expect(checkAnswer(ex, text(typed)).correct, typed).toBe(true);
		}
	});
	it('rejects other text with a generic line', () => {
		const result = checkAnswer(ex, text('the scheduler'));
		expect(result).toMatchObject({correct: false, malformed: false});
		expect(result.feedback).toMatch(/^Not quite/);
	});
	it('matches a listed mistake by its answer and by each match phrasing', () => {
		for (const typed of ['The kubelet', 'kubelet.', 'the node-agent']) {
			expect(checkAnswer(ex, text(typed)).feedback, typed).toBe(ex.wrong[0].feedback);
		}
		expect(checkAnswer(ex, text('my container')).feedback).toBe(ex.wrong[1].feedback);
	});
	it('treats an empty or punctuation-only answer as malformed', () => {
		expect(checkAnswer(ex, text(' ... ')).malformed).toBe(true);
	});

	const long: FreeTextExercise = {
		...ex,
		id: 'why-pause-long',
		answer: 'The pause process holds the network namespace, so the IP survives a container restart.',
		accept: [],
		keyPoints: [
			{name: 'the sandbox holds the namespace', any: ['pause holds', 'sandbox keeps', 'pause keeps']},
			{name: 'the IP survives restarts', any: ['ip survives', 'keeps the ip', 'ip stays']},
		],
	};

	it('with key points: one check per point, correct only when every point is made', () => {
		const both = checkAnswer(
			long,
			text('The infra container keeps the network namespace open, and the IP stays when the app restarts'),
		);
		expect(both.correct).toBe(true);
		expect(both.checks.map((c) => c.passed)).toEqual([true, true]);
		const one = checkAnswer(long, text('The IP stays the same.'));
		expect(one.correct).toBe(false);
		expect(one.checks).toEqual([
			{
				name: 'the sandbox holds the namespace',
				passed: false,
				message: 'does not mention the sandbox holds the namespace',
			},
			{name: 'the IP survives restarts', passed: true, message: 'mentions the IP survives restarts'},
		]);
		expect(one.feedback).toBe('Your answer does not yet cover: the sandbox holds the namespace.');
	});
});

describe('quantity', () => {
	const ex = fixtureExercise('pod-cpu-request', 'quantity');

	it('compares by value', () => {
		for (const typed of ['250m', '0.25', '0.250', ' 250m ', '2.5e-1'])
			expect(checkAnswer(ex, text(typed)).correct, typed).toBe(true);
		expect(checkAnswer(ex, text('25m')).correct).toBe(false);
	});
	it('matches listed mistakes by value', () => {
		expect(checkAnswer(ex, text('0.2')).feedback).toBe(ex.wrong[0].feedback);
		expect(checkAnswer(ex, text('0.05')).feedback).toBe(ex.wrong[1].feedback);
	});
	it('says what an unlisted value is', () => {
		expect(checkAnswer(ex, text('0.3')).feedback).toBe(
			'Not quite: 0.3 is 300m CPU, which is not the expected value.',
		);
	});
	it("marks malformed quantities with the parser's own reason", () => {
		const spaced = checkAnswer(ex, text('250 m m'));
		expect(spaced).toMatchObject({correct: false, malformed: true});
		expect(spaced.checks[0].message).toContain('has a space in it');
		expect(checkAnswer(ex, text('250mb')).feedback).toContain('unknown unit "mb"');
		expect(checkAnswer(ex, text('abc')).malformed).toBe(true);
	});

	const memory: QuantityExercise = {
		...ex,
		id: 'pod-memory',
		resource: 'memory',
		answer: '320Mi',
		wrong: [
			{answer: '320M', feedback: 'M is 10^6 bytes; Mi is 2^20.'},
			{answer: '256Mi', feedback: 'Add the sidecar.'},
		],
	};

	it('memory: binary and decimal units are different values', () => {
		expect(checkAnswer(memory, text('335544320')).correct).toBe(true);
		expect(checkAnswer(memory, text('327680Ki')).correct).toBe(true);
		expect(checkAnswer(memory, text('320M')).feedback).toBe('M is 10^6 bytes; Mi is 2^20.');
		expect(checkAnswer({...memory, answer: '1Gi'}, text('1G')).correct).toBe(false);
		expect(checkAnswer(memory, text('300Mi')).feedback).toBe(
			'Not quite: 300Mi is 300Mi (314572800 bytes), which is not the expected value.',
		);
	});
});

describe('ordering', () => {
	const ex = fixtureExercise('startup-order', 'ordering');
	const order = (...ids: string[]) => ({kind: 'order' as const, order: ids});

	it('accepts the same sequence only', () => {
		expect(checkAnswer(ex, order('schedule', 'sandbox', 'init', 'app')).correct).toBe(true);
	});
	it('names the first misplaced position and gives a listed mistake its feedback', () => {
		const result = checkAnswer(ex, order('schedule', 'init', 'sandbox', 'app'));
		expect(result.correct).toBe(false);
		expect(result.checks[0].message).toBe(
			'the first misplaced item is at position 2: "The init container runs to completion" does not go there',
		);
		expect(result.feedback).toBe(ex.wrong[0].feedback);
	});
	it('falls back to the position message for an unlisted order', () => {
		expect(checkAnswer(ex, order('schedule', 'sandbox', 'app', 'init')).feedback).toBe(
			'Not quite: the first misplaced item is at position 3: "The app container starts" does not go there.',
		);
	});
	it('marks orders that are not a permutation of the items as malformed', () => {
		expect(checkAnswer(ex, order('schedule', 'sandbox', 'init')).malformed).toBe(true);
		expect(checkAnswer(ex, order('schedule', 'sandbox', 'init', 'init')).malformed).toBe(true);
		expect(checkAnswer(ex, order('schedule', 'sandbox', 'init', 'kubelet')).feedback).toContain(
			'has no item kubelet',
		);
	});
});
