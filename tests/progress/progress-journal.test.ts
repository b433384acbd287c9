/**
 * The journal beside progress.json (src/progress/progress-journal.ts): a large store takes a
 * change by appending it, two windows merge through it, a torn last line or a kill between a fold
 * and the journal's removal loses nothing and counts nothing twice, and old files still load.
 * Sizes are asserted, never times (those are in `npm run bench`).
 */
import {
	appendFileSync,
	existsSync,
	linkSync,
	readFileSync,
	readdirSync,
	renameSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {MAX_STORED_TEXT_CHARS} from '../../src/progress/progress-data.js';
import {JOURNAL_FILE_NAME} from '../../src/progress/progress-journal.js';
import {readProgressSnapshot} from '../../src/progress/progress-snapshot.js';
import {JOURNAL_FROM_BYTES, openProgressStore, type ProgressResult} from '../../src/progress/progress-store.js';
import {useTempConfig, type TempConfig} from './temp-config.js';

const fixture = (name: string): string => new URL(`../fixtures/progress/${name}`, import.meta.url).pathname;
const newConfig = useTempConfig();
/** Every change goes to the journal, and it is never folded in unless a test asks. */
const journalOnly = {journalFromBytes: 0, compactFromBytes: Number.MAX_SAFE_INTEGER};

function expectSaved(result: ProgressResult): void {
	if (!result.ok) throw new Error(`expected the update to be saved: ${result.error}`);
}

const journalOf = (config: TempConfig): string => path.join(config.dir, JOURNAL_FILE_NAME);

/** A progress.json larger than JOURNAL_FROM_BYTES: `count` exercises, each with an answer at the cap. */
function writeLargeProgress(config: TempConfig, count: number): void {
	const at = '2026-01-01T00:00:00.000Z';
	const exercises: Record<string, unknown> = {};
	for (let i = 0; i < count; i++)
		exercises[`pack-${i}`] = {
			attempts: 1,
			correct: false,
			hintsUsed: 0,
			revealed: false,
			firstAttemptAt: at,
			lastAttemptAt: at,
			lastAnswer: {kind: 'text', text: `answer ${i} `.padEnd(MAX_STORED_TEXT_CHARS, 'x')},
		};
	const text = JSON.stringify({version: 1, lessons: {}, exercises, predictions: {}, drafts: {}}, undefined, '\t');
	writeFileSync(config.file, text, {mode: 0o600});
	expect(statSync(config.file).size).toBeGreaterThan(JOURNAL_FROM_BYTES);
}

function journalLines(config: TempConfig): unknown[] {
	const text = readFileSync(journalOf(config), 'utf8');
	expect(text.endsWith('\n')).toBe(true);
	return text
		.slice(0, -1)
		.split('\n')
		.map((line) => JSON.parse(line));
}

describe('a large progress file', () => {
	it('takes a page turn by appending one short line: progress.json is left byte for byte as it was', () => {
		const config = newConfig();
		writeLargeProgress(config, 200);
		const before = readFileSync(config.file);
		const {store} = openProgressStore(config.env);
		expectSaved(store.visitStep('pause', 2, 6));
		const afterFirst = statSync(journalOf(config)).size;
		expectSaved(store.visitStep('pause', 3, 6));
		expect(readFileSync(config.file)).toEqual(before);
		// The second turn added its own line and nothing else: the size of the change, not of the store.
		expect(statSync(journalOf(config)).size - afterFirst).toBeLessThan(200);
		const seen = readProgressSnapshot(config.env);
		expect(seen.warning).toBeUndefined();
		expect(seen.data.last).toMatchObject({lessonId: 'pause', step: 3});
		expect(seen.data.exercises['pack-199'].attempts).toBe(1);
		expect(openProgressStore(config.env).store.data().lessons.pause.furthestStep).toBe(3);
	});

	it('journals an answer at its cap: a 1 MB free-text answer adds a few KB', () => {
		const config = newConfig();
		writeLargeProgress(config, 200);
		const {store} = openProgressStore(config.env);
		expectSaved(store.visitStep('pause', 0, 6));
		const before = statSync(journalOf(config)).size;
		expectSaved(
			store.recordAttempt('pause-ip', {correct: false, answer: {kind: 'text', text: 'y'.repeat(1024 * 1024)}}),
		);
		const added = statSync(journalOf(config)).size - before;
		expect(added).toBeGreaterThan(MAX_STORED_TEXT_CHARS);
		expect(added).toBeLessThan(MAX_STORED_TEXT_CHARS + 300);
		const answer = readProgressSnapshot(config.env).data.exercises['pause-ip'].lastAnswer as {text: string};
		expect(answer.text).toHaveLength(MAX_STORED_TEXT_CHARS);
	});

	it('lazily (as check opens it): appends without reading, and reads when asked', () => {
		const config = newConfig();
		writeLargeProgress(config, 200);
		const {store, warning} = openProgressStore(config.env, {lazy: true});
		expect(warning).toBeUndefined();
		expectSaved(store.recordAttempt('pack-7', {correct: true, answer: {kind: 'text', text: 'a sidecar'}}));
		expect(journalLines(config)).toHaveLength(2);
		expect(store.data().exercises['pack-7']).toMatchObject({attempts: 2, correct: true});
		expect(readProgressSnapshot(config.env).data.exercises['pack-7'].lastAnswer).toEqual({
			kind: 'text',
			text: 'a sidecar',
		});
	});

	it('lazily, a bad id is still refused and nothing is written', () => {
		const config = newConfig();
		writeLargeProgress(config, 200);
		const {store} = openProgressStore(config.env, {lazy: true});
		expect(store.visitStep('pause', 9, 3).ok).toBe(false);
		expect(existsSync(journalOf(config))).toBe(false);
	});

	it('lazily, a newer progress.json is read after all and refused, untouched', () => {
		const config = newConfig();
		writeLargeProgress(config, 200);
		const text = readFileSync(config.file, 'utf8').replace('"version": 1', '"version": 7');
		writeFileSync(config.file, text);
		const {store} = openProgressStore(config.env, {lazy: true});
		const result = store.recordAttempt('pack-1', {correct: true});
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.error).toMatch(/newer pod-tutor/);
		expect(readFileSync(config.file, 'utf8')).toBe(text);
		expect(existsSync(journalOf(config))).toBe(false);
	});

	it('a reset is folded in at once: progress.json no longer holds what was forgotten', () => {
		const config = newConfig();
		writeLargeProgress(config, 200);
		const {store} = openProgressStore(config.env);
		expectSaved(store.visitStep('pause', 1, 6));
		expect(existsSync(journalOf(config))).toBe(true);
		expectSaved(store.reset({all: true}));
		expect(existsSync(journalOf(config))).toBe(false);
		expect(statSync(config.file).size).toBeLessThan(1024);
		expect(readProgressSnapshot(config.env).data.exercises).toEqual({});
	});

	it("a store seeded with the first frame's read shares its entries and takes in what was saved since", () => {
		const config = newConfig();
		writeLargeProgress(config, 200);
		const first = readProgressSnapshot(config.env);
		expectSaved(openProgressStore(config.env).store.visitStep('pause', 2, 6));
		const {store} = openProgressStore(config.env, {seed: {data: first.data, disk: first.disk!}});
		expect(store.data().lessons.pause.currentStep).toBe(2);
		// The same objects, not a second reading of the file.
		expect(store.data().exercises['pack-3']).toBe(first.data.exercises['pack-3']);
		expectSaved(store.recordAttempt('pack-3', {correct: true}));
		expect(first.data.exercises['pack-3'].attempts).toBe(1);
		expect(readProgressSnapshot(config.env).data.exercises['pack-3']).toMatchObject({attempts: 2, correct: true});
	});

	it('a seed older than progress.json is not used: the store reads the file', () => {
		const config = newConfig();
		const first = readProgressSnapshot(config.env);
		writeLargeProgress(config, 200);
		const {store} = openProgressStore(config.env, {seed: {data: first.data, disk: first.disk!}});
		expect(store.data().exercises['pack-199'].attempts).toBe(1);
	});

	it('a small file is still rewritten whole, with no journal', () => {
		const config = newConfig();
		const {store} = openProgressStore(config.env);
		for (let step = 0; step < 5; step++) expectSaved(store.visitStep('pause', step, 6));
		expect(readdirSync(config.dir)).toEqual(['progress.json']);
	});
});

