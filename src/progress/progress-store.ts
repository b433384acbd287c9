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
import {
	chmodSync,
	closeSync,
	copyFileSync,
	constants,
	fsyncSync,
	mkdirSync,
	openSync,
	readdirSync,
	renameSync,
	statSync,
	unlinkSync,
	writeSync,
} from 'node:fs';
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
	| {
			readonly ok: false;
			/** Why nothing was saved, naming the file; callers add "Progress not saved:" themselves. */
			readonly error: string;
			/**
			 * Set when the change was kept in memory (the disk or the lock failed, not the change): the
			 * progress as it would be, and how many changes wait. The next change saves them all.
			 */
			readonly unsaved?: {
				readonly data: ProgressData;
				readonly changes: number;
				/** False when nothing will be saved this session (a newer format, a file that could not be moved aside). */
				readonly retried: boolean;
			};
	  };

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

function asideName(file: string, label: string): string {
	const stamp = new Date().toISOString().replace(/:/g, '-');
	let target = `${file}.${label}-${stamp}`;
	for (let n = 2; fileExists(target); n++) target = `${file}.${label}-${stamp}-${n}`;
	return target;
}

/** Backups hold the learner's answers: readable by them alone, whatever the original's mode. */
function moveAside(file: string): string {
	const target = asideName(file, 'corrupt');
	renameSync(file, target);
	chmodSync(target, 0o600);
	return target;
}

interface Copy {
	readonly target: string;
	readonly stamp: string;
}

function fileStamp(file: string): string {
	const {ino, size, mtimeMs} = statSync(file);
	return `${ino}:${size}:${mtimeMs}`;
}

/**
 * A copy of the file as it is, taken before a save that drops or repairs part of it; undefined
 * when `earlier` already copied this very file (opening the store copies it, the first save
 * would otherwise copy it again).
 */
function keepCopy(file: string, earlier?: Copy): Copy | undefined {
	const stamp = fileStamp(file);
	if (earlier?.stamp === stamp) return undefined;
	const target = asideName(file, 'backup');
	copyFileSync(file, target, constants.COPYFILE_EXCL);
	chmodSync(target, 0o600);
	return {target, stamp};
}

/**
 * The config folder holds answers and backups: 0700 however it is made (mkdir's mode is cut by
 * the umask, and conf would make it with the umask's default).
 */
function ensureFolder(dir: string): void {
	const made = mkdirSync(dir, {recursive: true, mode: 0o700});
	if (made !== undefined) chmodSync(dir, 0o700);
}

/**
 * conf replaces the file by rename, which a read-only file does not stop: a learner who made it
 * read-only (to keep it as it is) would see it silently replaced.
 */
function refusesWrites(file: string): string | undefined {
	try {
		const {mode} = statSync(file);
		if ((mode & 0o200) === 0)
			return `${file} is read-only (mode ${(mode & 0o777).toString(8).padStart(4, '0')}), so pod-tutor leaves it as it is. Make it writable (chmod 600 ${file}) to save again`;
	} catch {
		// Missing: the save creates it.
	}
	return undefined;
}

function fileExists(file: string): boolean {
	try {
		statSync(file);
		return true;
	} catch {
		return false;
	}
}

function movedAsideMessage(target: string, why: string): string {
	return `Your progress file was damaged (${why}) and has been moved to ${target}; starting with empty progress.`;
}

