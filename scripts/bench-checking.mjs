// `npm run bench:checking`: how fast answers are checked. Runs every example of the whole course
// (exercises/**/*.yaml `examples:`) through the checker exactly as `pod-tutor check` would, in a
// fresh node process so the first pass is cold (V8 compiling the checker, the API schema imported
// on first use), then again warm. Targets (issue #9): the whole course under 5 s, no single check
// over 50 ms (an example's cost is its median over five interleaved passes, so a sample preempted by
// another process does not count as the check's cost; the single worst sample is shown too). Also times
// two oversized answers a learner could send.
//   node scripts/bench-checking.mjs [--runs N] [--json]
// scripts/bench.mjs may call measureChecking(runs) and put the result in its report.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {build} from 'esbuild';
import {BUILD_SETTINGS, projectRoot} from './build-options.mjs';

const TARGET_TOTAL_MS = 5000;
const TARGET_SINGLE_MS = 50;

const ENTRY = `
export {loadCourse} from './src/content/course-loader.ts';
export {loadApiSchema} from './src/exercises/api-schema.ts';
export {runExample} from './src/exercises/exercise-examples.ts';
export {checkAnswer} from './src/exercises/check-answer.ts';
`;

/** The probe: one process, one cold pass and one warm pass over every example. */
async function probe(bundle, lessons) {
	const started = performance.now();
	const m = await import(bundle);
	const course = m.loadCourse({lessonDirs: [lessons]});
	const loaded = performance.now();
	const pass = async () => {
		const t0 = performance.now();
		await m.loadApiSchema();
		const schema = performance.now() - t0;
		let slowest = {ms: 0, id: '', example: ''};
		let checks = 0;
		let disagreements = 0;
		for (const ex of course.exercises.values()) {
			for (const side of ['right', 'wrong']) {
				for (const entry of ex.examples?.[side] ?? []) {
					const s = performance.now();
					const run = m.runExample(ex, entry);
					const ms = performance.now() - s;
					checks += 1;
					if (!run.ok || run.result.correct !== (side === 'right')) disagreements += 1;
					if (ms > slowest.ms)
						slowest = {ms, id: ex.id, example: entry.length > 40 ? `${entry.slice(0, 37)}...` : entry};
				}
			}
		}
		return {totalMs: performance.now() - t0, schemaMs: schema, checks, disagreements, slowest};
	};
	const cold = await pass();
	const warm = await pass();
	// Five more passes over the whole course, interleaved so no cache of the previous answer helps:
	// an example's median over them is its cost, free of a sample preempted by another process.
	const times = new Map();
	for (let pass = 0; pass < 5; pass++) {
		for (const ex of course.exercises.values()) {
			for (const entry of [...(ex.examples?.right ?? []), ...(ex.examples?.wrong ?? [])]) {
				const s = performance.now();
				m.runExample(ex, entry);
				const key = `${ex.id}\u0000${entry}`;
				times.set(key, [...(times.get(key) ?? []), performance.now() - s]);
			}
		}
	}
	let slowestMedian = {ms: 0, id: '', example: ''};
	for (const [key, list] of times) {
		const ms = list.sort((x, y) => x - y)[2];
		const [id, entry] = key.split('\u0000');
		if (ms > slowestMedian.ms)
			slowestMedian = {ms, id, example: entry.length > 40 ? `${entry.slice(0, 37)}...` : entry};
	}
	const interview = course.exercises.get('together-interview');
	const pod = course.exercises.get('pod-two-containers');
	const stress = {};
	if (interview) {
		const long = `${interview.answer} `.repeat(Math.ceil(20_000 / interview.answer.length)).slice(0, 20_000);
		const s = performance.now();
		m.checkAnswer(interview, {kind: 'text', text: long});
		stress.freeText20kB = performance.now() - s;
	}
	if (pod) {
		const containers = Array.from(
			{length: 300},
			(_, i) => `    - name: c${i}\n      image: busybox:1.36\n      ports: [{containerPort: ${1000 + i}}]\n`,
		).join('');
		const s = performance.now();
		m.checkAnswer(pod, {
			kind: 'manifest',
			source: `apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  containers:\n${containers}`,
			origin: 'big.yaml',
		});
		stress.manifest300Containers = performance.now() - s;
	}
	return {importAndLoadMs: loaded - started, exercises: course.exercises.size, cold, warm, slowestMedian, stress};
}