describe('two windows through the journal', () => {
	it('merge their attempts on the same exercise: every one counted, each window sees the other', () => {
		const config = newConfig();
		const a = openProgressStore(config.env, {lock: {}, ...journalOnly}).store;
		const b = openProgressStore(config.env, journalOnly).store;
		expectSaved(a.recordAttempt('pause-ip', {correct: false}));
		expectSaved(b.recordAttempt('pause-ip', {correct: true}));
		expectSaved(a.recordAttempt('pause-ip', {correct: false}));
		expectSaved(b.visitStep('pause', 4, 6));
		expect(a.data().exercises['pause-ip']).toMatchObject({attempts: 3, correct: true});
		expect(a.refresh().lessons.pause.currentStep).toBe(4);
		expect(b.refresh().exercises['pause-ip'].attempts).toBe(3);
		expect(readProgressSnapshot(config.env).data.exercises['pause-ip'].attempts).toBe(3);
	});

	it('one window folds the journal in; the other carries on from the new progress.json, nothing counted twice', () => {
		const config = newConfig();
		const a = openProgressStore(config.env, journalOnly).store;
		const folding = openProgressStore(config.env, {journalFromBytes: 0, compactFromBytes: 1}).store;
		expectSaved(a.recordAttempt('pause-ip', {correct: false}));
		expectSaved(folding.recordAttempt('pause-ip', {correct: false}));
		expect(existsSync(journalOf(config))).toBe(false);
		expect(JSON.parse(readFileSync(config.file, 'utf8')).exercises['pause-ip'].attempts).toBe(2);
		expectSaved(a.recordAttempt('pause-ip', {correct: true}));
		expect(a.data().exercises['pause-ip']).toMatchObject({attempts: 3, correct: true});
		expect(readProgressSnapshot(config.env).data.exercises['pause-ip'].attempts).toBe(3);
	});
});

