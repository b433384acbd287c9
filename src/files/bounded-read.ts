/**
 * The one way pod-tutor reads a file or stdin it did not write itself: answers, manifests,
 * lesson and exercise files, diagram specs, progress, the lock, the course cache.
 *
 * - Regular files only. The file is opened with O_NONBLOCK and checked with fstat before a byte
 *   is read, so a FIFO with no writer cannot block the open, and /dev/zero, a terminal, a socket
 *   or a folder is refused by name instead of read.
 * - At most `limit + 1` bytes are read, whatever the file claims its size is (a file that grows
 *   while being read, /proc files that report 0): one byte more than allowed is enough to say no.
 * - stdin is read through its stream, which waits for a producer that pauses (reading fd 0 by
 *   hand fails with EAGAIN once Node has made the pipe non-blocking), with the same limit, and
 *   without blocking the event loop, so Ctrl+C and SIGTERM act during the read.
 * - With `within`, a path that resolves (through symbolic links) outside that folder is refused,
 *   naming where it points; a link that stays inside is followed.
 */
import {closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats} from 'node:fs';
import {open} from 'node:fs/promises';
import path from 'node:path';

export type ReadProblem = 'missing' | 'folder' | 'not-regular' | 'too-large' | 'outside' | 'link' | 'denied' | 'failed';

export type BoundedRead =
	| {readonly ok: true; readonly text: string; readonly owner?: number}
	| {readonly ok: false; readonly problem: ReadProblem; readonly reason: string; readonly code?: string};

export interface ReadLimits {
	/** Largest size accepted, in bytes. */
	readonly limit: number;
	/** A folder the file must stay inside once symbolic links are followed (a lesson pack). */
	readonly within?: string;
	/** Refuse a symbolic link instead of following it (a folder others can write to). */
	readonly noFollow?: boolean;
}

/** "512 KiB", "1 MiB": limits as a person reads them. */
export function sizeText(bytes: number): string {
	if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
	if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
	return `${bytes} bytes`;
}

function tooLarge(limit: number): BoundedRead {
	return {
		ok: false,
		problem: 'too-large',
		reason: `it is larger than ${sizeText(limit)}, more than a file of this kind can be`,
	};
}

function kindOf(stat: Stats): string {
	if (stat.isFIFO()) return 'a named pipe (FIFO)';
	if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
	if (stat.isSocket()) return 'a socket';
	return 'not a regular file';
}

function refuseStat(stat: Stats): BoundedRead | undefined {
	if (stat.isFile()) return undefined;
	if (stat.isDirectory()) return {ok: false, problem: 'folder', reason: 'it is a folder, not a file'};
	return {ok: false, problem: 'not-regular', reason: `it is ${kindOf(stat)}, not a regular file`};
}

function fromError(error: unknown): BoundedRead {
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	if (code === 'ENOENT') return {ok: false, problem: 'missing', reason: 'no such file', code};
	if (code === 'ENOTDIR')
		return {ok: false, problem: 'missing', reason: 'no such file (a part of the path is not a folder)', code};
	if (code === 'EISDIR') return {ok: false, problem: 'folder', reason: 'it is a folder, not a file', code};
	if (code === 'EACCES' || code === 'EPERM') return {ok: false, problem: 'denied', reason: 'permission denied', code};
	if (code === 'ELOOP') return {ok: false, problem: 'failed', reason: 'its symbolic links form a loop', code};
	const detail = error instanceof Error ? error.message : String(error);
	return {ok: false, problem: 'failed', reason: `it could not be read (${code ?? detail})`, code};
}

/** Where a path ends up once links are followed; a refusal when that is outside `within`. */
function checkWithin(file: string, within: string | undefined): BoundedRead | undefined {
	if (within === undefined) return undefined;
	let target: string;
	let root: string;
	try {
		target = realpathSync(file);
		root = realpathSync(within);
	} catch (error) {
		return fromError(error);
	}
	const rel = path.relative(root, target);
	if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return undefined;
	return {
		ok: false,
		problem: 'outside',
		reason: `it is a symbolic link to ${target}, outside ${root}; copy the file into the folder instead`,
	};
}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);

