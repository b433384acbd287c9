/**
 * The writable progress store. Every operation takes the lock, re-reads the file as it is NOW,
 * applies its change and writes the result through conf (atomically: a temp file, fsync, then
 * rename over progress.json), so two windows merge their updates instead of the last writer
 * winning, and a process killed mid-save leaves either the old file or the new one.
 *
 * This module imports conf (and with it ajv), which is slow to load: the first frame should use
 * progress-snapshot.ts and load this afterwards.
 */
import Conf from 'conf';
import {randomBytes} from 'node:crypto';
import {closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync} from 'node:fs';
import path from 'node:path';
import {emptyProgress, type ProgressData} from './progress-data.js';
import {readProgressFile} from './progress-decode.js';
import {withFileLock, type LockOptions, type LockResult} from './progress-lock.js';
import {PROGRESS_FILE_NAME, progressDirectory} from './progress-path.js';
import * as updates from './progress-updates.js';
import type {Attempt, ProgressUpdate, ResetScope} from './progress-updates.js';

export type {Attempt, ResetScope} from './progress-updates.js';

export type ProgressResult =
	| {readonly ok: true; readonly data: ProgressData; readonly warning?: string}
	| {readonly ok: false; readonly error: string};

export interface ProgressStore {
	/** The progress file. */
	readonly file: string;
	/** Progress as last read or written by this store. Treat it as read-only. */
	data(): ProgressData;
	/** Re-reads the file (another window may have saved since); no lock needed to read. */
	refresh(): ProgressData;
	visitStep(lessonId: string, step: number, stepCount: number): ProgressResult;
	recordAttempt(exerciseId: string, attempt: Attempt): ProgressResult;
	recordHint(exerciseId: string, hintsShown: number): ProgressResult;
	recordReveal(exerciseId: string): ProgressResult;
	recordPrediction(exerciseId: string, choice: string, correct: boolean): ProgressResult;
	saveDraft(exerciseId: string, text: string): ProgressResult;
	reset(scope: ResetScope): ProgressResult;
}

export interface OpenedProgressStore {
	readonly store: ProgressStore;
	/** Something the learner should be told: damaged file moved aside, newer format, unusable entries. */
	readonly warning?: string;
}

export interface ProgressStoreOptions {
	readonly lock?: LockOptions;
}

/** atomically's temp files are named <file>.tmp-<digits>; a kill -9 mid-write leaves one behind. */
const TEMP_PREFIX = `${PROGRESS_FILE_NAME}.tmp-`;
const LEFTOVER_TEMP_AGE_MS = 60_000;

function removeLeftoverTempFiles(dir: string): void {
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	const now = Date.now();
	for (const name of names) {
		if (!name.startsWith(TEMP_PREFIX)) continue;
		const file = path.join(dir, name);
		try {
			// A young temp file may be another window's write in progress.
			if (now - statSync(file).mtimeMs > LEFTOVER_TEMP_AGE_MS) unlinkSync(file);
		} catch {
			// Already gone, or not ours to remove: either way nothing to do.
		}
	}
}

/**
 * Under Snap (SNAP set, e.g. node installed with `snap install node`) conf writes the file in
 * place (its workaround for sindresorhus/conf#82), and a kill mid-write leaves it truncated.
 * There the same temp file + fsync + rename is done here instead, minus the chown that broke.
 */
function save(conf: Conf, file: string, data: ProgressData): void {
	if (process.env.SNAP === undefined) {
		conf.store = data as unknown as Record<string, unknown>;
		return;
	}
	mkdirSync(path.dirname(file), {recursive: true});
	const temp = `${file}.tmp-${Date.now()}${randomBytes(3).toString('hex')}`;
	const fd = openSync(temp, 'w', 0o600);
	try {
		writeSync(fd, JSON.stringify(data, undefined, '\t'));
		fsyncSync(fd);
	} finally {
		closeSync(fd);
	}
	try {
		renameSync(temp, file);
	} catch (error) {
		unlinkSync(temp);
		throw error;
	}
}

function moveAside(file: string): string {
	const stamp = new Date().toISOString().replace(/:/g, '-');
	let target = `${file}.corrupt-${stamp}`;
	for (let n = 2; fileExists(target); n++) target = `${file}.corrupt-${stamp}-${n}`;
	renameSync(file, target);
	return target;
}

function fileExists(file: string): boolean {
	try {
		statSync(file);
		return true;
	} catch {
		return false;
	}
}

