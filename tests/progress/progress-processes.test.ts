/**
 * The store from separate processes, as a killed tutor would use it (the concurrent writers and
 * the 500-save kill run are in the fault suite, tests/faults/progress-crash.test.ts).
 */
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {readProgressSnapshot} from '../../src/progress/progress-snapshot.js';
import {openProgressStore} from '../../src/progress/progress-store.js';
import {useStoreWriters} from './store-writers.js';
import {useTempConfig} from './temp-config.js';

const newConfig = useTempConfig();
const writers = useStoreWriters();

describe('the store across processes', () => {
	// A small file is rewritten whole on every save; a large one takes appends to the journal and
	// is now and then rewritten with the journal folded in (here every 4 KB, so kills land in folds).
	it.each([
		{label: 'rewriting progress.json', kills: 30, options: {}},
		{
			label: 'appending to the journal, folding it in',
			kills: 20,
			options: {journalFromBytes: 0, compactFromBytes: 4096},
		},
	])(
		'$label: the file stays readable with every completed update through $kills kill -9s at random moments',
		async ({kills, options}) => {
			const {dir, env} = newConfig();
			const completed: string[] = [];
			let killedHoldingLock = 0;
			for (let round = 0; round < kills; round++) {
				const w = writers.start(dir, `r${round}`, 'forever', options);
				await w.savedAtLeast(1);
				// A random moment within the next few writes, so kills land before, during and after renames.
				await new Promise((resolve) => setTimeout(resolve, Math.random() * 40));
				w.child.kill('SIGKILL');
				const {signal} = await w.exited;
				expect(signal, w.stderr.join('')).toBe('SIGKILL');
				completed.push(...w.saved);
				if (existsSync(path.join(dir, 'progress.json.lock'))) killedHoldingLock++;
				const snapshot = readProgressSnapshot(env);
				expect(snapshot.warning).toBeUndefined();
				const missing = completed.filter((id) => snapshot.data.exercises[id]?.attempts !== 1);
				expect(missing).toEqual([]);
			}
			// The next session opens cleanly and can save, whatever lock or temp file the last kill left.
			const {store, warning} = openProgressStore(env);
			expect(warning).toBeUndefined();
			expect(store.recordAttempt('after-kills', {correct: true}).ok).toBe(true);
			expect(readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toEqual([]);
			const leftTemp = readdirSync(dir).filter((name) => name.includes('.tmp-')).length;
			console.log(
				`kill -9: ${completed.length} updates across ${kills} kills; ${killedHoldingLock} kills held the lock, ${leftTemp} mid-write (temp file left)`,
			);
		},
		120_000,
	);
});
