/**
 * `same` / `differs` rules: a predict exercise's observation is compared with a measurement made
 * just before in the same run (`compare`), so "a different pid namespace from app" is decided by
 * app's link and log-shipper's, not by any pid link at all.
 */
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import yaml from 'js-yaml';
import {describe, expect, it} from 'vitest';
import type {OutputReading} from '../../src/content/types.js';
import {validateExercise} from '../../src/content/exercise-validator.js';
import {FieldReader} from '../../src/content/field-reader.js';
import {comparedFrom, comparisonArgv} from '../../src/live/comparison.js';
import {findDeciding, verdictFor} from '../../src/live/output-reading.js';
import {PodmanBackend} from '../../src/live/podman-backend.js';
import {planStep} from '../../src/live/step-plan.js';
import {repoCourse} from '../tutor/course-fixture.js';
import {resultOf} from './recorded-exec.js';

const pidReading: OutputReading = {
	decide: {same: {same: '^pid:\\[\\d+\\]$'}, different: {differs: '^pid:\\[\\d+\\]$'}, error: 'No such file'},
	compare: {label: 'app', args: ['exec', 'web-app-app', 'readlink', '/proc/self/ns/pid']},
};

describe('comparing rules', () => {
	it('decide by comparing with the measurement: the same link shows same, another shows different', () => {
		expect(findDeciding('pid:[4026532254]\n', pidReading, 'pid:[4026532254]\n')).toEqual({
			answer: 'same',
			line: 'pid:[4026532254]',
			lineNumber: 1,
			against: {line: 'pid:[4026532254]', same: true},
		});
		expect(findDeciding('pid:[4026532256]\n', pidReading, 'pid:[4026532254]\n')?.answer).toBe('different');
	});

	it('a pid link alone decides nothing: without the measurement there is nothing to compare with', () => {
		expect(findDeciding('pid:[4026532256]\n', pidReading)).toBeUndefined();
		expect(findDeciding('pid:[4026532256]\n', pidReading, 'readlink: No such file\n')).toBeUndefined();
		// Other rules still decide on their own.
		expect(findDeciding('readlink: No such file or directory\n', pidReading)?.answer).toBe('error');
	});

	it('with a capture group only the group is compared (the IP of a line, not its age)', () => {
		const reading: OutputReading = {
			decide: {
				'same-ip': {same: '\\s(\\d+\\.\\d+\\.\\d+\\.\\d+)\\s'},
				'new-ip': {differs: '\\s(\\d+\\.\\d+\\.\\d+\\.\\d+)\\s'},
			},
			compare: {label: 'the Pod before', args: ['get', 'pod']},
		};
		const before = 'web-app   2/2   Running   0   5m   10.244.1.7   node-1\n';
		expect(findDeciding('web-app   2/2   Running   1   6m   10.244.1.7   node-1\n', reading, before)?.answer).toBe(
			'same-ip',
		);
		expect(findDeciding('web-app   2/2   Running   0   9s   10.244.1.9   node-1\n', reading, before)?.answer).toBe(
			'new-ip',
		);
	});

	it('the verdict points at both lines: the deciding one and the one it was compared with', () => {
		const compared = {
			label: 'app',
			output: 'pid:[4026532254]\n',
			shown: 'podman exec web-app-app readlink /proc/self/ns/pid',
		};
		const verdict = verdictFor('pid:[4026532256]\n', pidReading, 'pid:[4026532256]\n', 'same', undefined, compared);
		expect(verdict.agrees).toBe(false);
		expect(verdict.lines).toEqual([
			'Measured just before, in app (podman exec web-app-app readlink /proc/self/ns/pid): "pid:[4026532254]".',
			'This does not agree with your prediction (same): line 1 "pid:[4026532256]" differs from "pid:[4026532254]", which app printed just before, so it shows different.',
		]);
	});

	it('a measurement that failed is named, and decides nothing', () => {
		const failed = comparedFrom(
			'app',
			{tool: 'podman', args: [], recorded: {output: '', exitCode: 0}},
			resultOf({stdout: '', stderr: 'Error: no container with name or ID "web-app-app" found\n', exitCode: 125}),
			'podman exec web-app-app readlink /proc/self/ns/pid',
		);
		const verdict = verdictFor('pid:[4026532256]\n', pidReading, 'pid:[4026532256]\n', 'same', undefined, failed);
		expect(verdict.agrees).toBeUndefined();
		expect(verdict.lines).toEqual([
			'No line of this output decides the question.',
			'The measurement in app did not work: exit code 125: Error: no container with name or ID "web-app-app" found.',
		]);
	});
});

describe('ns-pid-predict compares log-shipper with app', () => {
	const file = fileURLToPath(new URL('../../exercises/namespaces/ns-pid-predict.yaml', import.meta.url));
	const problems = (change: (doc: any) => void) => {
		const doc = yaml.load(readFileSync(file, 'utf8')) as any;
		change(doc);
		const reader = new FieldReader();
		validateExercise(doc, 'namespaces', 'ns-pid-predict.yaml', reader);
		return reader.problems.map((p) => `${p.path}: ${p.message}`);
	};

	it('with podman, measures app first with the same backend, then reads log-shipper against it', () => {
		const exercise = repoCourse().exercises.get('ns-pid-predict');
		if (exercise?.kind !== 'predict') throw new Error('fixture');
		const podman = new PodmanBackend({user: 'x'});
		const plan = planStep(exercise.observe, {backends: {podman}, reports: [], values: {}});
		if (plan.kind !== 'run') throw new Error(plan.reason);
		expect(plan.args).toEqual(['exec', '{pod}-log-shipper', 'readlink', '/proc/self/ns/pid']);
		expect(comparisonArgv(plan, exercise.observe, {})).toEqual({
			ok: true,
			file: 'podman',
			args: ['exec', 'web-app-app', 'readlink', '/proc/self/ns/pid'],
			label: 'app',
		});
	});

	it('the validator refuses a recording whose two links are the same (it would show "same")', () => {
		expect(problems((doc) => (doc.observe.recorded.compared = 'pid:[4026532256]\n'))).toContain(
			'observe.decide: the recorded output shows "same" (line 1), not the answer "different": the command cannot show the answer',
		);
	});

	it('the validator refuses a comparing rule with nothing to compare with, and a comparison not recorded', () => {
		expect(problems((doc) => delete doc.observe.compare)).toContain(
			'observe.decide.same: a {same: ...} or {differs: ...} rule compares with a measurement: add `compare` (its args and label)',
		);
		expect(problems((doc) => delete doc.observe.recorded.compared)).toContain(
			'observe.recorded.compared: missing: what the `compare` measurement (app) printed in the recorded run',
		);
	});
});