function movedAsideMessage(target: string): string {
	return `Your progress file was damaged and has been moved to ${target}; starting with empty progress.`;
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A store that keeps the file untouched: every change is refused with `reason`. */
function refusingStore(file: string, reason: string): ProgressStore {
	const refuse = (): ProgressResult => ({ok: false, error: reason});
	const data = emptyProgress();
	return {
		file,
		data: () => data,
		refresh: () => data,
		visitStep: refuse,
		recordAttempt: refuse,
		recordHint: refuse,
		recordReveal: refuse,
		recordPrediction: refuse,
		saveDraft: refuse,
		reset: refuse,
	};
}

export function openProgressStore(env: NodeJS.ProcessEnv = process.env, options: ProgressStoreOptions = {}): OpenedProgressStore {
	const dir = progressDirectory(env);
	const file = path.join(dir, PROGRESS_FILE_NAME);
	const lockFile = `${file}.lock`;
	removeLeftoverTempFiles(dir);

	let current = emptyProgress();
	const warnings: string[] = [];
	const first = readProgressFile(file);
	if (first.kind === 'ok') {
		current = first.data;
		if (first.warnings.length > 0) warnings.push(`Some entries of ${file} were unusable: ${first.warnings.join(' ')}`);
	} else if (first.kind === 'damaged') {
		// Re-checked under the lock: another window may have replaced the file meanwhile.
		let moved: LockResult<{data: ProgressData; warning?: string} | {error: string}>;
		try {
			moved = withFileLock(
				lockFile,
				() => {
					const again = readProgressFile(file);
					if (again.kind === 'ok') return {data: again.data};
					if (again.kind !== 'damaged') return {error: again.error};
					return {data: emptyProgress(), warning: movedAsideMessage(moveAside(file))};
				},
				options.lock,
			);
		} catch (error) {
			moved = {ok: false, error: message(error)};
		}
		const outcome = moved.ok ? moved.value : {error: moved.error};
		if ('error' in outcome) {
			const reason = `Progress will not be saved: ${file} is damaged and could not be moved aside (${outcome.error}).`;
			return {store: refusingStore(file, reason), warning: reason};
		}
		current = outcome.data;
		if (outcome.warning) warnings.push(outcome.warning);
	} else {
		const reason =
			first.kind === 'newer'
				? `Your progress file ${file} was not read: ${first.error}`
				: `Progress will not be saved: ${first.error}.`;
		return {store: refusingStore(file, reason), warning: reason};
	}

	let conf: Conf;
	try {
		conf = new Conf({
			projectName: 'pod-tutor',
			projectSuffix: '',
			cwd: dir,
			configName: 'progress',
			accessPropertiesByDotNotation: false,
			configFileMode: 0o600,
		});
	} catch (error) {
		const reason = `Progress will not be saved: ${file} could not be opened (${message(error)}).`;
		return {store: refusingStore(file, reason), warning: reason};
	}

	const apply = (change: ProgressUpdate): ProgressResult => {
		const at = new Date().toISOString();
		const locked = withFileLock(
			lockFile,
			(): ProgressResult => {
				const read = readProgressFile(file, at);
				let base: ProgressData;
				let warning: string | undefined;
				if (read.kind === 'ok') base = read.data;
				else if (read.kind === 'damaged') {
					base = emptyProgress();
					warning = movedAsideMessage(moveAside(file));
				} else if (read.kind === 'newer') return {ok: false, error: `Progress not saved: ${file} was not read: ${read.error}`};
				else return {ok: false, error: `Progress not saved: ${read.error}.`};
				const changed = change(base, at);
				if (!changed.ok) return changed;
				save(conf, file, changed.data);
				current = changed.data;
				return warning === undefined ? changed : {...changed, warning};
			},
			options.lock,
		);
		if (!locked.ok) return {ok: false, error: `Progress not saved: ${locked.error}`};
		return locked.value;
	};

	const guarded = (change: ProgressUpdate): ProgressResult => {
		try {
			return apply(change);
		} catch (error) {
			return {ok: false, error: `Progress not saved: could not write ${file} (${message(error)}).`};
		}
	};

	const store: ProgressStore = {
		file,
		data: () => current,
		refresh: () => {
			const read = readProgressFile(file);
			if (read.kind === 'ok') current = read.data;
			return current;
		},
		visitStep: (lessonId, step, stepCount) => guarded(updates.visitStep(lessonId, step, stepCount)),
		recordAttempt: (exerciseId, attempt) => guarded(updates.recordAttempt(exerciseId, attempt)),
		recordHint: (exerciseId, hintsShown) => guarded(updates.recordHint(exerciseId, hintsShown)),
		recordReveal: (exerciseId) => guarded(updates.recordReveal(exerciseId)),
		recordPrediction: (exerciseId, choice, correct) => guarded(updates.recordPrediction(exerciseId, choice, correct)),
		saveDraft: (exerciseId, text) => guarded(updates.saveDraft(exerciseId, text)),
		reset: (scope) => guarded(updates.reset(scope)),
	};
	return warnings.length > 0 ? {store, warning: warnings.join(' ')} : {store};
}