function openFlags(limits: ReadLimits): number {
	return limits.noFollow ? OPEN_FLAGS | constants.O_NOFOLLOW : OPEN_FLAGS;
}

/** With O_NOFOLLOW, ELOOP means the name itself is a link. */
function openError(error: unknown, limits: ReadLimits): BoundedRead {
	if (limits.noFollow && (error as NodeJS.ErrnoException | undefined)?.code === 'ELOOP')
		return {ok: false, problem: 'link', reason: 'it is a symbolic link, not a file', code: 'ELOOP'};
	return fromError(error);
}
/** Reads of this size keep a large file from being pulled in one allocation. */
const CHUNK = 64 * 1024;

/** Synchronous, for the loaders and the progress store; bounded, so it cannot hang or balloon. */
export function readFileBounded(file: string, limits: ReadLimits): BoundedRead {
	const outside = checkWithin(file, limits.within);
	if (outside) return outside;
	let fd: number;
	try {
		fd = openSync(file, openFlags(limits));
	} catch (error) {
		return openError(error, limits);
	}
	try {
		const stat = fstatSync(fd);
		const refused = refuseStat(stat);
		if (refused) return refused;
		if (stat.size > limits.limit) return tooLarge(limits.limit);
		const chunks: Buffer[] = [];
		let total = 0;
		for (;;) {
			const room = Math.min(CHUNK, limits.limit + 1 - total);
			const chunk = Buffer.allocUnsafe(room);
			const n = readSync(fd, chunk, 0, room, null);
			if (n === 0) break;
			chunks.push(chunk.subarray(0, n));
			total += n;
			if (total > limits.limit) return tooLarge(limits.limit);
		}
		return {ok: true, text: Buffer.concat(chunks, total).toString('utf8'), owner: stat.uid};
	} catch (error) {
		return fromError(error);
	} finally {
		closeSync(fd);
	}
}

/** Asynchronous, for commands: signals are handled between reads. */
export async function readFileBoundedAsync(file: string, limits: ReadLimits): Promise<BoundedRead> {
	const outside = checkWithin(file, limits.within);
	if (outside) return outside;
	let handle;
	try {
		handle = await open(file, openFlags(limits));
	} catch (error) {
		return openError(error, limits);
	}
	try {
		const stat = await handle.stat();
		const refused = refuseStat(stat);
		if (refused) return refused;
		const chunks: Buffer[] = [];
		let total = 0;
		for (;;) {
			const room = Math.min(CHUNK, limits.limit + 1 - total);
			const {bytesRead, buffer} = await handle.read(Buffer.allocUnsafe(room), 0, room, null);
			if (bytesRead === 0) break;
			chunks.push(buffer.subarray(0, bytesRead));
			total += bytesRead;
			if (total > limits.limit) return tooLarge(limits.limit);
		}
		return {ok: true, text: Buffer.concat(chunks).toString('utf8'), owner: stat.uid};
	} catch (error) {
		return fromError(error);
	} finally {
		await handle.close();
	}
}

/** Reads a stream (stdin) to its end, refusing it once it passes `limit` bytes. */
export function readStreamBounded(stream: NodeJS.ReadableStream, limit: number): Promise<BoundedRead> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let total = 0;
		const finish = (result: BoundedRead) => {
			stream.removeListener('data', onData);
			stream.removeListener('end', onEnd);
			stream.removeListener('error', onError);
			resolve(result);
		};
		const onData = (chunk: Buffer | string) => {
			const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
			total += bytes.length;
			if (total > limit) {
				stream.pause();
				finish(tooLarge(limit));
				return;
			}
			chunks.push(bytes);
		};
		const onEnd = () => finish({ok: true, text: Buffer.concat(chunks).toString('utf8')});
		const onError = (error: unknown) => finish(fromError(error));
		stream.on('data', onData);
		stream.once('end', onEnd);
		stream.once('error', onError);
		stream.resume();
	});
}
