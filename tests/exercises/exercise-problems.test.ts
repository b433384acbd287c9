import {describe, expect, it} from 'vitest';
import type {Exercise, ManifestExercise} from '../../src/content/types.js';
import {exerciseProblems} from '../../src/exercises/exercise-problems.js';
import {fixtureCourse, fixtureExercise} from './fixture-course.js';

const paths = (ex: Exercise) => exerciseProblems(ex).map((p) => `${p.path}: ${p.message}`);

describe('exerciseProblems', () => {
	it('finds nothing wrong with the fixture exercises', () => {
		const course = fixtureCourse();
		expect(course.exercises.size).toBe(8);
		for (const ex of course.exercises.values()) expect(paths(ex), ex.id).toEqual([]);
	});

	it('choice ids must exist', () => {
		const ex = fixtureExercise('sandbox-holds-ip', 'single-choice');
		expect(paths({...ex, answer: 'd'})).toEqual(['answer: "d" is not one of the choice ids (a, b, c)']);
		const multi = fixtureExercise('shared-namespaces', 'multiple-choice');
		expect(paths({...multi, wrong: [multi.wrong[0], {answer: ['net', 'user'], feedback: 'x'}]})).toEqual([
			'wrong[1].answer[1]: "user" is not one of the choice ids (net, uts, ipc, pid, mnt)',
		]);
		expect(paths({...ex, choices: [...ex.choices, {id: 'a', text: 'again'}]})).toEqual([
			'choices[3].id: id a is used twice',
		]);
	});

	it('an ordering answer must be a permutation of the items', () => {
		const ex = fixtureExercise('startup-order', 'ordering');
		expect(paths({...ex, answer: ['schedule', 'sandbox', 'init']})).toEqual([
			'answer: must list all 4 item ids exactly once',
		]);
		expect(paths({...ex, answer: ['schedule', 'sandbox', 'init', 'init']})).toEqual([
			'answer: lists the same item twice',
		]);
		expect(paths({...ex, answer: ['schedule', 'sandbox', 'init', 'pull']})).toEqual([
			'answer[3]: "pull" is not one of the item ids (app, sandbox, init, schedule)',
		]);
	});

	it('quantity answers must parse', () => {
		const ex = fixtureExercise('pod-cpu-request', 'quantity');
		expect(paths({...ex, answer: '250 m'})).toEqual([
			'answer: "250 m" has a space in it: write the number and its unit together, like 250m or 128Mi',
		]);
	});

	it('needs at least two wrong entries, none equal to the reference', () => {
		const ex = fixtureExercise('pod-cpu-request', 'quantity');
		expect(paths({...ex, wrong: [ex.wrong[0]]})).toEqual([
			'wrong: lists 1 wrong answer; list at least two common mistakes, each with its feedback',
		]);
		expect(paths({...ex, wrong: [ex.wrong[0], {answer: '0.25', feedback: 'x'}]})).toEqual([
			'wrong[1].answer: is the same as the reference answer (or an accepted one)',
		]);
		const text = fixtureExercise('why-pause', 'free-text');
		expect(paths({...text, wrong: [text.wrong[0], {answer: 'The Sandbox Process!', feedback: 'x'}]})).toEqual([
			'wrong[1].answer: is the same as the reference answer (or an accepted one)',
		]);
		expect(
			paths({
				...text,
				wrong: [
					text.wrong[0],
					{answer: 'the node', match: ['the scheduler', 'the infra process'], feedback: 'x'},
				],
			}),
		).toEqual(['wrong[1].match[1]: the checker accepts this as correct']);
	});

	it('the reference answer must pass its own checker (free text with key points)', () => {
		const ex = fixtureExercise('why-pause', 'free-text');
		const problems = paths({...ex, keyPoints: [{name: 'network namespace', any: ['network namespace']}]});
		expect(problems).toContain(
			'answer: the checker rejects the reference answer: does not mention network namespace',
		);
		// The examples written for the exercise as it was now disagree with it too, each by path.
		expect(problems.filter((p) => p.startsWith('examples.right['))).toHaveLength(ex.examples?.right.length ?? -1);
	});

	it('match is only for free text', () => {
		const ex = fixtureExercise('sandbox-holds-ip', 'single-choice');
		expect(paths({...ex, wrong: [{...ex.wrong[0], match: ['a']}, ex.wrong[1]]})).toEqual([
			'wrong[0].match: match is only for free-text exercises',
		]);
	});

	describe('manifest exercises', () => {
		const ex = fixtureExercise('log-shipper-pod', 'manifest');
		const edit = (change: Partial<ManifestExercise>) => paths({...ex, ...change});

		it('names bad rule parameters by path', () => {
			expect(edit({rules: [...ex.rules, {rule: 'min-containers', count: 'two'}]})).toEqual([
				'rules[6].count: expected a whole number of at least 1',
			]);
			expect(edit({rules: [...ex.rules, {rule: 'sidecar'}]})[0]).toMatch(
				/^rules\[6\]\.rule: unknown rule "sidecar"/,
			);
			expect(edit({rules: []})).toContain('rules: a manifest exercise needs at least one rule');
		});
		it('answer, template and wrong answers must parse', () => {
			expect(edit({template: 'kind: Pod\nspec: [\n'})).toEqual([
				expect.stringMatching(/^template: line 3, column 1: not valid YAML: /),
			]);
			expect(edit({answer: '- kind: Pod\n'})).toEqual([
				expect.stringMatching(/^answer: the manifest is a list, not a mapping/),
			]);
		});
		it('a wrong manifest that passes every rule is useless', () => {
			expect(
				edit({wrong: [ex.wrong[0], {answer: ex.answer.replace('name: web\n', 'name: web2\n'), feedback: 'x'}]}),
			).toEqual([
				'wrong[1].answer: passes every rule and the API server checks, so the checker can never tell it from a right answer; add a rule it fails',
			]);
		});
		it('the reference manifest must pass every rule', () => {
			expect(edit({rules: [...ex.rules, {rule: 'share-process-namespace', equals: true}]})).toContain(
				'answer: the checker rejects the reference answer: spec.shareProcessNamespace is not true, so each container keeps its own pid namespace',
			);
		});
	});
});