describe('the journal under kills', () => {
	it('a last line cut short is ignored by readers and cut off by the next save', () => {
		const config = newConfig();
		const {store} = openProgressStore(config.env, journalOnly);
		expectSaved(store.recordAttempt('pause-ip', {correct: false}));
		// What a kill in the middle of an append leaves.
		appendFileSync(journalOf(config), '{"at":"2026-01-01T00:00:00.000Z","op":"attempt","exer');
		const seen = readProgressSnapshot(config.env);
		expect(seen.warning).toBeUndefined();
		expect(seen.data.exercises['pause-ip'].attempts).toBe(1);
		const next = openProgressStore(config.env, journalOnly).store;
		expectSaved(next.recordAttempt('pause-ip', {correct: true}));
		const lines = journalLines(config);
		expect(lines).toHaveLength(3);
		expect(lines[2]).toMatchObject({op: 'attempt', exercise: 'pause-ip', correct: true});
		expect(readProgressSnapshot(config.env).data.exercises['pause-ip']).toMatchObject({attempts: 2, correct: true});
	});

	it('a kill after the fold wrote progress.json but before the journal was removed counts nothing twice', () => {
		const config = newConfig();
		const first = openProgressStore(config.env, journalOnly).store;
		expectSaved(first.recordAttempt('pause-ip', {correct: false}));
		expectSaved(first.recordAttempt('pause-ip', {correct: false}));
		// A second name for the journal keeps it as the fold finds it (appends go to the same inode).
		const kept = path.join(config.dir, 'kept-journal');
		linkSync(journalOf(config), kept);
		expectSaved(
			openProgressStore(config.env, {journalFromBytes: 0, compactFromBytes: 1}).store.visitStep('pause', 1, 3),
		);
		expect(existsSync(journalOf(config))).toBe(false);
		renameSync(kept, journalOf(config));
		expect(journalLines(config)).toHaveLength(4);
		const seen = readProgressSnapshot(config.env);
		expect(seen.warning).toBeUndefined();
		expect(seen.data.exercises['pause-ip'].attempts).toBe(2);
		const after = openProgressStore(config.env, journalOnly).store;
		expect(after.data().exercises['pause-ip'].attempts).toBe(2);
		expectSaved(after.recordAttempt('pause-ip', {correct: true}));
		expect(readProgressSnapshot(config.env).data.exercises['pause-ip']).toMatchObject({attempts: 3, correct: true});
		expect(readProgressSnapshot(config.env).data.lessons.pause.currentStep).toBe(1);
	});

	it('a journal whose first line is not a journal header is moved aside (0600) and named; the file is kept', () => {
		const config = newConfig();
		const {store} = openProgressStore(config.env);
		expectSaved(store.visitStep('pause', 2, 6));
		writeFileSync(journalOf(config), 'not a journal\n');
		const opened = openProgressStore(config.env, journalOnly);
		expect(opened.warning).toMatch(/journal .*damaged/);
		const aside = readdirSync(config.dir).find((name) => name.startsWith(`${JOURNAL_FILE_NAME}.corrupt-`));
		expect(aside).toBeDefined();
		expect(statSync(path.join(config.dir, aside!)).mode & 0o777).toBe(0o600);
		expect(opened.store.data().lessons.pause.currentStep).toBe(2);
	});

	it('a journal from a newer pod-tutor is refused and left untouched', () => {
		const config = newConfig();
		const text = '{"pod-tutor journal":9,"id":"x"}\n{"op":"something new"}\n';
		writeFileSync(journalOf(config), text);
		const {store, warning} = openProgressStore(config.env);
		expect(warning).toMatch(/newer pod-tutor/);
		expect(store.visitStep('pause', 0, 3).ok).toBe(false);
		expect(readFileSync(journalOf(config), 'utf8')).toBe(text);
	});
});

