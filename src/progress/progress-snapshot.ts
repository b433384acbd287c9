/**
 * A read-only look at the learner's progress for the first frame and plain subcommands: no conf,
 * no lock, no writes. A damaged file is left exactly as it is here; the store moves it aside when
 * the tutor opens it for writing.
 */
import {emptyProgress, type ProgressData} from './progress-data.js';
import {readProgressFile, type DiskState} from './progress-decode.js';
import {progressFilePath} from './progress-path.js';

export interface ProgressSnapshot {
	readonly data: ProgressData;
	readonly warning?: string;
	/** The file read (whether or not it existed). */
	readonly file: string;
	/**
	 * What was on disk, when it read cleanly: the store can start from this read
	 * (ProgressStoreOptions.seed) instead of reading and holding a second copy.
	 */
	readonly disk?: DiskState;
}

export function readProgressSnapshot(env: NodeJS.ProcessEnv = process.env): ProgressSnapshot {
	const file = progressFilePath(env);
	const read = readProgressFile(file);
	if (read.kind === 'ok') {
		if (read.warnings.length === 0) return {data: read.data, file, disk: read.disk};
		return {data: read.data, file, warning: `Some entries of ${file} were unusable: ${read.warnings.join(' ')}`};
	}
	if (read.kind === 'damaged') {
		return {
			data: emptyProgress(),
			file,
			warning:
				`Your progress file ${file} is damaged (${read.error}); showing empty ` +
				`progress. The tutor will move it aside, keeping a copy, when it next saves.`,
		};
	}
	if (read.kind === 'newer')
		return {data: emptyProgress(), file, warning: `Your progress file ${file} was not read: ${read.error}`};
	return {data: emptyProgress(), file, warning: `Your progress could not be read: ${read.error}.`};
}
