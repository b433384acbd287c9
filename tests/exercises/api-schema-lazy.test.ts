/**
 * The API schema validators are a lazy chunk: nothing the first frame loads (dist/cli.js and the
 * chunks it imports statically) contains them, and checking a manifest imports them.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it, vi} from 'vitest';
import {fixtureExercise} from './fixture-course.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = join(ROOT, 'dist');
/** A name only the generated Pod validator holds. */
const MARKER = 'IoK8sApiCoreV1Pod';

function staticClosure(file: string, seen = new Set<string>()): Set<string> {
	if (seen.has(file)) return seen;
	seen.add(file);
	const code = readFileSync(file, 'utf8');
	// Static imports only: `import ... from "./x.js"` and `import "./x.js"`; import("...") is lazy.
	for (const match of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.[^"']+)["']/g)) {
		staticClosure(join(dirname(file), match[1]), seen);
	}
	return seen;
}

describe('the Kubernetes API schema stays off the first-frame path', () => {
	it('no module the entry loads statically holds the validators', () => {
		const loaded = [...staticClosure(join(DIST, 'cli.js'))];
		expect(loaded.length).toBeGreaterThan(1);
		for (const file of loaded) expect(readFileSync(file, 'utf8').includes(MARKER), file).toBe(false);
	});

	it('the built CLI loads them when it checks a manifest', () => {
		const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-lazy-'));
		try {
			const pod = join(dir, 'pod.yaml');
			writeFileSync(
				pod,
				'apiVersion: v1\nkind: Pod\nmetadata: {name: web-app}\nspec:\n  containers:\n    - {name: app, image: 3}\n',
			);
			let out = '';
			try {
				execFileSync(
					process.execPath,
					[join(ROOT, 'bin', 'pod-tutor.js'), 'check', 'pod-two-containers', '--file', pod],
					{
						encoding: 'utf8',
						env: {...process.env, POD_TUTOR_CONFIG_DIR: join(dir, 'config')},
					},
				);
			} catch (error) {
				out = (error as {stdout: string}).stdout;
			}
			expect(out).toContain('spec.containers[0].image: must be text (a string), not 3');
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});

describe('checking before the schema is loaded', () => {
	it('says so in a check item instead of passing the manifest or throwing', async () => {
		const ex = fixtureExercise('log-shipper-pod', 'manifest');
		vi.resetModules();
		const fresh = await import('../../src/exercises/check-answer.js');
		const result = fresh.checkAnswer(ex, {kind: 'manifest', source: ex.answer, origin: 'pod.yaml'});
		expect(result.correct).toBe(false);
		expect(result.checks[0]).toEqual({
			name: 'API server',
			passed: false,
			message: 'the Kubernetes API schema was not loaded before checking (a pod-tutor bug: please report it)',
		});
		await fresh.prepareChecking(ex);
		expect(fresh.checkAnswer(ex, {kind: 'manifest', source: ex.answer, origin: 'pod.yaml'}).correct).toBe(true);
	});
});
