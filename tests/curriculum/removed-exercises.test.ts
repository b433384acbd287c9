/**
 * Issue 11 replaced five near-duplicate recall questions with new hands-on exercises under new
 * ids (an old "right" must not count for a different task). What a learner did on the old ones
 * stays in their progress file: reading keeps every usable id, and the report counts only the
 * course's exercises, so nothing is lost and nothing is miscounted.
 */
import {describe, expect, test} from 'vitest';
import {migrateProgress} from '../../src/progress/progress-migration.js';
import {buildProgressReport} from '../../src/progress/progress-report.js';
import {curriculum} from './curriculum-course.js';

const REPLACED: Record<string, string> = {
	'container-stack-order': 'container-host-pid',
	'pause-who-creates': 'pause-infra-count',
	'net-what-is-shared': 'net-docker-port',
	'together-quiz-namespaces': 'together-ns-evidence',
	'together-quiz-restart-ip': 'together-restart-emptydir',
};
const AT = '2026-11-30T10:00:00.000Z';

function oldProgress(): unknown {
	const solved = {
		attempts: 1,
		correct: true,
		hintsUsed: 0,
		revealed: false,
		firstAttemptAt: AT,
		lastAttemptAt: AT,
		correctAt: AT,
	};
	return {
		version: 1,
		lessons: {patterns: {currentStep: 9, furthestStep: 9, completed: true, updatedAt: AT, completedAt: AT}},
		exercises: Object.fromEntries([...Object.keys(REPLACED), 'patterns-effective-cpu'].map((id) => [id, solved])),
		predictions: {},
		drafts: {},
		last: {lessonId: 'patterns', step: 9, at: AT},
	};
}

describe('progress on exercises issue 11 replaced', () => {
	test('each replaced id is gone from the course and its replacement is in it', () => {
		const ids = new Set(curriculum().exercises.keys());
		for (const [old, replacement] of Object.entries(REPLACED)) {
			expect(ids.has(old), old).toBe(false);
			expect(ids.has(replacement), replacement).toBe(true);
		}
	});

	test('reading an older progress file keeps the old entries, without a warning', () => {
		const read = migrateProgress(oldProgress(), AT);
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.warnings).toEqual([]);
		for (const old of Object.keys(REPLACED)) expect(read.data.exercises[old]?.correct, old).toBe(true);
	});

	test('the report counts only exercises of the course, and a moved exercise keeps its record', () => {
		const read = migrateProgress(oldProgress(), AT);
		if (!read.ok) throw new Error(read.error);
		const report = buildProgressReport(curriculum(), read.data, 'progress.json');
		// patterns-effective-cpu moved from lesson 7 to lesson 10 under the same id: still solved.
		expect(report.totals.correct).toBe(1);
		expect(report.lessons.find((l) => l.id === 'resources')?.exercises.correct).toBe(1);
		// A completed lesson stays completed even though it now has fewer steps.
		const patterns = report.lessons.find((l) => l.id === 'patterns');
		expect(patterns?.state).toBe('done');
		expect(patterns?.stepReached).toBe(patterns?.steps);
	});
});
