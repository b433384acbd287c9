import {spawnSync} from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	linkSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {emptyProgress} from '../../src/progress/progress-data.js';
import {readProgressSnapshot} from '../../src/progress/progress-snapshot.js';
import {openProgressStore, type ProgressResult} from '../../src/progress/progress-store.js';
import {useTempConfig} from './temp-config.js';

const fixture = (name: string): string => new URL(`../fixtures/progress/${name}`, import.meta.url).pathname;
const newConfig = useTempConfig();

function expectSaved(result: ProgressResult): void {
	if (!result.ok) throw new Error(`expected the update to be saved: ${result.error}`);
}

/** The pid of a process that has certainly exited. */
function deadPid(): number {
	const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'});
	return Number(child.stdout);
}

describe('openProgressStore', () => {
	it('starts empty when there is no file and creates the folder on the first save', () => {
		const {dir} = newConfig();
		const missing = path.join(dir, 'not-yet', 'here');
		const {store, warning} = openProgressStore({POD_TUTOR_CONFIG_DIR: missing});
		expect(warning).toBeUndefined();
		expect(store.data()).toEqual(emptyProgress());
		expectSaved(store.visitStep('pause', 0, 4));
		expect(readProgressSnapshot({POD_TUTOR_CONFIG_DIR: missing}).data.lessons.pause.currentStep).toBe(0);
	});

	it('saves every operation so a new session resumes at the exact step', () => {
		const {env} = newConfig();
		const first = openProgressStore(env).store;
		expectSaved(first.visitStep('pause', 3, 7));
		expectSaved(first.recordAttempt('pause-ip', {correct: true, answer: {kind: 'choice', selected: ['b']}}));
		expectSaved(first.recordHint('pause-ip', 1));
		expectSaved(first.recordPrediction('pause-ps', 'c', false));
		expectSaved(first.saveDraft('two-containers', 'apiVersion: v1\n'));
		const again = openProgressStore(env).store.data();
		expect(again.last).toMatchObject({lessonId: 'pause', step: 3});
		expect(again.exercises['pause-ip']).toMatchObject({
			attempts: 1,
			correct: true,
			hintsUsed: 1,
			lastAnswer: {kind: 'choice', selected: ['b']},
		});
		expect(again.predictions['pause-ps'].choice).toBe('c');
		expect(again.drafts['two-containers'].text).toBe('apiVersion: v1\n');
		expect(statSync(first.file).mode & 0o777).toBe(0o600);
	});

	it('writes through a temp file and rename: the old file is never modified in place', () => {
		const {dir, file, env} = newConfig();
		const {store} = openProgressStore(env);
		expectSaved(store.visitStep('pause', 0, 3));
		// A second name for the current inode: an in-place write would show through it.
		const oldInode = path.join(dir, 'old-inode');
		linkSync(file, oldInode);
		const before = readFileSync(oldInode, 'utf8');
		expectSaved(store.visitStep('pause', 1, 3));
		expect(readFileSync(oldInode, 'utf8')).toBe(before);
		expect(statSync(file).ino).not.toBe(statSync(oldInode).ino);
		expect(readdirSync(dir).sort()).toEqual(['old-inode', 'progress.json']);
	});

	it('migrates a version 0 file and writes it back as version 1 on the next save', () => {
		const {file, env} = newConfig();
		copyFileSync(fixture('v0-draft.json'), file);
		const {store, warning} = openProgressStore(env);
		expect(warning).toBeUndefined();
		expectSaved(store.recordHint('sum-requests', 1));
		const saved = JSON.parse(readFileSync(file, 'utf8'));
		expect(saved.version).toBe(1);
		expect(saved.lessons.container).toMatchObject({currentStep: 4, completed: true});
		expect(saved.exercises['sum-requests']).toMatchObject({attempts: 1, hintsUsed: 1});
	});

	it('moves a truncated file aside, says where, and starts empty', () => {
		const {dir, file, env} = newConfig();
		copyFileSync(fixture('truncated.json'), file);
		const damaged = readFileSync(file, 'utf8');
		const {store, warning} = openProgressStore(env);
		const moved = readdirSync(dir).filter((name) => name.startsWith('progress.json.corrupt-'));
		expect(moved).toHaveLength(1);
		const target = path.join(dir, moved[0]);
		expect(warning).toBe(
			`Your progress file was damaged (it is not valid JSON (Unterminated string in JSON at position 74)) and has been moved to ${target}; starting with empty progress.`,
		);
		expect(statSync(target).mode & 0o777).toBe(0o600);
		expect(readFileSync(target, 'utf8')).toBe(damaged);
		expect(existsSync(file)).toBe(false);
		expect(store.data()).toEqual(emptyProgress());
		expectSaved(store.visitStep('pause', 0, 2));
		expect(readProgressSnapshot(env).warning).toBeUndefined();
	});

	it('moves aside a file damaged while the tutor was running, and reports it with the save', () => {
		const {dir, file, env} = newConfig();
		const {store} = openProgressStore(env);
		expectSaved(store.visitStep('pause', 0, 2));
		writeFileSync(file, '\u0000\u0000\u0000');
		const result = store.recordReveal('pause-ip');
		expect(result.ok).toBe(true);
		expect(result.ok && result.warning).toMatch(/moved to .*progress\.json\.corrupt-/);
		expect(readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toHaveLength(1);
		expect(readProgressSnapshot(env).data.exercises['pause-ip'].revealed).toBe(true);
	});

	it('refuses to write over a file from a newer pod-tutor', () => {
		const {file, env} = newConfig();
		copyFileSync(fixture('future-v7.json'), file);
		const before = readFileSync(file, 'utf8');
		const {store, warning} = openProgressStore(env);
		expect(warning).toContain('format version 7');
		const result = store.visitStep('pause', 0, 3);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toContain('nothing will be saved until pod-tutor is updated');
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it('refuses an update when another window wrote a newer format meanwhile', () => {
		const {file, env} = newConfig();
		const {store} = openProgressStore(env);
		copyFileSync(fixture('future-v7.json'), file);
		const result = store.visitStep('pause', 0, 3);
		expect(result.ok).toBe(false);
		expect(readFileSync(file, 'utf8')).toBe(readFileSync(fixture('future-v7.json'), 'utf8'));
	});

	it('merges with what another window saved since this one opened', () => {
		const {env} = newConfig();
		const one = openProgressStore(env).store;
		const two = openProgressStore(env).store;
		expectSaved(one.recordAttempt('a', {correct: true}));
		expectSaved(two.recordAttempt('b', {correct: false}));
		expectSaved(one.recordAttempt('b', {correct: true}));
		const data = readProgressSnapshot(env).data;
		expect(data.exercises.a.attempts).toBe(1);
		expect(data.exercises.b).toMatchObject({attempts: 2, correct: true});
		expect(two.refresh().exercises.b.attempts).toBe(2);
	});

	it('returns an error value naming the lock when another live tutor holds it', () => {
		const {file, env} = newConfig();
		const {store} = openProgressStore(env, {lock: {timeoutMs: 150}});
		writeFileSync(`${file}.lock`, JSON.stringify({pid: process.pid, at: Date.now(), token: 'other'}));
		const started = Date.now();
		const result = store.visitStep('pause', 0, 3);
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toContain(`${file}.lock has been held by pod-tutor process ${process.pid}`);
		expect(existsSync(file)).toBe(false);
	});

	it('breaks a lock left by a dead process, an old lock, and an unwritten lock', () => {
		const {file, env} = newConfig();
		const {store} = openProgressStore(env, {lock: {timeoutMs: 5000}});
		const lock = `${file}.lock`;
		writeFileSync(lock, JSON.stringify({pid: deadPid(), at: Date.now(), token: 'dead'}));
		expectSaved(store.recordAttempt('one', {correct: true}));
		expect(existsSync(lock)).toBe(false);

		writeFileSync(lock, JSON.stringify({pid: process.pid, at: Date.now() - 11_000, token: 'old'}));
		expectSaved(store.recordAttempt('two', {correct: true}));
		expect(existsSync(lock)).toBe(false);

		writeFileSync(lock, '');
		const past = new Date(Date.now() - 5000);
		utimesSync(lock, past, past);
		expectSaved(store.recordAttempt('three', {correct: true}));
		expect(Object.keys(readProgressSnapshot(env).data.exercises)).toEqual(['one', 'two', 'three']);
	});

	it('removes temp files a killed writer left behind once they are old', () => {
		const {dir, file, env} = newConfig();
		const old = `${file}.tmp-1700000000abcdef`;
		const young = `${file}.tmp-1700000001abcdef`;
		writeFileSync(old, '{');
		writeFileSync(young, '{');
		const past = new Date(Date.now() - 120_000);
		utimesSync(old, past, past);
		openProgressStore(env);
		expect(readdirSync(dir).sort()).toEqual([path.basename(young)]);
	});

	it('saves even when its folder was removed while it ran', () => {
		const {dir, env} = newConfig();
		const {store} = openProgressStore(env);
		expectSaved(store.visitStep('pause', 0, 2));
		rmSync(dir, {recursive: true});
		expectSaved(store.visitStep('pause', 1, 2));
		expect(readProgressSnapshot(env).data.lessons.pause.currentStep).toBe(1);
	});

	it('refuses a bad step as an error value and writes nothing', () => {
		const {file, env} = newConfig();
		const {store} = openProgressStore(env);
		const result = store.visitStep('pause', 9, 3);
		expect(result).toEqual({ok: false, error: 'step must be a whole number from 0 to 2, got 9'});
		expect(existsSync(file)).toBe(false);
	});
});
