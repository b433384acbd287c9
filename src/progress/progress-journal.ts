/**
 * The journal: progress changes appended one JSON line each to progress.journal, beside
 * progress.json (the snapshot). A save appends its change (a few hundred bytes, an answer at
 * most its cap) and fsyncs, instead of rewriting the whole file; the store folds the journal
 * into the snapshot now and then (compaction, see progress-store.ts). docs/DECISIONS.md has the
 * design and its trade.
 *
 * The first line is a header naming the journal (a random id). The snapshot written by a
 * compaction records which journal it holds and up to which byte ("journal": {id, through}), so a
 * journal left behind by a kill between writing the snapshot and removing the journal is never
 * applied twice. A kill in the middle of an append leaves a last line without its newline: readers
 * ignore it, and the next writer (under the lock) cuts it off before appending.
 *
 * Reading is synchronous like the rest of the store (saves happen on the exit path too).
 */
import {closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync} from 'node:fs';
import path from 'node:path';
import {MAX_PROGRESS_FILE_BYTES} from './progress-data.js';
import type {ProgressChange} from './progress-updates.js';

export const JOURNAL_FILE_NAME = 'progress.journal';
export const JOURNAL_VERSION = 1;
const HEADER_KEY = 'pod-tutor journal';

export function journalPath(progressFile: string): string {
	return path.join(path.dirname(progressFile), JOURNAL_FILE_NAME);
}

export interface JournalRecord {
	readonly at: string;
	readonly change: ProgressChange;
}

/** What a snapshot holds of a journal: its records up to byte `through`. */
export interface JournalMark {
	readonly id: string;
	readonly through: number;
}

/** The journal as last read: which file, and the byte after the last complete line taken in. */
export interface JournalPosition {
	/** The header's id; undefined when the file has no complete header yet (a kill while creating it). */
	readonly id: string | undefined;
	readonly ino: number;
	readonly end: number;
}

export type JournalRead =
	| {readonly kind: 'missing'}
	| {
			readonly kind: 'ok';
			readonly position: JournalPosition;
			/** True when read on from `after` (only what was appended since), false when read from the start. */
			readonly continued: boolean;
			/** Byte where the records start (after the header). */
			readonly start: number;
			/** Each with the byte its line starts at. */
			readonly records: (JournalRecord & {readonly offset: number})[];
			/** Bytes after `end`: a line cut short by a kill (or being written right now by another window). */
			readonly torn: number;
			readonly warnings: string[];
	  }
	| {readonly kind: 'damaged' | 'newer' | 'unreadable'; readonly error: string};

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isFlag = (value: unknown): value is boolean => typeof value === 'boolean';
const isNumber = (value: unknown): value is number => typeof value === 'number';

/** The shape of a line read back (the values themselves are checked again when applied). */
function changeOf(raw: Fields): ProgressChange | undefined {
	switch (raw.op) {
		case 'visit':
			return isText(raw.lesson) && isNumber(raw.step) && isNumber(raw.steps)
				? {op: 'visit', lesson: raw.lesson, step: raw.step, steps: raw.steps}
				: undefined;
		case 'attempt':
			if (!isText(raw.exercise) || !isFlag(raw.correct)) return undefined;
			return {
				op: 'attempt',
				exercise: raw.exercise,
				correct: raw.correct,
				...(raw.answer === undefined ? {} : {answer: raw.answer}),
				...(raw.dropAnswer === true ? {dropAnswer: true} : {}),
			};
		case 'hint':
			return isText(raw.exercise) && isNumber(raw.shown)
				? {op: 'hint', exercise: raw.exercise, shown: raw.shown}
				: undefined;
		case 'reveal':
			return isText(raw.exercise) ? {op: 'reveal', exercise: raw.exercise} : undefined;
		case 'predict':
			return isText(raw.exercise) && isText(raw.choice) && isFlag(raw.correct)
				? {op: 'predict', exercise: raw.exercise, choice: raw.choice, correct: raw.correct}
				: undefined;
		case 'draft':
			return isText(raw.exercise) && isText(raw.text)
				? {op: 'draft', exercise: raw.exercise, text: raw.text}
				: undefined;
		case 'reset': {
			const scope = raw.scope;
			if (!isFields(scope)) return undefined;
			if (scope.all === true) return {op: 'reset', scope: {all: true}};
			if (isText(scope.exercise)) return {op: 'reset', scope: {exercise: scope.exercise}};
			if (isText(scope.lesson) && Array.isArray(scope.exerciseIds) && scope.exerciseIds.every(isText))
				return {op: 'reset', scope: {lesson: scope.lesson, exerciseIds: scope.exerciseIds}};
			return undefined;
		}
		default:
			return undefined;
	}
}

function parseRecord(line: string): JournalRecord | undefined {
	let raw: unknown;
	try {
		raw = JSON.parse(line);
	} catch {
		return undefined;
	}
	if (!isFields(raw) || !isText(raw.at)) return undefined;
	const change = changeOf(raw);
	return change && {at: raw.at, change};
}