function repairedMessage(file: string, warnings: readonly string[], copy: string): string {
	return `Some entries of ${file} were unusable and were repaired or dropped; the file as it was is kept in ${copy}. ${warnings.join(' ')}`;
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/**
 * A store that keeps the file untouched: every change is refused with `reason` (no "not saved"
 * prefix), and kept for this session only, so the screen still shows what the learner did.
 */
function refusingStore(file: string, reason: string): ProgressStore {
	let data = emptyProgress();
	let changes = 0;
	const refuse = (change: ProgressUpdate): ProgressResult => {
		const applied = change(data, new Date().toISOString());
		if (!applied.ok) return applied;
		data = applied.data;
		changes++;
		return {ok: false, error: reason, unsaved: {data, changes, retried: false}};
	};
	return {
		file,
		data: () => data,
		refresh: () => data,
		visitStep: (lessonId, step, stepCount) => refuse(updates.visitStep(lessonId, step, stepCount)),
		recordAttempt: (exerciseId, attempt) => refuse(updates.recordAttempt(exerciseId, attempt)),
		recordHint: (exerciseId, hintsShown) => refuse(updates.recordHint(exerciseId, hintsShown)),
		recordReveal: (exerciseId) => refuse(updates.recordReveal(exerciseId)),
		recordPrediction: (exerciseId, choice, correct) =>
			refuse(updates.recordPrediction(exerciseId, choice, correct)),
		saveDraft: (exerciseId, text) => refuse(updates.saveDraft(exerciseId, text)),
		reset: (scope) => refuse(updates.reset(scope)),
	};
}

export function openProgressStore(
	env: NodeJS.ProcessEnv = process.env,
	options: ProgressStoreOptions = {},
): OpenedProgressStore {
	const dir = progressDirectory(env);
	const file = path.join(dir, PROGRESS_FILE_NAME);
	const lockFile = `${file}.lock`;
	removeLeftoverTempFiles(dir);

	let current = emptyProgress();
	let copied: Copy | undefined;
	const warnings: string[] = [];
	const first = readProgressFile(file);
	if (first.kind === 'ok' && first.warnings.length === 0) {
		current = first.data;
	} else if (first.kind === 'ok' || first.kind === 'damaged') {
		// Re-checked under the lock: another window may have replaced the file meanwhile. A copy is
		// kept now, before anything is lost, so the message can name it.
		let moved: LockResult<{data: ProgressData; warning?: string} | {error: string}>;
		try {
			moved = withFileLock(
				lockFile,
				() => {
					const again = readProgressFile(file);
					if (again.kind === 'ok' && again.warnings.length === 0) return {data: again.data};
					if (again.kind === 'ok') {
						copied = keepCopy(file);
						return {data: again.data, warning: repairedMessage(file, again.warnings, copied!.target)};
					}
					if (again.kind !== 'damaged') return {error: again.error};
					return {data: emptyProgress(), warning: movedAsideMessage(moveAside(file), again.error)};
				},
				options.lock,
			);
		} catch (error) {
			moved = {ok: false, error: message(error)};
		}
		const outcome = moved.ok ? moved.value : {error: moved.error};
		if ('error' in outcome) {
			const reason = `${file} needs repair and could not be copied or moved aside first (${outcome.error}).`;
			return {store: refusingStore(file, reason), warning: `Progress will not be saved: ${reason}`};
		}
		current = outcome.data;
		if (outcome.warning) warnings.push(outcome.warning);
	} else {
		const reason =
			first.kind === 'newer' ? `your progress file ${file} was not read: ${first.error}` : `${first.error}.`;
		return {
			store: refusingStore(file, reason),
			warning:
				first.kind === 'newer'
					? `Your progress file ${file} was not read: ${first.error}`
					: `Progress will not be saved: ${reason}`,
		};
	}

	let conf: Conf;
	try {
		ensureFolder(dir);
		conf = new Conf({
			projectName: 'pod-tutor',
			projectSuffix: '',
			cwd: dir,
			configName: 'progress',
			accessPropertiesByDotNotation: false,
			configFileMode: 0o600,
		});
	} catch (error) {
		const reason = `${file} could not be opened (${message(error)}).`;
		return {store: refusingStore(file, reason), warning: `Progress will not be saved: ${reason}`};
	}

	/** Changes the disk refused, oldest first: kept in memory and saved with the next change. */
	const unsaved: {readonly change: ProgressUpdate; readonly at: string}[] = [];
	const withUnsaved = (data: ProgressData): ProgressData =>
		unsaved.reduce((base, earlier) => {
			const replayed = earlier.change(base, earlier.at);
			return replayed.ok ? replayed.data : base;
		}, data);

	const apply = (change: ProgressUpdate, at: string): ProgressResult => {
		const locked = withFileLock(
			lockFile,
			(): ProgressResult => {
				const read = readProgressFile(file, at);
				let base: ProgressData;
				let warning: string | undefined;
				if (read.kind === 'ok') {
					base = read.data;
					const copy = read.warnings.length > 0 ? keepCopy(file, copied) : undefined;
					if (copy) warning = repairedMessage(file, read.warnings, copy.target);
				} else if (read.kind === 'damaged') {
					base = emptyProgress();
					warning = movedAsideMessage(moveAside(file), read.error);
				} else if (read.kind === 'newer') return {ok: false, error: `${file} was not read: ${read.error}`};
				else return {ok: false, error: `${read.error}.`};
				const changed = change(withUnsaved(base), at);
				if (!changed.ok) return changed;
				const readOnly = refusesWrites(file);
				if (readOnly) return {ok: false, error: `${readOnly}.`};
				save(conf, file, changed.data);
				current = changed.data;
				return warning === undefined ? changed : {...changed, warning};
			},
			options.lock,
		);
		if (!locked.ok) return {ok: false, error: locked.error};
		return locked.value;
	};

	const guarded = (change: ProgressUpdate): ProgressResult => {
		const at = new Date().toISOString();
		let result: ProgressResult;
		try {
			result = apply(change, at);
		} catch (error) {
			result = {ok: false, error: `could not write ${file} (${message(error)}).`};
		}
		if (result.ok) {
			unsaved.length = 0;
			return result;
		}
		// A change that is itself wrong (a bad id) is not kept; one the disk or the lock refused is,
		// so the learner's work shows on screen and is saved by the next change that gets through.
		const own = change(current, at);
		if (!own.ok) return result;
		current = own.data;
		unsaved.push({change, at});
		return {...result, unsaved: {data: current, changes: unsaved.length, retried: true}};
	};

	const store: ProgressStore = {
		file,
		data: () => current,
		refresh: () => {
			const read = readProgressFile(file);
			if (read.kind !== 'ok') return current;
			current = withUnsaved(read.data);
			return current;
		},
		visitStep: (lessonId, step, stepCount) => guarded(updates.visitStep(lessonId, step, stepCount)),
		recordAttempt: (exerciseId, attempt) => guarded(updates.recordAttempt(exerciseId, attempt)),
		recordHint: (exerciseId, hintsShown) => guarded(updates.recordHint(exerciseId, hintsShown)),
		recordReveal: (exerciseId) => guarded(updates.recordReveal(exerciseId)),
		recordPrediction: (exerciseId, choice, correct) =>
			guarded(updates.recordPrediction(exerciseId, choice, correct)),
		saveDraft: (exerciseId, text) => guarded(updates.saveDraft(exerciseId, text)),
		reset: (scope) => guarded(updates.reset(scope)),
	};
	return warnings.length > 0 ? {store, warning: warnings.join(' ')} : {store};
}
