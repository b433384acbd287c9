/** Saves that tell the truth: a refused save is kept and retried, answers are capped, sizes stay small. */
import {readFileSync, readdirSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {MAX_STORED_MANIFEST_CHARS, MAX_STORED_TEXT_CHARS} from '../../src/progress/progress-data.js';
import {MAX_MANIFEST_BYTES} from '../../src/exercises/manifest-yaml.js';
import {storableAnswer} from '../../src/progress/progress-migration.js';
import {openProgressStore} from '../../src/progress/progress-store.js';
import {noticeLines} from '../../src/tutor/screen.js';
import {detectTextStyle} from '../../src/render/text-style.js';
import {useTempConfig} from './temp-config.js';

const newConfig = useTempConfig();

describe('a save the lock or the disk refused', () => {
	it('is kept in memory, shown in data(), and saved with the next change', () => {
		const {file, env} = newConfig();
		const {store} = openProgressStore(env, {lock: {timeoutMs: 50}});
		expect(store.visitStep('pause', 0, 3).ok).toBe(true);
		// A live owner (this very process) holds the lock.
		writeFileSync(`${file}.lock`, JSON.stringify({pid: process.pid, at: Date.now(), token: 'held'}));
		const refused = store.recordAttempt('pause-ip', {correct: true, answer: {kind: 'choice', selected: ['b']}});
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.error).toMatch(/progress\.json\.lock has been held by pod-tutor process \d+/);
		expect(refused.error).not.toMatch(/Progress not saved/);
		expect(refused.unsaved).toMatchObject({
			changes: 1,
			retried: true,
			data: {exercises: {'pause-ip': {attempts: 1, correct: true}}},
		});
		expect(store.data().exercises['pause-ip'].correct).toBe(true);
		expect(JSON.parse(readFileSync(file, 'utf8')).exercises['pause-ip']).toBeUndefined();
		unlinkSync(`${file}.lock`);
		expect(store.visitStep('pause', 1, 3).ok).toBe(true);
		const saved = JSON.parse(readFileSync(file, 'utf8'));
		expect(saved.exercises['pause-ip']).toMatchObject({attempts: 1, correct: true});
		expect(saved.lessons.pause.currentStep).toBe(1);
	});

	it('with a file from a newer pod-tutor: nothing saved all session, changes kept on screen only', () => {
		const {file, env} = newConfig();
		writeFileSync(file, '{"version": 7}');
		const {store} = openProgressStore(env);
		const result = store.recordAttempt('pause-ip', {correct: true});
		expect(result).toMatchObject({
			ok: false,
			error: expect.stringContaining('format version 7'),
			unsaved: {retried: false, changes: 1},
		});
		expect(store.data().exercises['pause-ip'].correct).toBe(true);
		expect(readFileSync(file, 'utf8')).toBe('{"version": 7}');
	});

	it('a change that is itself wrong is refused and not kept', () => {
		const {env} = newConfig();
		const {store} = openProgressStore(env);
		const result = store.visitStep('pause', 9, 3);
		expect(result).toEqual({ok: false, error: 'step must be a whole number from 0 to 2, got 9'});
	});
});

describe('what one answer costs in the file', () => {
	it('caps a free-text answer at a few KB and a manifest at the checker limit', () => {
		expect(MAX_STORED_MANIFEST_CHARS).toBe(MAX_MANIFEST_BYTES);
		const long = storableAnswer({kind: 'text', text: 'x'.repeat(1024 * 1024)}) as {
			text: string;
			shortened: boolean;
		};
		expect(long.text).toHaveLength(MAX_STORED_TEXT_CHARS);
		expect(long.shortened).toBe(true);
		const short = {kind: 'text', text: 'a sidecar'};
		expect(storableAnswer(short)).toBe(short);
		const manifest = storableAnswer({
			kind: 'manifest',
			origin: 'pod.yaml',
			source: 'y'.repeat(2 * 1024 * 1024),
		}) as {source: string};
		expect(manifest.source).toHaveLength(MAX_STORED_MANIFEST_CHARS);
	});

	it('attempts only grow counters: 220 attempts with 100 KB answers leave the file the size of one capped answer per exercise', () => {
		const {file, env} = newConfig();
		const {store} = openProgressStore(env);
		const ids = Array.from({length: 20}, (_, i) => `exercise-${i}`);
		for (const id of ids)
			expect(
				store.recordAttempt(id, {correct: false, answer: {kind: 'text', text: 'x'.repeat(100_000)}}).ok,
			).toBe(true);
		const afterOne = statSync(file).size;
		for (let n = 0; n < 200; n++)
			expect(
				store.recordAttempt(ids[n % ids.length], {
					correct: false,
					answer: {kind: 'text', text: 'x'.repeat(100_000)},
				}).ok,
			).toBe(true);
		const data = JSON.parse(readFileSync(file, 'utf8'));
		expect(data.exercises['exercise-0'].attempts).toBe(11);
		// Counters grow, nothing else: the file's size does not depend on the number of attempts.
		expect(Math.abs(statSync(file).size - afterOne)).toBeLessThan(200);
		expect(afterOne).toBeLessThan(ids.length * (MAX_STORED_TEXT_CHARS + 400));
	});
});

describe('the tutor notice', () => {
	it('shows a whole save failure over several lines, naming the backup path', () => {
		const style = detectTextStyle({LANG: 'C.UTF-8'}, false, false, true);
		const message =
			'Your progress file was damaged (it is not valid JSON) and has been moved to /home/learner/.config/pod-tutor/progress.json.corrupt-2026-12-01T20-00-00.000Z; starting with empty progress.';
		const lines = noticeLines(message, 80, style);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.every((l) => l.length <= 80)).toBe(true);
		expect(lines.join('')).toContain('progress.json.corrupt-2026-12-01T20-00-00.000Z;');
	});
});

it('leaves no lock behind after a save', () => {
	const {dir, env} = newConfig();
	expect(openProgressStore(env).store.visitStep('pause', 0, 1).ok).toBe(true);
	expect(readdirSync(dir)).toEqual(['progress.json']);
});
