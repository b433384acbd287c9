/**
 * Tells a running tutor that its progress file changed under it: the learner's other window saved.
 * Without this, two windows of one learner merge correctly on disk (the store re-reads under its
 * lock) but each shows the other's work only after a restart.
 *
 * The folder is watched, not the file: a save renames a new file over progress.json (or appends
 * to the journal beside it), and a watch on the old file would go quiet after the first rename. fs.watch is inotify on Linux, so an
 * idle tutor is woken only by a real change, never by a timer.
 */
import {watch, type FSWatcher} from 'node:fs';
import {basename, dirname} from 'node:path';
import {JOURNAL_FILE_NAME} from './progress-journal.js';

/** Several events arrive for one save (the temp file, the rename); one call follows them. */
const SETTLE_MS = 50;

export function watchProgressFile(file: string, changed: () => void): () => void {
	let watcher: FSWatcher;
	try {
		watcher = watch(dirname(file), {persistent: false});
	} catch {
		// No folder yet (nothing saved anywhere): nothing to watch, and nothing stale to show.
		return () => {};
	}
	const name = basename(file);
	let timer: NodeJS.Timeout | undefined;
	watcher.on('change', (_event, filename) => {
		// A save appends to the journal, or replaces progress.json (a small one, or a fold).
		if (filename !== null && String(filename) !== name && String(filename) !== JOURNAL_FILE_NAME) return;
		clearTimeout(timer);
		timer = setTimeout(changed, SETTLE_MS);
	});
	// A folder removed under us, or a watch limit reached: the tutor keeps working, only less fresh.
	watcher.on('error', () => watcher.close());
	return () => {
		clearTimeout(timer);
		watcher.close();
	};
}
