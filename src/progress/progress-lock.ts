/**
 * A lock file beside the progress file, so that two tutor windows of the same user take turns:
 * each re-reads, changes and writes the file while holding it. Created with O_EXCL ('wx'), so
 * exactly one process can create it; it holds the owner's pid, the time and a random token.
 *
 * Everything here is synchronous on purpose: progress is saved from key handlers and from the
 * exit path, where an await could be cut short. Waiting uses Atomics.wait, which sleeps the
 * thread instead of spinning the CPU (Node allows it on the main thread).
 */
import {randomBytes} from 'node:crypto';
import {chmodSync, closeSync, mkdirSync, openSync, statSync, unlinkSync, writeSync} from 'node:fs';
import path from 'node:path';
import {readFileBounded} from '../files/bounded-read.js';

export interface LockOptions {
	/** How long to keep trying before giving up. */
	readonly timeoutMs?: number;
	/** A lock older than this is taken to be left over from a hung or killed process. */
	readonly staleMs?: number;
}

export type LockResult<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: string};

interface LockOwner {
	readonly pid: number;
	readonly at: number;
	readonly token: string;
}

interface LockFile {
	readonly raw: string;
	readonly owner?: LockOwner;
	readonly mtimeMs: number;
}

const DEFAULT_STALE_MS = 10_000;
/**
 * A save holds the lock for milliseconds. Waiting longer than a lock can live before it is judged
 * stale means a waiter either gets its turn or breaks the lock of a hung owner: two windows never
 * lose an answer to a timeout.
 */
const DEFAULT_TIMEOUT_MS = DEFAULT_STALE_MS + 2000;
/** A lock file holds a line of JSON; anything much bigger is not one of ours. */
const MAX_LOCK_BYTES = 4096;
/**
 * The owner writes its pid right after creating the file; a file still without a readable
 * owner after this long belongs to a process killed in between.
 */
const UNWRITTEN_GRACE_MS = 1000;

/**
 * A process saving several times in a row would otherwise re-take the lock microseconds after
 * releasing it, and a waiting window could miss every chance until it times out. Leaving this
 * much room after our own release lets a waiter (which retries every few ms) get its turn.
 */
const COURTESY_MS = 4;
let lastReleasedAt = 0;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

function sleep(ms: number): void {
	Atomics.wait(sleeper, 0, 0, ms);
}

function errorCode(error: unknown): string | undefined {
	return (error as NodeJS.ErrnoException | undefined)?.code;
}

function parseOwner(raw: string): LockOwner | undefined {
	try {
		const value: unknown = JSON.parse(raw);
		if (typeof value !== 'object' || value === null) return undefined;
		const {pid, at, token} = value as Record<string, unknown>;
		if (typeof pid === 'number' && typeof at === 'number' && typeof token === 'string') return {pid, at, token};
	} catch {
		// An owner killed between creating and writing the file leaves it empty or partial.
	}
	return undefined;
}

function readLock(file: string): LockFile | undefined {
	let mtimeMs: number;
	try {
		// The time first: a lock rewritten in between then looks older, never younger, than it is.
		mtimeMs = statSync(file).mtimeMs;
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return undefined;
		throw error;
	}
	const read = readFileBounded(file, {limit: MAX_LOCK_BYTES});
	if (read.ok) return {raw: read.text, owner: parseOwner(read.text), mtimeMs};
	if (read.code === 'ENOENT') return undefined;
	// Not a lock we could have written (a folder, a huge file): it stays until someone looks.
	throw new Error(`${file}: ${read.reason}`);
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		// EPERM: the process exists but belongs to someone else.
		return errorCode(error) === 'EPERM';
	}
}

function isStale(lock: LockFile, staleMs: number, now: number): boolean {
	if (!lock.owner) return now - lock.mtimeMs > UNWRITTEN_GRACE_MS;
	return !isAlive(lock.owner.pid) || now - lock.owner.at > staleMs;
}

/**
 * Creates the file and writes the owner; when the write fails (a full disk), the empty file is
 * removed again, so it does not hold up the next process until it is judged stale.
 */
