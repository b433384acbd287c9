/**
 * The store under kill -9 and concurrent writers, from separate processes (tests/progress/
 * store-writers.ts): 0 corrupt files, 0 acknowledged saves lost.
 */
import {readdirSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {readProgressSnapshot} from '../../src/progress/progress-snapshot.js';
import {openProgressStore} from '../../src/progress/progress-store.js';
import {useStoreWriters} from '../progress/store-writers.js';
import {tempDir} from './built-cli.js';

const processes = useStoreWriters();

function percentile(values: readonly number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

describe('kill -9 and concurrent writers', () => {
	it('kill -9 at random points over 500 saves: 0 corrupt, 0 acknowledged lost', async () => {
		const dir = tempDir('kill9');
		const env = {POD_TUTOR_CONFIG_DIR: dir};
		const acknowledged: string[] = [];
		let kills = 0;
		for (let round = 0; acknowledged.length < 500; round++) {
			const w = processes.start(dir, `r${round}`, 'forever');
			// After a random number of saves, then a random moment within the next one or two: kills
			// land before, during and after the rename (one process start per kill is what costs).
			await w.savedAtLeast(1 + Math.floor(Math.random() * 20));
			await new Promise((resolve) => setTimeout(resolve, Math.random() * 30));
			w.child.kill('SIGKILL');
			const {signal} = await w.exited;
			expect(signal, w.stderr.join('')).toBe('SIGKILL');
			kills++;
			acknowledged.push(...w.saved);
			const snapshot = readProgressSnapshot(env);
			expect(snapshot.warning).toBeUndefined();
			expect(acknowledged.filter((id) => snapshot.data.exercises[id]?.attempts !== 1)).toEqual([]);
		}
		const {store, warning} = openProgressStore(env);
		expect(warning).toBeUndefined();
		expect(store.recordAttempt('after-kills', {correct: true}).ok).toBe(true);
		expect(readdirSync(dir).filter((name) => name.includes('.corrupt-') || name.includes('.backup-'))).toEqual([]);
		console.log(`kill -9: ${acknowledged.length} acknowledged saves over ${kills} kills; 0 corrupt, 0 lost`);
	}, 240_000);

	// Default options: 200-400 answers of up to 4 KB pass 256 KiB, so the writers go from
	// rewriting progress.json to appending to the journal mid-run. The last case appends and folds
	// (every 8 KB) from the first save: what two windows on a large progress file do.
	it.each([
		{writers: 2, each: 200, how: 'default sizes', options: {}},
		{writers: 4, each: 50, how: 'default sizes', options: {}},
		{
			writers: 3,
			each: 100,
			how: 'journal folded every 8 KB',
			options: {journalFromBytes: 0, compactFromBytes: 8192},
		},
	])(
		'$writers writers x $each attempts at the same time, $how: 0 lost',
		async ({writers, each, options}) => {
			const dir = tempDir(`writers-${writers}`);
			const all = Array.from({length: writers}, (_, i) => processes.start(dir, `w${i}`, each, options));
			const results = await Promise.all(all.map((w) => w.exited));
			results.forEach((result, i) => expect(result.code, all[i].stderr.join('')).toBe(0));
			const {data, warning} = readProgressSnapshot({POD_TUTOR_CONFIG_DIR: dir});
			expect(warning).toBeUndefined();
			expect(Object.keys(data.exercises)).toHaveLength(writers * each);
			for (let w = 0; w < writers; w++)
				for (let n = 0; n < each; n++) expect(data.exercises[`w${w}-${n}`]?.attempts).toBe(1);
			// No lock, temp file or backup left; the journal may or may not have just been folded in.
			const left = readdirSync(dir).filter((name) => name !== 'progress.json' && name !== 'progress.journal');
			expect(left).toEqual([]);
			expect(readdirSync(dir)).toContain('progress.json');
			const durations = all.flatMap((w) => w.durations);
			console.log(
				`${writers}x${each} writers: 0 lost; save median ${percentile(durations, 50)} ms, p99 ${percentile(durations, 99)} ms, slowest ${Math.max(...durations)} ms`,
			);
		},
		120_000,
	);
});