describe('older progress files with the journal', () => {
	it('a version 0 file loads, takes journal changes on top, and is written as version 1 when folded in', () => {
		const config = newConfig();
		writeFileSync(config.file, readFileSync(fixture('v0-draft.json')));
		const {store} = openProgressStore(config.env, journalOnly);
		expectSaved(store.recordHint('sum-requests', 1));
		const seen = readProgressSnapshot(config.env).data;
		expect(seen.lessons.container).toMatchObject({currentStep: 4, completed: true});
		expect(seen.exercises['pause-ip']).toMatchObject({attempts: 3, correct: true, hintsUsed: 2});
		expect(seen.exercises['sum-requests']).toMatchObject({attempts: 1, hintsUsed: 1});
		const folding = openProgressStore(config.env, {journalFromBytes: 0, compactFromBytes: 1}).store;
		expectSaved(folding.recordReveal('pause-ip'));
		const written = JSON.parse(readFileSync(config.file, 'utf8'));
		expect(written.version).toBe(1);
		expect(written.lessons.pause).toMatchObject({currentStep: 2, completed: false});
		expect(written.last).toMatchObject({lessonId: 'pause', step: 2});
		expect(written.exercises['pause-ip']).toMatchObject({attempts: 3, correct: true, hintsUsed: 2, revealed: true});
		expect(written.exercises['sum-requests']).toMatchObject({attempts: 1, hintsUsed: 1});
		expect(existsSync(journalOf(config))).toBe(false);
	});
});