function createWithOwner(file: string, owner: LockOwner): void {
	const fd = openSync(file, 'wx', 0o600);
	try {
		writeSync(fd, JSON.stringify(owner));
	} catch (error) {
		closeSync(fd);
		unlinkSync(file);
		throw error;
	}
	closeSync(fd);
}

function tryCreate(file: string, owner: LockOwner): boolean {
	const create = (): void => createWithOwner(file, owner);
	try {
		create();
		return true;
	} catch (error) {
		if (errorCode(error) === 'EEXIST') return false;
		if (errorCode(error) !== 'ENOENT') throw error;
	}
	// The folder was removed while the tutor ran (or never made): make it and try once more.
	// 0700 whatever the umask: the folder holds the learner's answers.
	const dir = path.dirname(file);
	if (mkdirSync(dir, {recursive: true, mode: 0o700}) !== undefined) chmodSync(dir, 0o700);
	try {
		create();
		return true;
	} catch (error) {
		if (errorCode(error) === 'EEXIST') return false;
		throw error;
	}
}

function unlinkIfSame(file: string, raw: string): void {
	const current = readLock(file);
	if (current?.raw !== raw) return;
	try {
		unlinkSync(file);
	} catch (error) {
		if (errorCode(error) !== 'ENOENT') throw error;
	}
}

/**
 * Removes a stale lock. Two processes may find the same stale lock at once; if both simply
 * deleted it, the slower one could delete the fresh lock the faster one had just created.
 * So breaking goes through a second lock file, and only the exact stale content is removed.
 */
function breakStaleLock(file: string, stale: LockFile, staleMs: number, owner: LockOwner): boolean {
	const breaker = `${file}.break`;
	if (!tryCreate(breaker, owner)) {
		const other = readLock(breaker);
		if (other && isStale(other, staleMs, Date.now())) unlinkIfSame(breaker, other.raw);
		return false;
	}
	try {
		unlinkIfSame(file, stale.raw);
		return true;
	} finally {
		unlinkIfSame(breaker, JSON.stringify(owner));
	}
}

function describeOwner(lock: LockFile | undefined): string {
	return lock?.owner ? `pod-tutor process ${lock.owner.pid}` : 'another pod-tutor';
}

/**
 * Runs `action` while holding the lock at `file`. A lock that cannot be had, or a file system
 * error while taking it, comes back as an error value naming the file; `action`'s own
 * exceptions pass through (the lock is released either way).
 */
export function withFileLock<T>(file: string, action: () => T, options: LockOptions = {}): LockResult<T> {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const staleMs = options.staleMs ?? DEFAULT_STALE_MS;
	const sinceRelease = Date.now() - lastReleasedAt;
	if (sinceRelease < COURTESY_MS) sleep(COURTESY_MS - sinceRelease);
	const deadline = Date.now() + timeoutMs;
	let owner: LockOwner;
	try {
		for (;;) {
			owner = {pid: process.pid, at: Date.now(), token: randomBytes(8).toString('hex')};
			if (tryCreate(file, owner)) break;
			const held = readLock(file);
			if (held === undefined) continue;
			if (isStale(held, staleMs, Date.now()) && breakStaleLock(file, held, staleMs, owner)) continue;
			if (Date.now() >= deadline) {
				return {
					ok: false,
					error:
						`${file} has been held by ${describeOwner(held)} for more than ${timeoutMs / 1000} ` +
						`s. Try again; if no other pod-tutor is running, delete that file.`,
				};
			}
			// Random spacing so two waiting windows do not retry in lockstep.
			sleep(1 + Math.floor(Math.random() * 3));
		}
	} catch (error) {
		return {ok: false, error: `could not lock ${file}: ${(error as Error).message}.`};
	}
	try {
		return {ok: true, value: action()};
	} finally {
		try {
			unlinkIfSame(file, JSON.stringify(owner));
			lastReleasedAt = Date.now();
		} catch {
			// Leaving the lock behind only delays the next writer until it is judged stale.
		}
	}
}
