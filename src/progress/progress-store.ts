/**
 * The writable progress store. Every operation takes the lock, catches up with what is on disk
 * NOW (another window may have saved), applies its change and saves it, so two windows merge
 * their updates instead of the last writer winning, and a process killed mid-save leaves either
 * the old progress or the new.
 *
 * How a change is saved depends on the size of the progress (docs/DECISIONS.md, "Progress
 * saves: a journal beside the snapshot"): a small progress.json is rewritten whole (a temp file,
 * fsync, then rename over it); once it is larger than JOURNAL_FROM_BYTES, the change is appended
 * to the journal (progress-journal.ts) and fsynced, and the journal is folded into progress.json
 * only when it has grown to a quarter of it. Catching up reads only what was appended since the
 * last look, unless another window replaced progress.json. So a save or a page turn costs the
 * size of the change, not the size of the store.
 */
import {randomBytes} from 'node:crypto';
import {
	chmodSync,
	closeSync,
	copyFileSync,
	constants,
	fsyncSync,
	mkdirSync,
	openSync,
	readSync,
	readdirSync,
	renameSync,
	statSync,
	unlinkSync,
	writeSync,
} from 'node:fs';
import path from 'node:path';
import {MAX_PROGRESS_FILE_BYTES, PROGRESS_VERSION, emptyProgress, type ProgressData} from './progress-data.js';
import {readProgressFile, replayJournal, snapshotStamp, type DiskState, type ProgressRead} from './progress-decode.js';
import {
	appendToJournal,
	journalPath,
	readJournal,
	recordLine,
	type JournalMark,
	type JournalRecord,
} from './progress-journal.js';
import {withFileLock, type LockOptions, type LockResult} from './progress-lock.js';
import {PROGRESS_FILE_NAME, progressDirectory} from './progress-path.js';
import {
	applyChange,
	attemptChange,
	storableChange,
	type Attempt,
	type ProgressChange,
	type ResetScope,
} from './progress-updates.js';

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
	/** From this size of progress.json on, changes go to the journal instead of rewriting it (default JOURNAL_FROM_BYTES). */
	readonly journalFromBytes?: number;
	/** The journal is folded into progress.json once it holds this much and a quarter of progress.json (default COMPACT_FROM_BYTES). */
	readonly compactFromBytes?: number;
	/**
	 * For a command that only records a change (`pod-tutor check`): when progress.json is already
	 * journal-sized, it is not read at all until data() or refresh() needs it; a save appends to
	 * the journal after checking only its first bytes (the format version) and the journal. What
	 * opening would have warned about (a damaged file moved aside) comes with the save instead.
	 */
	readonly lazy?: boolean;
	/**
	 * Progress as already read (the first frame's readProgressSnapshot, with its `disk`): the store
	 * starts from it and reads only what changed on disk since, instead of reading it all again
	 * and keeping a second copy of a large file in memory.
	 */
	readonly seed?: {readonly data: ProgressData; readonly disk: DiskState};
}

/**
 * Rewriting a file this small costs little more than an append and its fsync (a few ms of JSON
 * work at most): below it there is no journal, and the file stays one readable JSON document.
 * The course's 82 exercises with typical answers stay far below it.
 */
export const JOURNAL_FROM_BYTES = 256 * 1024;
/**
 * The journal is folded in once it is this large and a quarter of the snapshot: rewriting the
 * snapshot then costs at most five times the bytes appended since the last fold, so a save costs
 * its own size on average, and reading the progress never replays more than a quarter of it.
 */
export const COMPACT_FROM_BYTES = 64 * 1024;

/** Temp files are named <file>.tmp-<time><hex>; a kill -9 mid-write leaves one behind. */
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
 * Writes progress.json whole: a temp file, fsync, then rename over it, so a kill at any moment
 * leaves the old file or the new one. `mark` records the journal this snapshot holds.
 */
