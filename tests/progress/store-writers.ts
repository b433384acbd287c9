/**
 * Separate processes that save progress through the store, as tutor windows or a killed tutor
 * would. The children cannot use vitest's TypeScript transform, so the store is bundled
 * (scripts/progress-store-bundle.mjs, shared with scripts/progress-save-cost.mjs) once per test
 * file and run by tests/fixtures/progress/store-writer.mjs.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll} from 'vitest';
import {bundleProgressStore} from '../../scripts/progress-store-bundle.mjs';
import type {ProgressStoreOptions} from '../../src/progress/progress-store.js';

const writer = fileURLToPath(new URL('../fixtures/progress/store-writer.mjs', import.meta.url));

export interface Writer {
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

/**
 * Bundles the store before the file's tests; `start` runs one writer saving `count` attempts,
 * opening the store with `options` (e.g. a journal from the first byte).
 */
export function useStoreWriters(): {
	start(configDir: string, prefix: string, count: number | 'forever', options?: ProgressStoreOptions): Writer;
} {
	let bundleDir = '';
	let bundle = '';
	beforeAll(async () => {
		bundleDir = mkdtempSync(path.join(tmpdir(), 'pod-tutor-store-bundle-'));
		bundle = await bundleProgressStore(path.join(bundleDir, 'progress-store.mjs'));
	});
	afterAll(() => rmSync(bundleDir, {recursive: true, force: true}));
	return {
		start(configDir, prefix, count, options = {}) {
			const args = [writer, bundle, configDir, prefix, String(count), JSON.stringify(options)];
			const child = spawn(process.execPath, args, {stdio: ['ignore', 'pipe', 'pipe']});
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
			const exited = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) =>
				child.on('exit', (code, signal) => resolve({code, signal})),
			);
			return {
				child,
				saved,
				durations,
				stderr,
				exited,
				savedAtLeast: (n) =>
					Promise.race([
						new Promise<void>((resolve) =>
							saved.length >= n ? resolve() : waiters.push({count: n, resolve}),
						),
						exited.then(({code}) => {
							throw new Error(`writer exited (${code}) before saving ${n}: ${stderr.join('')}`);
						}),
					]),
			};
		},
	};
}
