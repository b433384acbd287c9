import {describe, expect, it} from 'vitest';
import type {ManifestExercise} from '../../src/content/types.js';
import {checkAnswer} from '../../src/exercises/check-answer.js';
import {fixtureExercise} from './fixture-course.js';

const ex = fixtureExercise('log-shipper-pod', 'manifest');
const submit = (source: string, origin = 'editor') => checkAnswer(ex, {kind: 'manifest', source, origin});

describe('manifest exercises', () => {
	it('passes the reference manifest with one passed check per rule', () => {
		const result = submit(ex.answer);
		expect(result.correct).toBe(true);
		expect(result.checks.map((c) => c.name)).toEqual([
			'kind equals=Pod',
			'container name=web image=nginx',
			'native-sidecar name=log-shipper',
			'shared-emptydir volume=shared-data containers=web,log-shipper',
			'effective-request resource=cpu equals=250m',
			'label key=app value=web',
		]);
		expect(result.checks.every((c) => c.passed)).toBe(true);
	});

	it('gives a listed mistake its feedback and lists each failed rule', () => {
		const result = submit(ex.wrong[1].answer);
		expect(result.correct).toBe(false);
		expect(result.feedback.startsWith(ex.wrong[1].feedback)).toBe(true);
		expect(result.feedback).toContain('- container log-shipper does not mount volume shared-data');
		expect(result.feedback).not.toContain(ex.wrong[0].feedback);
	});

	it('matches a listed mistake when the learner makes it along with others', () => {
		// wrong[0] puts log-shipper in containers; this answer does that and also drops the label.
		const result = submit(ex.wrong[0].answer.replace('labels: {app: web}', 'labels: {}'));
		expect(result.feedback).toContain(ex.wrong[0].feedback);
		expect(result.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual([
			'native-sidecar name=log-shipper',
			'label key=app value=web',
		]);
	});

	it('gives only the rule messages for an unlisted mistake', () => {
		const result = submit(ex.answer.replace('cpu: 50m', 'cpu: 100m'));
		expect(result.correct).toBe(false);
		expect(result.feedback).toBe("- the Pod's effective cpu request is 300m, not 250m");
	});

	it("uses a rule's feedback in place of its own message", () => {
		const withFeedback: ManifestExercise = {
			...ex,
			rules: ex.rules.map((rule) =>
				rule.rule === 'label' ? {...rule, feedback: 'Label the Pod app=web so a Service can find it.'} : rule,
			),
		};
		const result = checkAnswer(withFeedback, {
			kind: 'manifest',
			source: ex.answer.replace('labels: {app: web}', 'labels: {app: api}'),
			origin: 'pod.yaml',
		});
		const label = result.checks.find((c) => c.name.startsWith('label'));
		expect(label).toEqual({
			name: 'label key=app value=web',
			passed: false,
			message: 'Label the Pod app=web so a Service can find it.',
		});
		expect(result.feedback).toBe('- Label the Pod app=web so a Service can find it.');
	});

	it('reports YAML it cannot read as malformed, naming the origin', () => {
		const result = submit('kind: Pod\nmetadata: [\n', 'my-pod.yaml');
		expect(result).toMatchObject({correct: false, malformed: true});
		expect(result.checks).toEqual([
			{name: 'yaml', passed: false, message: expect.stringMatching(/^my-pod\.yaml:\d+:\d+: not valid YAML/)},
		]);
	});

	it('judges a file of two objects a wrong answer (recorded), naming what was sent', () => {
		const result = submit(
			'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n',
			'two.yaml',
		);
		expect(result).toMatchObject({correct: false, malformed: false});
		expect(result.checks[0]).toEqual({
			name: 'one object',
			passed: false,
			message:
				'the task asks for one Pod; this file holds 2 objects (Pod a, Pod b): send only the one asked for, with everything in it',
		});
	});

	it('produces a result that survives JSON, as `check --json` prints it', () => {
		const result = submit(ex.wrong[0].answer);
		expect(JSON.parse(JSON.stringify(result))).toEqual(result);
	});
});