export function recordLine(record: JournalRecord): string {
	return `${JSON.stringify({at: record.at, ...record.change})}\n`;
}

function headerLine(id: string): string {
	return `${JSON.stringify({[HEADER_KEY]: JOURNAL_VERSION, id})}\n`;
}

function errorCode(error: unknown): string | undefined {
	return (error as NodeJS.ErrnoException | undefined)?.code;
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function readFrom(fd: number, start: number, size: number): Buffer {
	const buffer = Buffer.alloc(Math.max(0, size - start));
	let done = 0;
	while (done < buffer.length) {
		const n = readSync(fd, buffer, done, buffer.length - done, start + done);
		if (n === 0) break;
		done += n;
	}
	return buffer.subarray(0, done);
}

/**
 * Reads the journal: all of it, or with `after` only what was appended since that position (when
 * it is still the same file, not shorter: otherwise all of it, and the caller sees the new ino).
 */
export function readJournal(file: string, after?: JournalPosition): JournalRead {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return {kind: 'missing'};
		return {kind: 'unreadable', error: `${file} could not be read: ${message(error)}`};
	}
	try {
		const stat = fstatSync(fd);
		if (!stat.isFile()) return {kind: 'unreadable', error: `${file} is not a regular file`};
		const continues =
			after !== undefined && after.id !== undefined && after.ino === stat.ino && stat.size >= after.end;
		const from = continues ? after.end : 0;
		if (stat.size - from > MAX_PROGRESS_FILE_BYTES)
			return {kind: 'damaged', error: `${file} is larger than pod-tutor ever lets it grow`};
		const bytes = readFrom(fd, from, stat.size);
		const complete = bytes.lastIndexOf(10) + 1;
		const lines = bytes.toString('utf8', 0, complete).split('\n');
		lines.pop();
		let id = continues ? after.id : undefined;
		let start = continues ? after.end : 0;
		if (!continues && lines.length > 0) {
			const headerText = lines.shift()!;
			let header: unknown;
			try {
				header = JSON.parse(headerText);
			} catch {
				header = undefined;
			}
			if (!isFields(header) || !isText(header.id) || !isNumber(header[HEADER_KEY]))
				return {kind: 'damaged', error: `${file} does not start with a pod-tutor journal header`};
			if (header[HEADER_KEY] > JOURNAL_VERSION)
				return {
					kind: 'newer',
					error:
						`${file} was written by a newer pod-tutor (journal version ${String(header[HEADER_KEY])}). ` +
						`It was left untouched and nothing will be saved until pod-tutor is updated.`,
				};
			id = header.id;
			start = Buffer.byteLength(headerText) + 1;
		}
		const records: (JournalRecord & {offset: number})[] = [];
		const warnings: string[] = [];
		let offset = start;
		for (const line of lines) {
			const record = parseRecord(line);
			if (record) records.push({...record, offset});
			else warnings.push(`${file}: a line that is not a change pod-tutor writes was skipped.`);
			offset += Buffer.byteLength(line) + 1;
		}
		return {
			kind: 'ok',
			position: {id, ino: stat.ino, end: from + complete},
			continued: continues,
			start,
			records,
			torn: bytes.length - complete,
			warnings,
		};
	} catch (error) {
		return {kind: 'unreadable', error: `${file} could not be read: ${message(error)}`};
	} finally {
		closeSync(fd);
	}
}

/**
 * Appends `records` and fsyncs; the caller holds the lock and has read the journal up to `at`
 * (undefined: there is none, or it had no complete header, and a new one named `newId` is begun).
 * Anything after `at.end` (a line cut short by a kill) is cut off first; a failed write is cut
 * off again, so the file never keeps half a line of ours.
 */
export function appendToJournal(
	file: string,
	at: JournalPosition | undefined,
	newId: string,
	records: readonly JournalRecord[],
): JournalPosition {
	const fresh = at === undefined || at.id === undefined;
	const id = fresh ? newId : at.id!;
	const text = (fresh ? headerLine(id) : '') + records.map(recordLine).join('');
	const fd = openSync(file, fresh ? 'w' : 'r+', 0o600);
	const base = fresh ? 0 : at!.end;
	try {
		const {ino} = fstatSync(fd);
		if (!fresh && ino !== at!.ino) throw new Error(`${file} was replaced while it was locked`);
		ftruncateSync(fd, base);
		const buffer = Buffer.from(text, 'utf8');
		try {
			let done = 0;
			while (done < buffer.length) done += writeSync(fd, buffer, done, buffer.length - done, base + done);
			fsyncSync(fd);
		} catch (error) {
			try {
				ftruncateSync(fd, base);
			} catch {
				// The torn line is cut off by the next writer, or ignored by every reader.
			}
			throw error;
		}
		return {id, ino, end: base + buffer.length};
	} finally {
		closeSync(fd);
	}
}