function writeSnapshot(file: string, data: ProgressData, mark?: JournalMark): void {
	ensureFolder(path.dirname(file));
	const temp = `${file}.tmp-${Date.now()}${randomBytes(3).toString('hex')}`;
	const fd = openSync(temp, 'w', 0o600);
	try {
		writeSync(fd, JSON.stringify(mark ? {...data, journal: mark} : data, undefined, '\t'));
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
 * the umask).
 */
function ensureFolder(dir: string): void {
	const made = mkdirSync(dir, {recursive: true, mode: 0o700});
	if (made !== undefined) chmodSync(dir, 0o700);
}

/**
 * A save replaces the file by rename (or appends to the journal), which a read-only file does not stop: a learner who made it
 * read-only (to keep it as it is) would see it silently replaced.
 */
function refusesWrites(file: string): string | undefined {
	try {
		const {mode} = statSync(file);
		if ((mode & 0o200) === 0)
			return (
				`${file} is read-only (mode ${(mode & 0o777).toString(8).padStart(4, '0')}), so ` +
				`pod-tutor leaves it as it is. Make it writable (chmod 600 ${file}) to save again`
			);
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

/** The store's methods, each as the change it makes. */
function methods(save: (change: ProgressChange) => ProgressResult) {
	return {
		visitStep: (lessonId: string, step: number, stepCount: number) =>
			save({op: 'visit', lesson: lessonId, step, steps: stepCount}),
		recordAttempt: (exerciseId: string, attempt: Attempt) => save(attemptChange(exerciseId, attempt)),
		recordHint: (exerciseId: string, hintsShown: number) =>
			save({op: 'hint', exercise: exerciseId, shown: hintsShown}),
		recordReveal: (exerciseId: string) => save({op: 'reveal', exercise: exerciseId}),
		recordPrediction: (exerciseId: string, choice: string, correct: boolean) =>
			save({op: 'predict', exercise: exerciseId, choice, correct}),
		saveDraft: (exerciseId: string, text: string) => save({op: 'draft', exercise: exerciseId, text}),
		reset: (scope: ResetScope) => save({op: 'reset', scope}),
	};
}

/**
 * A store that keeps the file untouched: every change is refused with `reason` (no "not saved"
 * prefix), and kept for this session only, so the screen still shows what the learner did.
 */
function refusingStore(file: string, reason: string): ProgressStore {
	let data = emptyProgress();
	let changes = 0;
	const refuse = (change: ProgressChange): ProgressResult => {
		const applied = applyChange(data, change, new Date().toISOString());
		if (!applied.ok) return applied;
		data = applied.data;
		changes++;
		return {ok: false, error: reason, unsaved: {data, changes, retried: false}};
	};
	return {file, data: () => data, refresh: () => data, ...methods(refuse)};
}

/** Progress as read from disk, and where the reading stopped. */
interface OnDisk {
	readonly data: ProgressData;
	readonly state: DiskState;
}

/**
 * Reads what was appended to the journal since `known` was read, when nothing else changed on
 * disk (the usual case: a save of another window, or our own). undefined: read everything again
 * (progress.json was replaced, the journal begun, folded in or damaged).
 */
function catchUp(file: string, journalFile: string, known: OnDisk): OnDisk | undefined {
	if (snapshotStamp(file).stamp !== known.state.snapshot) return undefined;
	const position = known.state.journal;
	if (position === undefined && !fileExists(journalFile)) return known;
	// Only what was appended since; all of a journal begun since (past what progress.json holds of it).
	const tail = readJournal(journalFile, position);
	if (tail.kind !== 'ok' || tail.warnings.length > 0) return undefined;
	if (position !== undefined && !tail.continued) return undefined;
	// The snapshot may have been replaced between the two looks: then its journal is not this one.
	if (snapshotStamp(file).stamp !== known.state.snapshot) return undefined;
	const {mark} = known.state;
	const skip = position !== undefined ? 0 : mark !== undefined && mark.id === tail.position.id ? mark.through : 0;
	const records = tail.records.filter((record) => record.offset >= skip);
	const appended = position === undefined ? tail.position.end - tail.start : tail.position.end - position.end;
	const state: DiskState = {
		...known.state,
		journal: tail.position,
		journalBytes: known.state.journalBytes + appended,
	};
	if (records.length === 0) return tail.position.end === position?.end ? known : {data: known.data, state};
	const data: ProgressData = {
		...known.data,
		lessons: {...known.data.lessons},
		exercises: {...known.data.exercises},
		predictions: {...known.data.predictions},
		drafts: {...known.data.drafts},
	};
	replayJournal(data, records, []);
	return {data, state};
}

/**
 * Whether progress.json starts the way this pod-tutor writes it, `{"version": 1,`: enough for a
 * lazy save to append without parsing the rest. Anything else (another version, a hand-edited
 * file) is read whole, where a newer format is refused and damage is handled.
 */
function writtenByThisVersion(file: string): boolean {
	let fd: number;
	try {
		fd = openSync(file, 'r');
	} catch {
		return false;
	}
	try {
		const head = Buffer.alloc(64);
		const n = readSync(fd, head, 0, head.length, 0);
		return new RegExp(`^\\{\\s*"version":\\s*${PROGRESS_VERSION}\\s*,`).test(head.toString('utf8', 0, n));
	} catch {
		return false;
	} finally {
		closeSync(fd);
	}
}

export function openProgressStore(
	env: NodeJS.ProcessEnv = process.env,
	options: ProgressStoreOptions = {},
): OpenedProgressStore {
	const dir = progressDirectory(env);
	const file = path.join(dir, PROGRESS_FILE_NAME);
	const journalFile = journalPath(file);
	const lockFile = `${file}.lock`;
	const journalFrom = options.journalFromBytes ?? JOURNAL_FROM_BYTES;
	const compactFrom = options.compactFromBytes ?? COMPACT_FROM_BYTES;
	removeLeftoverTempFiles(dir);

	let copied: Copy | undefined;

	/**
	 * Turns a full read into progress to build on, under the lock: a repaired file is copied first,
	 * a damaged one (or a damaged journal) moved aside. `opening`: the copy is taken now, and a
	 * later save does not take it again.
	 */
	const settle = (read: ProgressRead, at: string | undefined): {disk: OnDisk; warning?: string} | {error: string} => {
		if (read.kind === 'ok') {
			if (read.warnings.length === 0) return {disk: {data: read.data, state: read.disk}};
			const copy = keepCopy(file, copied);
			if (copy) copied = copy;
			return {
				disk: {data: read.data, state: read.disk},
				...(copy ? {warning: repairedMessage(file, read.warnings, copy.target)} : {}),
			};
		}
		if (read.kind === 'damaged' && read.journalOnly) {
			const target = moveAside(journalFile);
			const again = readProgressFile(file, at);
			const settled = again.kind === 'ok' && again.disk.journal === undefined ? settle(again, at) : undefined;
			if (settled === undefined || 'error' in settled)
				return {
					error: settled && 'error' in settled ? settled.error : `${journalFile} could not be moved aside`,
				};
			const note =
				`The journal of recent changes was damaged (${read.error}) and has ` +
				`been moved to ${target}; progress up to the last full save is kept.`;
			return {disk: settled.disk, warning: settled.warning ? `${note} ${settled.warning}` : note};
		}
		if (read.kind === 'damaged') {
			const warning = movedAsideMessage(moveAside(file), read.error);
			// The journal's changes stand on their own: read again, they are applied to empty progress.
			const again = settle(readProgressFile(file, at), at);
			if ('error' in again) return again;
			return {disk: again.disk, warning: again.warning ? `${warning} ${again.warning}` : warning};
		}
		if (read.kind === 'newer')
			return {error: `${read.journalOnly ? journalFile : file} was not read: ${read.error}`};
		return {error: `${read.error}.`};
	};

	type Loaded =
		| {readonly kind: 'ok'; readonly disk: OnDisk; readonly warning?: string}
		| {readonly kind: 'refused'; readonly reason: string; readonly warning: string};

	/** Reads progress as opening the store does: a file that needs repair is handled under the lock. */
	const load = (): Loaded => {
		const first = readProgressFile(file);
		if (first.kind === 'ok' && first.warnings.length === 0)
			return {kind: 'ok', disk: {data: first.data, state: first.disk}};
		if (first.kind === 'ok' || first.kind === 'damaged') {
			// Re-checked under the lock: another window may have replaced the file meanwhile. A copy is
			// kept now, before anything is lost, so the message can name it.
			let moved: LockResult<ReturnType<typeof settle>>;
			try {
				moved = withFileLock(lockFile, () => settle(readProgressFile(file), undefined), options.lock);
			} catch (error) {
				moved = {ok: false, error: message(error)};
			}
			const outcome = moved.ok ? moved.value : {error: moved.error};
			if ('error' in outcome) {
				const reason = `${file} needs repair and could not be copied or moved aside first (${outcome.error}).`;
				return {kind: 'refused', reason, warning: `Progress will not be saved: ${reason}`};
			}
			return {kind: 'ok', disk: outcome.disk, ...(outcome.warning ? {warning: outcome.warning} : {})};
		}
		const where = first.journalOnly ? journalFile : file;
		const reason =
			first.kind === 'newer' ? `your progress file ${where} was not read: ${first.error}` : `${first.error}.`;
		return {
			kind: 'refused',
			reason,
			warning:
				first.kind === 'newer'
					? `Your progress file ${where} was not read: ${first.error}`
					: `Progress will not be saved: ${reason}`,
		};
	};

	const lazy = options.lazy === true && snapshotStamp(file).bytes >= journalFrom;
	let disk: OnDisk | undefined;
	let openWarning: string | undefined;
	const {seed} = options;
	const seeded = seed && !lazy ? catchUp(file, journalFile, {data: seed.data, state: seed.disk}) : undefined;
	if (seeded) disk = seeded;
	else if (!lazy) {
		const loaded = load();
		if (loaded.kind === 'refused') return {store: refusingStore(file, loaded.reason), warning: loaded.warning};
		disk = loaded.disk;
		openWarning = loaded.warning;
	}
	/** Set once a lazy store found the file needs what opening would have refused. */
	let refusedReason: string | undefined;
	/** What a lazy store's loading had to say, told with the next save. */
	let laterWarning: string | undefined;

	/** Changes the disk refused, oldest first: kept in memory and saved with the next change. */
	const unsaved: JournalRecord[] = [];
	const withUnsaved = (data: ProgressData): ProgressData =>
		unsaved.reduce((base, earlier) => {
			const replayed = applyChange(base, earlier.change, earlier.at);
			return replayed.ok ? replayed.data : base;
		}, data);
	let current = disk?.data ?? emptyProgress();

	/** A lazy store's progress, read on first need. */
	const ensureLoaded = (): void => {
		if (disk !== undefined || refusedReason !== undefined) return;
		const loaded = load();
		if (loaded.kind === 'refused') {
			refusedReason = loaded.reason;
			laterWarning = loaded.warning;
			return;
		}
		disk = loaded.disk;
		laterWarning = loaded.warning;
		current = withUnsaved(disk.data);
	};

	/** Folds the journal into progress.json. A failure leaves the journal as it is: nothing is lost. */
	const compact = (known: OnDisk): OnDisk => {
		const position = known.state.journal;
		if (position?.id === undefined) return known;
		const mark = {id: position.id, through: position.end};
		try {
			writeSnapshot(file, known.data, mark);
		} catch {
			return known;
		}
		const written = snapshotStamp(file);
		const folded: DiskState = {
			snapshot: written.stamp,
			snapshotBytes: written.bytes,
			mark,
			journalBytes: 0,
			journalWarnings: false,
		};
		try {
			// A journal with lines that could not be used is kept beside, not deleted.
			if (known.state.journalWarnings) moveAside(journalFile);
			else unlinkSync(journalFile);
		} catch {
			// progress.json's mark says which records it holds: the journal is never applied twice.
			return {data: known.data, state: {...folded, journal: position, journalBytes: known.state.journalBytes}};
		}
		return {data: known.data, state: folded};
	};

	const shouldCompact = (state: DiskState): boolean =>
		state.journalBytes >= Math.max(compactFrom, state.snapshotBytes / 4);

	/**
	 * A lazy store's save, under the lock: appended without reading progress.json when it is a
	 * version this pod-tutor writes and the journal reads cleanly; undefined when progress has to
	 * be read after all (then the usual save follows).
	 */
	const appendUnread = (change: ProgressChange, at: string): ProgressResult | undefined => {
		const snapshot = snapshotStamp(file);
		// Too large to be ours: read whole, which moves it aside.
		if (snapshot.bytes < journalFrom || snapshot.bytes > MAX_PROGRESS_FILE_BYTES || !writtenByThisVersion(file))
			return undefined;
		const journal = readJournal(journalFile);
		if (journal.kind === 'missing' ? false : journal.kind !== 'ok' || journal.warnings.length > 0) return undefined;
		const position = journal.kind === 'ok' ? journal.position : undefined;
		const journalBytes = journal.kind === 'ok' ? position!.end - journal.start : 0;
		if (journalBytes >= Math.max(compactFrom, snapshot.bytes / 4)) return undefined;
		const pending = [...unsaved, {change, at}];
		// Whether a change applies depends on its ids and numbers only, never on what is saved.
		const checked = pending.map((record) => ({
			record,
			result: applyChange(emptyProgress(), record.change, record.at),
		}));
		const last = checked[checked.length - 1].result;
		if (!last.ok) return last;
		const readOnly = refusesWrites(file);
		if (readOnly) return {ok: false, error: `${readOnly}.`};
		const saved = checked.filter((c) => c.result.ok).map((c) => c.record);
		appendToJournal(journalFile, position, randomBytes(8).toString('hex'), saved);
		const result: ProgressResult = {
			ok: true,
			// Read only if asked for: `check` never asks.
			get data(): ProgressData {
				ensureLoaded();
				return current;
			},
		};
		return result;
	};

	const apply = (change: ProgressChange, at: string): ProgressResult => {
		const locked = withFileLock(
			lockFile,
			(): ProgressResult => {
				let warning: string | undefined;
				if (disk === undefined) {
					if (refusedReason !== undefined) return {ok: false, error: refusedReason};
					const unread = appendUnread(change, at);
					if (unread) return unread;
				}
				const caught = disk && catchUp(file, journalFile, disk);
				if (caught) disk = caught;
				else {
					const settled = settle(readProgressFile(file, at), at);
					if ('error' in settled) return {ok: false, error: settled.error};
					disk = settled.disk;
					warning = settled.warning;
				}
				const pending = [...unsaved, {change, at}];
				const saved: JournalRecord[] = [];
				let next = disk.data;
				for (const [n, record] of pending.entries()) {
					const changed = applyChange(next, record.change, record.at);
					if (!changed.ok) {
						if (n === pending.length - 1) return changed;
						continue;
					}
					next = changed.data;
					saved.push(record);
				}
				const readOnly = refusesWrites(file);
				if (readOnly) return {ok: false, error: `${readOnly}.`};
				const {state} = disk;
				if (state.journal === undefined && state.snapshotBytes < journalFrom) {
					writeSnapshot(file, next);
					const written = snapshotStamp(file);
					disk = {
						data: next,
						state: {
							snapshot: written.stamp,
							snapshotBytes: written.bytes,
							journalBytes: 0,
							journalWarnings: false,
						},
					};
				} else {
					const position = appendToJournal(journalFile, state.journal, randomBytes(8).toString('hex'), saved);
					const appended = saved.reduce((bytes, record) => bytes + Buffer.byteLength(recordLine(record)), 0);
					disk = {
						data: next,
						state: {...state, journal: position, journalBytes: state.journalBytes + appended},
					};
					// A reset folds at once: what it leaves is usually small, and progress.json should not
					// keep what the learner asked to forget until the journal has grown.
					if (shouldCompact(disk.state) || change.op === 'reset') disk = compact(disk);
				}
				current = next;
				return warning === undefined ? {ok: true, data: next} : {ok: true, data: next, warning};
			},
			options.lock,
		);
		if (!locked.ok) return {ok: false, error: locked.error};
		return locked.value;
	};

	const guarded = (requested: ProgressChange): ProgressResult => {
		const at = new Date().toISOString();
		const change = storableChange(requested);
		let result: ProgressResult;
		try {
			result = apply(change, at);
		} catch (error) {
			result = {ok: false, error: `could not write ${file} (${message(error)}).`};
		}
		// A lazy save's result reads progress only when asked for it: not copied here.
		if (result.ok && laterWarning !== undefined && disk !== undefined) {
			result = {...result, warning: result.warning ? `${laterWarning} ${result.warning}` : laterWarning};
			laterWarning = undefined;
		}
		if (result.ok) {
			unsaved.length = 0;
			return result;
		}
		// A change that is itself wrong (a bad id) is not kept; one the disk or the lock refused is,
		// so the learner's work shows on screen and is saved by the next change that gets through.
		const own = applyChange(current, change, at);
		if (!own.ok) return result;
		current = own.data;
		unsaved.push({change, at});
		return {
			...result,
			unsaved: {data: current, changes: unsaved.length, retried: refusedReason === undefined},
		};
	};

	const store: ProgressStore = {
		file,
		data: () => {
			ensureLoaded();
			return current;
		},
		refresh: () => {
			ensureLoaded();
			if (disk === undefined) return current;
			const caught = catchUp(file, journalFile, disk);
			if (caught === disk) return current;
			if (caught) disk = caught;
			else {
				const read = readProgressFile(file);
				if (read.kind !== 'ok') return current;
				disk = {data: read.data, state: read.disk};
			}
			current = withUnsaved(disk.data);
			return current;
		},
		...methods(guarded),
	};
	return openWarning === undefined ? {store} : {store, warning: openWarning};
}
