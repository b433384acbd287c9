import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {ManifestExercise} from '../../src/content/types.js';
import {checkAnswer} from '../../src/exercises/check-answer.js';
import {ruleLabel} from '../../src/exercises/manifest-rules.js';
import {parseManifest} from '../../src/exercises/manifest-yaml.js';
import {checkPodView} from '../../src/live/live-check.js';
import {repoCourse} from '../tutor/course-fixture.js';

/** Every wrong manifest the course lists, with its exercise. */
function wrongManifests(): {ex: ManifestExercise; file: string; source: string}[] {
	return [...repoCourse().exercises.values()]
		.filter((ex): ex is ManifestExercise => ex.kind === 'manifest')
		.flatMap((ex) =>
			(ex.examples?.wrong ?? []).map((file) => ({
				ex,
				file,
				source: readFileSync(join(dirname(ex.file), file), 'utf8'),
			})),
		);
}

describe('a live Pod is judged in the words of a written answer', () => {
	const cases = wrongManifests();

	it('has wrong manifests to compare', () => {
		expect(cases.length).toBeGreaterThan(10);
	});

	it.each(cases.map((c) => [`${c.ex.id} ${c.file}`, c] as const))(
		'%s: every rule says the same live as written',
		(_, {ex, file, source}) => {
			const parsed = parseManifest(source, file);
			if (!parsed.ok) return expect(parsed.error).toBeTruthy();
			const written = checkAnswer(ex, {kind: 'manifest', source, origin: file});
			const live = checkPodView(
				{name: 'web-app', labels: {}, containers: [], manifest: parsed.manifest},
				ex.rules,
			);
			const labels = new Set(ex.rules.map(ruleLabel));
			const writtenRules = written.checks.filter((c) => labels.has(c.name));
			// A schema refusal can stand in for the rules; otherwise each rule is in both, word for word.
			if (writtenRules.length === 0) return expect(written.correct).toBe(false);
			expect(live.checks.filter((c) => labels.has(c.name))).toEqual(writtenRules);
		},
	);
});
