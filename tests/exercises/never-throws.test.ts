import fc from 'fast-check';
import yaml from 'js-yaml';
import {describe, expect, it} from 'vitest';
import type {Answer} from '../../src/exercises/answer.js';
import {checkAnswer} from '../../src/exercises/check-answer.js';
import {parseCliAnswer} from '../../src/exercises/cli-answer.js';
import {fixtureCourse} from './fixture-course.js';

const exercises = [...fixtureCourse().exercises.values()];

const anyAnswer: fc.Arbitrary<Answer> = fc.oneof(
	fc.record({kind: fc.constant('choice' as const), selected: fc.array(fc.string())}),
	fc.record({kind: fc.constant('text' as const), text: fc.string()}),
	fc.record({kind: fc.constant('order' as const), order: fc.array(fc.string())}),
	fc.record({kind: fc.constant('manifest' as const), source: fc.string(), origin: fc.constant('fuzz')}),
	// Arbitrary JSON is valid YAML: manifests of every odd shape the rules must tolerate.
	fc.record({
		kind: fc.constant('manifest' as const),
		source: fc.jsonValue().map((v) => JSON.stringify(v)),
		origin: fc.constant('fuzz'),
	}),
	fc.record({
		kind: fc.constant('manifest' as const),
		source: fc
			.record({
				kind: fc.constantFrom('Pod', 'Deployment', 'CronJob'),
				spec: fc.jsonValue(),
				metadata: fc.jsonValue(),
			})
			.map((v) => yaml.dump(v)),
		origin: fc.constant('fuzz'),
	}),
);

describe('learner input never makes the checker throw', () => {
	it('checkAnswer returns a result for any answer on any exercise', () => {
		fc.assert(
			fc.property(fc.constantFrom(...exercises), anyAnswer, (ex, answer) => {
				const result = checkAnswer(ex, answer);
				expect(result.id).toBe(ex.id);
				expect(result.checks.length).toBeGreaterThan(0);
				expect(result.feedback.length).toBeGreaterThan(0);
				if (result.correct) expect(result.malformed).toBe(false);
			}),
			{numRuns: 2000},
		);
	});

	it('parseCliAnswer returns a value or a message for any arguments', () => {
		fc.assert(
			fc.property(fc.constantFrom(...exercises), fc.array(fc.string()), (ex, args) => {
				const parsed = parseCliAnswer(ex, args, () => 'kind: Pod');
				if (!parsed.ok) expect(parsed.error).toContain(`exercise ${ex.id} `);
				else expect(parsed.answer.kind).toMatch(/^(choice|text|order|manifest)$/);
			}),
			{numRuns: 2000},
		);
	});
});
