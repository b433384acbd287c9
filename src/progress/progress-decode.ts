/**
 * Reading the learner's progress into ProgressData, shared by the read-only snapshot and the
 * store: progress.json (the snapshot) with the journal's changes since (progress-journal.ts)
 * applied. A missing file is a learner who has not started; anything unparsable is "damaged".
 */
import {statSync} from 'node:fs';
import {readFileBounded} from '../files/bounded-read.js';
import {MAX_PROGRESS_FILE_BYTES, emptyProgress, type ProgressData} from './progress-data.js';
import {
	journalPath,
	readJournal,
	type JournalMark,
	type JournalPosition,
	type JournalRecord,
} from './progress-journal.js';
import {migrateProgress, type MigrationResult} from './progress-migration.js';
import {applyInPlace} from './progress-updates.js';

export type ProgressFileRead =
	| {readonly kind: 'missing'}
	| {readonly kind: 'text'; readonly text: string}
	/** Larger than pod-tutor ever writes: not parsed (that alone would cost seconds), moved aside like damage. */
	| {readonly kind: 'oversized'; readonly error: string}
	| {readonly kind: 'unreadable'; readonly error: string};

export function readProgressText(file: string): ProgressFileRead {
	const read = readFileBounded(file, {limit: MAX_PROGRESS_FILE_BYTES});
	if (read.ok) return {kind: 'text', text: read.text};
	if (read.problem === 'missing' && read.code === 'ENOENT') return {kind: 'missing'};
	if (read.problem === 'too-large') return {kind: 'oversized', error: read.reason};
	return {kind: 'unreadable', error: `${file} could not be read: ${read.reason}`};
}

export type SnapshotDecode = MigrationResult & {readonly mark?: JournalMark};

function markOf(raw: unknown): JournalMark | undefined {
	if (typeof raw !== 'object' || raw === null) return undefined;
	const mark = (raw as Record<string, unknown>).journal;
	if (typeof mark !== 'object' || mark === null) return undefined;
	const {id, through} = mark as Record<string, unknown>;
	return typeof id === 'string' && typeof through === 'number' ? {id, through} : undefined;
}

/** Parses and migrates the file's text. Empty or truncated JSON is reported as damaged. */
export function decodeProgressText(text: string, at?: string): SnapshotDecode {
	if (text.trim() === '') return {ok: false, problem: 'damaged', error: 'the file is empty'};
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return {ok: false, problem: 'damaged', error: `it is not valid JSON (${(error as Error).message})`};
	}
	const migrated = migrateProgress(raw, at);
	const mark = markOf(raw);
	return migrated.ok && mark ? {...migrated, mark} : migrated;
}

/** What was on disk when progress was read: lets the store read only what changed since. */
export interface DiskState {
	/** progress.json's inode, size and mtime ('' when there is none). */
	readonly snapshot: string;
	readonly snapshotBytes: number;
	/** The snapshot's record of the journal it holds. */
	readonly mark?: JournalMark;
	readonly journal?: JournalPosition;
	/** Bytes of the journal past its header: what a compaction would fold in. */
	readonly journalBytes: number;
	/** The journal had lines that could not be used: moved aside rather than deleted when folded in. */
	readonly journalWarnings: boolean;
}

/** Outcome of reading progress without changing it. */
export type ProgressRead =
	| {readonly kind: 'ok'; readonly data: ProgressData; readonly warnings: string[]; readonly disk: DiskState}
	| {readonly kind: 'damaged' | 'newer' | 'unreadable'; readonly error: string; readonly journalOnly?: boolean};

export function snapshotStamp(file: string): {stamp: string; bytes: number} {
	try {
		const {ino, size, mtimeMs} = statSync(file);
		return {stamp: `${ino}:${size}:${mtimeMs}`, bytes: size};
	} catch {
		return {stamp: '', bytes: 0};
	}
}

/** The snapshot alone, without the journal. */
export function readSnapshotFile(
	file: string,
	at?: string,
):
	| {readonly kind: 'ok'; readonly data: ProgressData; readonly warnings: string[]; readonly mark?: JournalMark}
	| {readonly kind: 'damaged' | 'newer' | 'unreadable'; readonly error: string} {
	const read = readProgressText(file);
	if (read.kind === 'missing') return {kind: 'ok', data: emptyProgress(), warnings: []};
	if (read.kind === 'unreadable') return {kind: 'unreadable', error: read.error};
	if (read.kind === 'oversized') return {kind: 'damaged', error: read.error};
	const decoded = decodeProgressText(read.text, at);
	if (!decoded.ok) return {kind: decoded.problem, error: decoded.error};
	return {kind: 'ok', data: decoded.data, warnings: decoded.warnings, ...(decoded.mark ? {mark: decoded.mark} : {})};
}

/**
 * Applies the journal's records after what `mark` says the snapshot already holds, in place on
 * `data` (which the caller owns). Returns warnings for records that could not be applied.
 */
export function replayJournal(data: ProgressData, records: readonly JournalRecord[], warnings: string[]): void {
	for (const {at, change} of records) {
		const refused = applyInPlace(data, change, at);
		if (refused !== undefined) warnings.push(`A saved change could not be applied and was skipped: ${refused}.`);
	}
}

function readOnce(file: string, at?: string): ProgressRead {
	const before = snapshotStamp(file);
	const snapshot = readSnapshotFile(file, at);
	if (snapshot.kind !== 'ok') return snapshot;
	const journalFile = journalPath(file);
	const journal = readJournal(journalFile);
	const warnings = [...snapshot.warnings];
	const disk = {snapshot: before.stamp, snapshotBytes: before.bytes, ...(snapshot.mark ? {mark: snapshot.mark} : {})};
	if (journal.kind === 'missing')
		return {kind: 'ok', data: snapshot.data, warnings, disk: {...disk, journalBytes: 0, journalWarnings: false}};
	if (journal.kind !== 'ok') return {kind: journal.kind, error: journal.error, journalOnly: true};
	const {position, start, records} = journal;
	// Records the snapshot already holds (a kill after writing it, before removing the journal) are skipped.
	const skip = snapshot.mark !== undefined && snapshot.mark.id === position.id ? snapshot.mark.through : start;
	const fresh = records.filter((record) => record.offset >= skip);
	replayJournal(snapshot.data, fresh, warnings);
	warnings.push(...journal.warnings);
	return {
		kind: 'ok',
		data: snapshot.data,
		warnings,
		disk: {
			...disk,
			journal: position,
			journalBytes: position.end - start,
			journalWarnings: journal.warnings.length > 0,
		},
	};
}

/**
 * Reads the snapshot and the journal. When another window compacts in between (the snapshot
 * changed under the read), reads again, so the two always belong together.
 */
export function readProgressFile(file: string, at?: string): ProgressRead {
	let read = readOnce(file, at);
	for (let tries = 0; tries < 3 && read.kind === 'ok' && snapshotStamp(file).stamp !== read.disk.snapshot; tries++)
		read = readOnce(file, at);
	return read;
}
