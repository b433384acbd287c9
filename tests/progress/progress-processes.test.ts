/**
 * The store from separate processes, as two tutor windows or a killed tutor would use it. The
 * children cannot use vitest's TypeScript transform, so the store is bundled with esbuild first.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readProgressSnapshot} from '../../src/progress/progress-snapshot.js';
import {openProgressStore} from '../../src/progress/progress-store.js';
import {useTempConfig} from './temp-config.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const writer = fileURLToPath(new URL('../fixtures/progress/store-writer.mjs', import.meta.url));
const newConfig = useTempConfig();
let bundleDir: string;
let bundle: string;

beforeAll(async () => {
	bundleDir = mkdtempSync(path.join(tmpdir(), 'pod-tutor-store-bundle-'));
	bundle = path.join(bundleDir, 'progress-store.mjs');
	await build({
		entryPoints: [path.join(root, 'src/progress/progress-store.ts')],
		outfile: bundle,
		bundle: true,
		platform: 'node',
		format: 'esm',
		target: 'node20',
		logLevel: 'warning',
		// Some of conf's dependencies are CommonJS and call require() for built-ins.
		banner: {js: "import {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);"},
	});
});

afterAll(() => {
	rmSync(bundleDir, {recursive: true, force: true});
});

interface Writer {
	readonly child: ChildProcess;
	/** Ids the child reported saved. */
	readonly saved: string[];
	/** How long each of those saves took, in ms. */
	readonly durations: number[];
	readonly stderr: string[];
	readonly exited: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
	/** Resolves once `count` ids were reported saved. */
	savedAtLeast(count: number): Promise<void>;
}

function startWriter(configDir: string, prefix: string, count: number | 'forever', env: NodeJS.ProcessEnv = process.env): Writer {
	const child = spawn(process.execPath, [writer, bundle, configDir, prefix, String(count)], {stdio: ['ignore', 'pipe', 'pipe'], env});
	const saved: string[] = [];
	const durations: number[] = [];
	const stderr: string[] = [];
	const waiters: {count: number; resolve: () => void}[] = [];
	let partial = '';
	child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
		const lines = (partial + chunk).split('\n');
		partial = lines.pop() ?? '';
		for (const line of lines) {
			const [word, id, ms] = line.split(' ');
			if (word !== 'saved') continue;
			saved.push(id);
			durations.push(Number(ms));
		}
		for (const waiter of waiters.filter((w) => saved.length >= w.count)) waiter.resolve();
	});
	child.stderr!.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
	const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) => {
		child.on('exit', (code, signal) => resolve({code, signal}));
	});
	return {
		child,
		saved,
		durations,
		stderr,
		exited,
		savedAtLeast: (n) =>
			Promise.race([
				new Promise<void>((resolve) => {
					if (saved.length >= n) resolve();
					else waiters.push({count: n, resolve});
				}),
				exited.then(({code}) => {
					throw new Error(`writer exited (${code}) before saving ${n}: ${stderr.join('')}`);
				}),
			]),
	};
}

function withoutSnap(): NodeJS.ProcessEnv {
	const env = {...process.env};
	delete env.SNAP;
	return env;
}

describe('the store across processes', () => {
	// Under Snap conf would write in place; the store does its own atomic write there (see save()).
	it.each([
		{label: 'conf writing', kills: 30, childEnv: withoutSnap()},
		{label: 'under Snap (SNAP set)', kills: 10, childEnv: {...withoutSnap(), SNAP: '/snap/node/current'}},
	])('$label: the file stays readable with every completed update through $kills kill -9s at random moments', async ({kills, childEnv}) => {
		const {dir, env} = newConfig();
		const completed: string[] = [];
		let killedHoldingLock = 0;
		for (let round = 0; round < kills; round++) {
			const w = startWriter(dir, `r${round}`, 'forever', childEnv);
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
		console.log(`kill -9: ${completed.length} updates across ${kills} kills; ${killedHoldingLock} kills held the lock, ${leftTemp} mid-write (temp file left)`);
	}, 120_000);

	it('merges 200 + 200 attempts saved by two processes at the same time', async () => {
		const {dir, env} = newConfig();
		const one = startWriter(dir, 'left', 200);
		const two = startWriter(dir, 'right', 200);
		const [a, b] = await Promise.all([one.exited, two.exited]);
		expect(a.code, one.stderr.join('')).toBe(0);
		expect(b.code, two.stderr.join('')).toBe(0);
		const {data, warning} = readProgressSnapshot(env);
		expect(warning).toBeUndefined();
		const ids = Object.keys(data.exercises);
		expect(ids).toHaveLength(400);
		for (let n = 0; n < 200; n++) {
			expect(data.exercises[`left-${n}`]?.attempts).toBe(1);
			expect(data.exercises[`right-${n}`]?.attempts).toBe(1);
		}
		expect(readdirSync(dir)).toEqual(['progress.json']);
		const all = [...one.durations, ...two.durations].sort((x, y) => x - y);
		console.log(`two writers: save took median ${all[200]} ms, slowest ${all[399]} ms (lock timeout 2000 ms)`);
	}, 60_000);
});
