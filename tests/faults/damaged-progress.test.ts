/**
 * Progress files that are damaged, from the future, unwritable or on a full or read-only disk,
 * through the built CLI: each case with the message the learner gets, the backup it leaves and
 * the exit code (0/1 judged and saved, 3 judged but not saved).
 */
import {execFileSync, spawn} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {bin, cli, expectNothingRaw, learnerEnv, tempDir, type Run} from './built-cli.js';

const RIGHT = ['check', 'container-process', 'b'];

function files(dir: string): string[] {
	return readdirSync(dir).sort();
}

function modeOf(file: string): number {
	return statSync(file).mode & 0o777;
}

function only(dir: string, label: string): string {
	const found = files(dir).filter((name) => name.includes(`.${label}-`));
	expect(found, files(dir).join(', ')).toHaveLength(1);
	return path.join(dir, found[0]);
}

function progress(dir: string): any {
	return JSON.parse(readFileSync(path.join(dir, 'progress.json'), 'utf8'));
}

function expectSaved(run: Run): void {
	expect(run.code, run.stderr).toBe(0);
	expectNothingRaw(run);
}

function expectNotSaved(run: Run, reason: string | RegExp): void {
	expect(run.code, run.stderr).toBe(3);
	expect(run.stdout).toContain('Right.');
	expect(run.stderr).toContain('your answer was checked but NOT saved');
	expect(run.stderr).toMatch(reason);
	expectNothingRaw(run);
}