export async function measureChecking(runs = 3, log = () => {}) {
	const work = mkdtempSync(join(tmpdir(), 'pod-tutor-bench-checking-'));
	try {
		await build({
			...BUILD_SETTINGS,
			stdin: {contents: ENTRY, resolveDir: projectRoot, loader: 'ts', sourcefile: 'bench-checking-entry.ts'},
			outdir: work,
			entryNames: 'checking',
			absWorkingDir: projectRoot,
		});
		const samples = [];
		for (let i = 0; i < runs; i++) {
			const out = execFileSync(
				process.execPath,
				[fileURLToPath(import.meta.url), '--probe', join(work, 'checking.js')],
				{encoding: 'utf8'},
			);
			samples.push(JSON.parse(out));
			log(`checking: run ${i + 1}/${runs}`);
		}
		const worst = (pick) => Math.max(...samples.map(pick));
		const median = (pick) => samples.map(pick).sort((a, b) => a - b)[Math.floor(samples.length / 2)];
		const last = samples[samples.length - 1];
		return {
			runs,
			exercises: last.exercises,
			checks: last.cold.checks,
			disagreements: last.cold.disagreements,
			coldTotalMs: {median: median((s) => s.cold.totalMs), max: worst((s) => s.cold.totalMs)},
			warmTotalMs: {median: median((s) => s.warm.totalMs), max: worst((s) => s.warm.totalMs)},
			schemaImportMs: {median: median((s) => s.cold.schemaMs), max: worst((s) => s.cold.schemaMs)},
			slowestColdMs: worst((s) => s.cold.slowest.ms),
			slowestCold: samples.reduce((a, s) => (s.cold.slowest.ms > a.ms ? s.cold.slowest : a), {ms: 0}),
			slowestWarmMs: worst((s) => s.warm.slowest.ms),
			slowestMedianMs: worst((s) => s.slowestMedian.ms),
			slowestMedian: samples.reduce((a, s) => (s.slowestMedian.ms > a.ms ? s.slowestMedian : a), {ms: 0}),
			stress: {
				freeText20kBMs: worst((s) => s.stress.freeText20kB ?? 0),
				manifest300ContainersMs: worst((s) => s.stress.manifest300Containers ?? 0),
			},
			targets: {totalMs: TARGET_TOTAL_MS, singleMs: TARGET_SINGLE_MS},
		};
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}

function format(r) {
	const ms = (v) => `${v.toFixed(1)} ms`;
	const verdict = (value, target) => (value <= target ? 'ok' : 'OVER');
	return [
		`answer checking: ${r.checks} examples of ${r.exercises} exercises, ${r.runs} fresh processes (${r.disagreements} disagreements)`,
		`  whole course, cold (schema import included): median ${ms(r.coldTotalMs.median)}, max ${ms(r.coldTotalMs.max)}  [target < ${r.targets.totalMs} ms: ${verdict(r.coldTotalMs.max, r.targets.totalMs)}]`,
		`  whole course, warm:                          median ${ms(r.warmTotalMs.median)}, max ${ms(r.warmTotalMs.max)}`,
		`  API schema import (first manifest):          median ${ms(r.schemaImportMs.median)}, max ${ms(r.schemaImportMs.max)}`,
		`  slowest single check, median of 5 passes: ${ms(r.slowestMedianMs)} (${r.slowestMedian.id}: ${r.slowestMedian.example})` +
			`  [target < ${r.targets.singleMs} ms: ${verdict(r.slowestMedianMs, r.targets.singleMs)}]`,
		`  slowest single sample, cold: ${ms(r.slowestColdMs)} (${r.slowestCold.id}: ${r.slowestCold.example}); warm: ${ms(r.slowestWarmMs)}` +
			' (one sample: includes any preemption by other processes)',
		`  oversized answers: 20 kB of free text ${ms(r.stress.freeText20kBMs)}, a Pod of 300 containers ${ms(r.stress.manifest300ContainersMs)}`,
	].join('\n');
}

async function main(argv) {
	if (argv[0] === '--probe') {
		process.stdout.write(`${JSON.stringify(await probe(argv[1], join(projectRoot, 'lessons')))}\n`);
		return 0;
	}
	let values;
	try {
		({values} = parseArgs({
			args: argv,
			options: {runs: {type: 'string', default: '3'}, json: {type: 'boolean', default: false}},
		}));
	} catch (error) {
		process.stderr.write(
			`bench-checking: ${error.message}\nusage: node scripts/bench-checking.mjs [--runs N] [--json]\n`,
		);
		return 2;
	}
	const runs = Number(values.runs);
	if (!Number.isInteger(runs) || runs < 1) {
		process.stderr.write(`bench-checking: --runs wants a whole number of at least 1, not "${values.runs}"\n`);
		return 2;
	}
	const result = await measureChecking(runs, (line) => process.stderr.write(`${line}\n`));
	process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${format(result)}\n`);
	return result.disagreements === 0 ? 0 : 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
