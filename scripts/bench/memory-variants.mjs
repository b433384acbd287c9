// What each run-time V8 setting of the tutor is worth: the same scripted walk (home, every step of
// the first lesson, back home) with only some of the settings let through (scripts/bench/v8-flags.mjs),
// peak (VmHWM) and idle-on-home (VmRSS) memory for each. --expose-gc is the quiet collector.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {projectRoot} from './bundle-like-cli.mjs';
import {mark, runInPty, terminalEnv} from './pty-run.mjs';
import {sessionPlan} from './session.mjs';
import {summary} from './stats.mjs';

// Kept in step with TUTOR_V8_FLAGS in src/tutor-start.ts (report.test.mjs checks it).
export const TUTOR_FLAGS = [
	'--semi-space-growth-factor=1',
	'--no-turbofan',
	'--no-maglev',
	'--no-wasm-dynamic-tiering',
	'--no-wasm-tier-up',
	'--no-sparkplug',
];
const GC = '--expose-gc';

export const VARIANTS = [
	{name: 'as shipped (all settings, collector on)', keep: [...TUTOR_FLAGS, GC]},
	{name: 'none (V8 defaults, no collector)', keep: []},
	...TUTOR_FLAGS.map((flag) => ({name: `${flag} alone`, keep: [flag]})),
	{
		name: 'JavaScript compilers off (--no-turbofan --no-maglev --no-sparkplug)',
		keep: ['--no-turbofan', '--no-maglev', '--no-sparkplug'],
	},
	{
		name: 'Wasm tier-up off (--no-wasm-dynamic-tiering --no-wasm-tier-up)',
		keep: ['--no-wasm-dynamic-tiering', '--no-wasm-tier-up'],
	},
	{name: 'collector alone (--expose-gc)', keep: [GC]},
	{name: 'all settings, no collector', keep: [...TUTOR_FLAGS]},
];

/** `runs` walks per variant, interleaved; medians of MB. */
export async function measureMemoryVariants(stepKinds, runs = 3, log = () => {}) {
	const samples = VARIANTS.map(() => []);
	for (let round = 0; round < runs; round++) {
		for (const [i, variant] of VARIANTS.entries()) {
			const configDir = mkdtempSync(join(tmpdir(), 'pod-tutor-bench-v8-'));
			try {
				const env = {...terminalEnv(configDir), POD_TUTOR_BENCH_V8_KEEP: variant.keep.join(',') || 'none'};
				const preload = ['--import', join(projectRoot, 'scripts/bench/v8-flags.mjs')];
				const report = await runInPty(sessionPlan(configDir, stepKinds, 4, {idle: false, preload, env}));
				const home = mark(report, 'home-memory').proc;
				const after = mark(report, 'after-lesson-memory').proc;
				samples[i].push({
					idle: home.VmRSS_kB / 1024,
					peak: Math.max(home.VmHWM_kB, after.VmHWM_kB) / 1024,
					after: after.VmRSS_kB / 1024,
				});
			} finally {
				rmSync(configDir, {recursive: true, force: true});
			}
		}
		log(`memory variants: round ${round + 1}/${runs}`);
	}
	return VARIANTS.map((variant, i) => ({
		name: variant.name,
		keep: variant.keep,
		idle: summary(samples[i].map((s) => s.idle)),
		peak: summary(samples[i].map((s) => s.peak)),
		afterLesson: summary(samples[i].map((s) => s.after)),
	}));
}
