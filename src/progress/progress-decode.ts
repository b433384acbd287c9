/**
 * Reading the progress file's bytes into ProgressData, shared by the read-only snapshot and the
 * store. A missing file is a learner who has not started; anything unparsable is "damaged".
 */
import {readFileBounded} from '../files/bounded-read.js';
import {MAX_PROGRESS_FILE_BYTES, emptyProgress, type ProgressData} from './progress-data.js';
import {migrateProgress, type MigrationResult} from './progress-migration.js';

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

/** Parses and migrates the file's text. Empty or truncated JSON is reported as damaged. */
export function decodeProgressText(text: string, at?: string): MigrationResult {
	if (text.trim() === '') return {ok: false, problem: 'damaged', error: 'the file is empty'};
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return {ok: false, problem: 'damaged', error: `it is not valid JSON (${(error as Error).message})`};
	}
	return migrateProgress(raw, at);
}

/** Outcome of reading the file without changing it. */
export type ProgressRead =
	| {readonly kind: 'ok'; readonly data: ProgressData; readonly warnings: string[]}
	| {readonly kind: 'damaged' | 'newer' | 'unreadable'; readonly error: string};

export function readProgressFile(file: string, at?: string): ProgressRead {
	const read = readProgressText(file);
	if (read.kind === 'missing') return {kind: 'ok', data: emptyProgress(), warnings: []};
	if (read.kind === 'unreadable') return {kind: 'unreadable', error: read.error};
	if (read.kind === 'oversized') return {kind: 'damaged', error: read.error};
	const decoded = decodeProgressText(read.text, at);
	if (decoded.ok) return {kind: 'ok', data: decoded.data, warnings: decoded.warnings};
	return {kind: decoded.problem, error: decoded.error};
}
