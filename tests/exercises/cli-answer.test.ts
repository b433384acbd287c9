import {describe, expect, it} from 'vitest';
import {parseCliAnswer} from '../../src/exercises/cli-answer.js';
import {fixtureExercise} from './fixture-course.js';

const noFiles = (path: string): string => {
	throw Object.assign(new Error(`ENOENT: ${path}`), {code: 'ENOENT'});
};

describe('parseCliAnswer', () => {
	it('single choice: one id, any case', () => {
		const ex = fixtureExercise('sandbox-holds-ip', 'single-choice');
		expect(parseCliAnswer(ex, ['B'], noFiles)).toEqual({ok: true, answer: {kind: 'choice', selected: ['b']}});
		expect(parseCliAnswer(ex, ['a', 'b'], noFiles)).toEqual({
			ok: false,
			error: 'exercise sandbox-holds-ip expects one choice id (a, b, c), e.g. "pod-tutor check sandbox-holds-ip a"',
		});
		expect(parseCliAnswer(ex, ['d'], noFiles)).toEqual({
			ok: false,
			error: 'exercise sandbox-holds-ip expects one choice id (a, b, c), not "d", e.g. "pod-tutor check sandbox-holds-ip a"',
		});
		expect(parseCliAnswer(ex, [], noFiles).ok).toBe(false);
	});

	it('multiple choice: spaces, commas or both', () => {
		const ex = fixtureExercise('shared-namespaces', 'multiple-choice');
		const expected = {ok: true, answer: {kind: 'choice', selected: ['net', 'uts', 'ipc']}};
		expect(parseCliAnswer(ex, ['net', 'uts', 'ipc'], noFiles)).toEqual(expected);
		expect(parseCliAnswer(ex, ['net,uts,ipc'], noFiles)).toEqual(expected);
		expect(parseCliAnswer(ex, ['net,', 'UTS', ',ipc', 'net'], noFiles)).toEqual(expected);
		const bad = parseCliAnswer(ex, ['net', 'user'], noFiles);
		expect(bad).toEqual({
			ok: false,
			error: 'exercise shared-namespaces expects every choice id that applies (net, uts, ipc, pid, mnt), separated by spaces or commas; there is no choice "user", e.g. "pod-tutor check shared-namespaces net uts"',
		});
	});

	it('free text and quantities: the words joined', () => {
		expect(
			parseCliAnswer(fixtureExercise('why-pause', 'free-text'), ['the', 'pause', 'container'], noFiles),
		).toEqual({ok: true, answer: {kind: 'text', text: 'the pause container'}});
		expect(parseCliAnswer(fixtureExercise('why-pause', 'free-text'), ['  '], noFiles).ok).toBe(false);
		expect(parseCliAnswer(fixtureExercise('pod-cpu-request', 'quantity'), ['0.25'], noFiles)).toEqual({
			ok: true,
			answer: {kind: 'text', text: '0.25'},
		});
		expect(parseCliAnswer(fixtureExercise('pod-cpu-request', 'quantity'), [], noFiles)).toEqual({
			ok: false,
			error: 'exercise pod-cpu-request expects a quantity, e.g. "pod-tutor check pod-cpu-request 500m"',
		});
		const halfCore = {...fixtureExercise('pod-cpu-request', 'quantity'), answer: '0.5'};
		expect(parseCliAnswer(halfCore, [], noFiles)).toMatchObject({
			ok: false,
			error: expect.stringContaining('check pod-cpu-request 100m"'),
		});
	});

	it('ordering: positions as shown, or item ids', () => {
		const ex = fixtureExercise('startup-order', 'ordering');
		const expected = {ok: true, answer: {kind: 'order', order: ['schedule', 'sandbox', 'init', 'app']}};
		expect(parseCliAnswer(ex, ['4', '2', '3', '1'], noFiles)).toEqual(expected);
		expect(parseCliAnswer(ex, ['4,2,3,1'], noFiles)).toEqual(expected);
		expect(parseCliAnswer(ex, ['schedule', 'sandbox', 'init', 'app'], noFiles)).toEqual(expected);
	});

	it('ordering: errors say how many positions, with an example that is not the answer', () => {
		const ex = fixtureExercise('startup-order', 'ordering');
		const usage =
			'exercise startup-order expects the 4 positions 1-4 in order, e.g. "pod-tutor check startup-order 4 3 2 1"';
		expect(parseCliAnswer(ex, ['1', '2', '3'], noFiles)).toEqual({ok: false, error: usage});
		expect(parseCliAnswer(ex, ['1', '2', '3', '3'], noFiles)).toEqual({ok: false, error: usage});
		expect(parseCliAnswer(ex, ['1', '2', '3', '5'], noFiles)).toEqual({ok: false, error: usage});
		expect(parseCliAnswer(ex, ['schedule', 'sandbox'], noFiles)).toEqual({ok: false, error: usage});
		const unknown = parseCliAnswer(ex, ['schedule', 'kubelet', 'init', 'app'], noFiles);
		expect(unknown.ok === false && unknown.error).toContain('has no item kubelet');
		// When reversing the items would give the answer away, another example is used.
		const reversedAnswer = {...ex, answer: ['schedule', 'init', 'sandbox', 'app']};
		const other = parseCliAnswer(reversedAnswer, ['1'], noFiles);
		expect(other.ok === false && other.error).toContain('"pod-tutor check startup-order 2 3 4 1"');
	});

	it('manifest: --file PATH, --file=PATH and - for stdin', () => {
		const ex = fixtureExercise('log-shipper-pod', 'manifest');
		const files: Record<string, string> = {'pod.yaml': 'kind: Pod\n', '-': 'kind: Pod # from stdin\n'};
		const read = (path: string) => (path in files ? files[path] : noFiles(path));
		expect(parseCliAnswer(ex, ['--file', 'pod.yaml'], read)).toEqual({
			ok: true,
			answer: {kind: 'manifest', source: 'kind: Pod\n', origin: 'pod.yaml'},
		});
		expect(parseCliAnswer(ex, ['--file=pod.yaml'], read)).toEqual({
			ok: true,
			answer: {kind: 'manifest', source: 'kind: Pod\n', origin: 'pod.yaml'},
		});
		expect(parseCliAnswer(ex, ['--file', '-'], read)).toEqual({
			ok: true,
			answer: {kind: 'manifest', source: 'kind: Pod # from stdin\n', origin: 'stdin'},
		});
	});

	it('manifest: errors name the missing option or file', () => {
		const ex = fixtureExercise('log-shipper-pod', 'manifest');
		expect(parseCliAnswer(ex, [], noFiles)).toEqual({
			ok: false,
			error: 'exercise log-shipper-pod expects a manifest given with --file PATH (- reads stdin), e.g. "pod-tutor check log-shipper-pod --file pod.yaml"',
		});
		expect(parseCliAnswer(ex, ['--file'], noFiles).ok).toBe(false);
		expect(parseCliAnswer(ex, ['pod.yaml'], noFiles)).toMatchObject({
			ok: false,
			error: expect.stringContaining('not "pod.yaml"'),
		});
		expect(parseCliAnswer(ex, ['--file', 'missing.yaml'], noFiles)).toEqual({
			ok: false,
			error: 'cannot read missing.yaml: no such file',
		});
	});
});

describe('a choice by position or by its text', () => {
	it('takes 2 for the second choice and the typed-out text of a choice', () => {
		const ex = fixtureExercise('sandbox-holds-ip', 'single-choice');
		expect(parseCliAnswer(ex, ['2'], noFiles)).toEqual({
			ok: true,
			answer: {kind: 'choice', selected: [ex.choices[1].id]},
		});
		expect(parseCliAnswer(ex, ex.choices[2].text.toUpperCase().split(' '), noFiles)).toEqual({
			ok: true,
			answer: {kind: 'choice', selected: [ex.choices[2].id]},
		});
		expect(parseCliAnswer(ex, ['9'], noFiles).ok).toBe(false);
		const multi = fixtureExercise('shared-namespaces', 'multiple-choice');
		expect(parseCliAnswer(multi, ['1,2', '3'], noFiles)).toEqual({
			ok: true,
			answer: {kind: 'choice', selected: ['net', 'uts', 'ipc']},
		});
	});
});