/** Mounts a small tmpfs (root only: the CI runs as root); undefined where that is not allowed. */
const mounts: string[] = [];
function smallDisk(kib: number): string | undefined {
	const dir = tempDir('disk');
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kib}k,mode=0700`, 'tmpfs', dir], {stdio: 'ignore'});
	} catch {
		return undefined;
	}
	mounts.push(dir);
	return dir;
}
afterAll(() => {
	for (const dir of mounts.splice(0)) execFileSync('umount', ['-l', dir]);
});
const canMount = (() => {
	const probe = smallDisk(64);
	return probe !== undefined;
})();

describe('damaged progress: message, backup, exit code', () => {
	it('truncated JSON: moved aside (0600) and named, the answer saved in a fresh file', async () => {
		const config = tempDir('truncated');
		writeFileSync(path.join(config, 'progress.json'), '{"version": 1, "lessons": {"pause": {"currentSt');
		const run = await cli(RIGHT, {config});
		expectSaved(run);
		const moved = only(config, 'corrupt');
		expect(run.stderr).toContain(`has been moved to ${moved}`);
		expect(readFileSync(moved, 'utf8')).toContain('"currentSt');
		expect(modeOf(moved)).toBe(0o600);
		expect(progress(config).exercises['container-process'].correct).toBe(true);
	});

	it('attempts: "two": the entry is repaired (correct: true kept) after a 0600 copy is named', async () => {
		const config = tempDir('attempts');
		const original = JSON.stringify({
			version: 1,
			exercises: {'ns-hostname': {attempts: 'two', correct: true, hintsUsed: 1, revealed: false}},
		});
		writeFileSync(path.join(config, 'progress.json'), original, {mode: 0o644});
		const run = await cli(RIGHT, {config});
		expectSaved(run);
		const copy = only(config, 'backup');
		expect(run.stderr).toContain('exercises.ns-hostname.attempts');
		expect(run.stderr).toContain(`kept in ${copy}`);
		expect(readFileSync(copy, 'utf8')).toBe(original);
		expect(modeOf(copy)).toBe(0o600);
		expect(progress(config).exercises['ns-hostname']).toMatchObject({correct: true, attempts: 1, hintsUsed: 1});
		// The repaired file is clean: the next run neither warns nor copies again.
		const again = await cli(RIGHT, {config});
		expectSaved(again);
		expect(again.stderr).toBe('');
		expect(files(config).filter((n) => n.includes('.backup-'))).toHaveLength(1);
	});

	it('{"lessons": 5}: the part is dropped only after a copy is kept and named', async () => {
		const config = tempDir('lessons-5');
		writeFileSync(path.join(config, 'progress.json'), '{"version": 1, "lessons": 5}');
		const run = await cli(RIGHT, {config});
		expectSaved(run);
		const copy = only(config, 'backup');
		expect(run.stderr).toContain('lessons: expected an object, found number 5');
		expect(run.stderr).toContain(copy);
		expect(readFileSync(copy, 'utf8')).toBe('{"version": 1, "lessons": 5}');
	});

	it('a newer format: left untouched, nothing saved, exit 3, JSON says saved: false', async () => {
		const config = tempDir('future');
		const future = '{"version": 7, "lessons": {}, "journal": []}';
		writeFileSync(path.join(config, 'progress.json'), future);
		const run = await cli(RIGHT, {config});
		expectNotSaved(run, /newer pod-tutor \(format version 7/);
		expect(readFileSync(path.join(config, 'progress.json'), 'utf8')).toBe(future);
		const json = await cli([...RIGHT, '--json'], {config});
		expect(json.code).toBe(3);
		expect(JSON.parse(json.stdout)).toMatchObject({
			correct: true,
			saved: false,
			saveError: expect.stringContaining('newer pod-tutor'),
		});
	});

	it('progress.json is a folder (EISDIR): exit 3 naming it', async () => {
		const config = tempDir('eisdir');
		mkdirSync(path.join(config, 'progress.json'));
		expectNotSaved(await cli(RIGHT, {config}), /progress\.json could not be read: it is a folder/);
	});

	it('the config folder is a file (ENOTDIR): exit 3 naming it', async () => {
		const parent = tempDir('enotdir');
		const config = path.join(parent, 'not-a-folder');
		writeFileSync(config, 'x');
		expectNotSaved(
			await cli(RIGHT, {config}),
			/not-a-folder\/progress\.json could not be read: no such file \(a part of the path is not a folder\)/,
		);
	});

	it('a read-only (0400) progress file is left as it is: exit 3 saying how to fix it', async () => {
		const config = tempDir('readonly');
		const file = path.join(config, 'progress.json');
		writeFileSync(file, '{"version": 1}');
		chmodSync(file, 0o400);
		expectNotSaved(await cli(RIGHT, {config}), /is read-only \(mode 0400\).*chmod 600/);
		expect(readFileSync(file, 'utf8')).toBe('{"version": 1}');
		expect(modeOf(file)).toBe(0o400);
	});

	it('a 50 MB progress file is not parsed: moved aside with the reason, the answer saved', async () => {
		const config = tempDir('huge');
		writeFileSync(
			path.join(config, 'progress.json'),
			`{"version": 1, "drafts": {"x": {"text": "${'y'.repeat(50 * 1024 * 1024)}"}}}`,
		);
		const started = performance.now();
		const run = await cli(RIGHT, {config});
		const ms = performance.now() - started;
		expectSaved(run);
		expect(run.stderr).toContain('larger than 32 MiB');
		expect(statSync(only(config, 'corrupt')).size).toBeGreaterThan(50 * 1024 * 1024);
		console.log(`50 MB progress file: check took ${ms.toFixed(0)} ms`);
	});

	it('a stale lock (its process is gone) is broken at once; a live one is waited for until released', async () => {
		const config = tempDir('locks');
		const lock = path.join(config, 'progress.json.lock');
		const dead = Number(
			execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {encoding: 'utf8'}),
		);
		writeFileSync(lock, JSON.stringify({pid: dead, at: Date.now(), token: 'old'}));
		expectSaved(await cli(RIGHT, {config}));
		expect(existsSync(lock)).toBe(false);
		// A live owner that keeps the lock 3 s (longer than the old 2 s give-up), then releases it.
		const owner = spawn(process.execPath, [
			'-e',
			`require('fs').writeFileSync(${JSON.stringify(lock)}, JSON.stringify({pid: process.pid, at: Date.now(), token: 'live'})); setTimeout(() => require('fs').unlinkSync(${JSON.stringify(lock)}), 3000)`,
		]);
		const ownerGone = new Promise((resolve) => owner.on('exit', resolve));
		await new Promise<void>((resolve) => {
			const poll = () => (existsSync(lock) ? resolve() : setTimeout(poll, 10));
			poll();
		});
		const waited = await cli(['check', 'container-process', 'a'], {config});
		await ownerGone;
		expect(waited.code, waited.stderr).toBe(1);
		expect(progress(config).exercises['container-process'].attempts).toBe(2);
	});

	it('the config folder is made 0700 and the file 0600 whatever the umask', async () => {
		const parent = tempDir('umask');
		const config = path.join(parent, 'pod-tutor');
		const run = await new Promise<number | null>((resolve) => {
			const child = spawn(
				'bash',
				['-c', `umask 000; exec "${process.execPath}" "${bin}" check container-process b`],
				{env: learnerEnv(config), stdio: 'ignore'},
			);
			child.on('exit', resolve);
		});
		expect(run).toBe(0);
		expect(modeOf(config)).toBe(0o700);
		expect(modeOf(path.join(config, 'progress.json'))).toBe(0o600);
	});
});

describe.skipIf(!canMount)('failing disks (a real tmpfs)', () => {
	it('a read-only file system (EROFS): exit 3 naming the error, the file unchanged', async () => {
		const disk = smallDisk(256)!;
		writeFileSync(path.join(disk, 'progress.json'), '{"version": 1}');
		execFileSync('mount', ['-o', 'remount,ro', disk]);
		expectNotSaved(await cli(RIGHT, {config: disk}), /EROFS|read-only file system/);
		expect(readFileSync(path.join(disk, 'progress.json'), 'utf8')).toBe('{"version": 1}');
	});

	it('a full disk (ENOSPC): exit 3 naming it, no empty lock or .lock.break left, the next run saves', async () => {
		const disk = smallDisk(64)!;
		const config = path.join(disk, 'pod-tutor');
		mkdirSync(config);
		writeFileSync(
			path.join(config, 'progress.json'),
			JSON.stringify({version: 1, exercises: {'ns-hostname': {attempts: 1, correct: true}}}),
		);
		// Fill every block: the temp file cannot be written.
		try {
			execFileSync('dd', ['if=/dev/zero', `of=${path.join(disk, 'filler')}`, 'bs=4k'], {stdio: 'ignore'});
		} catch {
			// dd stops with "No space left on device": that is the point.
		}
		const full = await cli(RIGHT, {config});
		expectNotSaved(full, /ENOSPC|no space left/i);
		expect(files(config)).toEqual(['progress.json']);
		expect(progress(config).exercises['ns-hostname'].correct).toBe(true);
		rmSync(path.join(disk, 'filler'));
		const after = await cli(RIGHT, {config});
		expectSaved(after);
		expect(progress(config).exercises['container-process'].correct).toBe(true);
	});
});
