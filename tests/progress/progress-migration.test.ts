import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {PROGRESS_VERSION} from '../../src/progress/progress-data.js';
import {decodeProgressText} from '../../src/progress/progress-decode.js';
import {migrateProgress} from '../../src/progress/progress-migration.js';

const fixture = (name: string): string =>
	readFileSync(new URL(`../fixtures/progress/${name}`, import.meta.url), 'utf8');
const AT = '2025-06-01T12:00:00.000Z';

describe('migrateProgress', () => {
	it('converts the version 0 draft format, stamping entries with the migration time', () => {
		const result = migrateProgress(JSON.parse(fixture('v0-draft.json')), AT);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.warnings).toEqual([]);
		expect(result.data.version).toBe(PROGRESS_VERSION);
		expect(result.data.lessons.container).toEqual({
			currentStep: 4,
			furthestStep: 4,
			completed: true,
			updatedAt: AT,
		});
		expect(result.data.lessons.pause).toMatchObject({currentStep: 2, completed: false});
		expect(result.data.exercises['pause-ip']).toEqual({attempts: 3, correct: true, hintsUsed: 2, revealed: false});
		expect(result.data.exercises['sum-requests']).toMatchObject({attempts: 1, correct: false, hintsUsed: 0});
		expect(result.data.last).toEqual({lessonId: 'pause', step: 2, at: AT});
	});

	it('treats an explicit version 0 like a missing version', () => {
		const raw = {version: 0, lessons: {pause: {step: 1, done: false}}};
		const result = migrateProgress(raw, AT);
		expect(result.ok && result.data.lessons.pause.currentStep).toBe(1);
	});

	it('keeps every usable version 1 entry, repairs bad fields and drops what has nothing usable, naming each field', () => {
		const result = migrateProgress(JSON.parse(fixture('v1-mixed.json')), AT);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(Object.keys(result.data.lessons)).toEqual(['container', 'pause']);
		// currentStep "two" beside furthestStep 2: the lesson is kept and reopens at its furthest step.
		expect(result.data.lessons.pause).toMatchObject({currentStep: 2, furthestStep: 2, completed: false});
		expect(result.data.lessons.container).toMatchObject({
			currentStep: 1,
			furthestStep: 5,
			completedAt: '2025-03-01T09:00:00.000Z',
		});
		expect(Object.keys(result.data.exercises)).toEqual(['pause-ip']);
		expect(result.data.predictions['ps-in-pod']).toEqual({
			choice: 'b',
			correct: false,
			at: '2025-03-01T10:06:00.000Z',
		});
		expect(result.warnings).toHaveLength(2);
		expect(result.warnings[0]).toContain(
			'lessons.pause.currentStep: expected a whole number >= 0, found the text "two"',
		);
		expect(result.warnings[1]).toContain('exercises.broken');
	});

	it('refuses a file from a newer pod-tutor, naming both versions', () => {
		const result = migrateProgress(JSON.parse(fixture('future-v7.json')));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problem).toBe('newer');
		expect(result.error).toContain('format version 7');
		expect(result.error).toContain(`reads up to ${PROGRESS_VERSION}`);
	});

	it('calls JSON that is not an object, or has a nonsense version, damaged', () => {
		for (const raw of [[1, 2], null, 'progress', {version: 'one'}, {version: -1}]) {
			const result = migrateProgress(raw);
			expect(result.ok ? 'ok' : result.problem).toBe('damaged');
		}
	});

	it('never lets an id named __proto__ reach the data', () => {
		const raw = JSON.parse('{"version": 1, "lessons": {"__proto__": {"currentStep": 1}}}');
		const result = migrateProgress(raw, AT);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(Object.getPrototypeOf(result.data.lessons)).toBe(Object.prototype);
		expect(Object.keys(result.data.lessons)).toEqual([]);
		expect(result.warnings[0]).toContain('"__proto__"');
	});
});

describe('decodeProgressText', () => {
	it('reports a truncated file as damaged with the JSON error', () => {
		const result = decodeProgressText(fixture('truncated.json'));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problem).toBe('damaged');
		expect(result.error).toMatch(/not valid JSON/);
	});

	it('reports an empty file as damaged', () => {
		const result = decodeProgressText('  \n');
		expect(result.ok ? 'ok' : result.error).toBe('the file is empty');
	});
});
