// First frame: the tutor against a hello-world Ink app bundled the same way, started alternately
// in the same 80x24 pseudo-terminal and environment, timed from spawn to the marker text.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bundleLikeCli, projectRoot} from './bundle-like-cli.mjs';
import {KEYS, mark, runInPty, terminalEnv} from './pty-run.mjs';
import {summary} from './stats.mjs';

export const TUTOR_MARKER = 'pod-tutor: Pods and containers';
export const HELLO_MARKER = 'Hello world';
// The home screen's second lesson row, drawn at an absolute position once Down is answered.
const SECOND_ROW = '\u001B[5H';
// Keys typed while Ink loads: five Downs at these milliseconds after the first frame; the
// pointer's row after all five (the list starts on row 4).
export const BURST_MS = [0, 10, 50, 100, 200];
const AFTER_BURST_ROW = `\u001B[${4 + BURST_MS.length}H`;

const ms = (seconds) => seconds * 1000;

// The first Down is sent the moment the first frame is on screen: "first key answered" is when
// its answer arrives, counted from spawn like a first paint.
function tutorPlan(env, preload = []) {
	return {
		argv: [process.execPath, ...preload, join(projectRoot, 'bin/pod-tutor.js')],
		env,
		timeout: 15,
		steps: [
			{wait_text: TUTOR_MARKER, label: 'first'},
			{send: KEYS.down, label: 'down'},
			{wait_text: SECOND_ROW, since: 'mark', label: 'moved'},
			{wait_quiet: 150},
			{send: 'q'},
		],
	};
}

/** Five Downs typed 0-200 ms after the first frame; fails (times out) unless all five are applied. */
function burstPlan(env) {
	const steps = [{wait_text: TUTOR_MARKER, label: 'first'}];
	let at = 0;
	BURST_MS.forEach((t, i) => {
		if (t > at) steps.push({watch: t - at});
		at = t;
		steps.push({send: KEYS.down, label: `key-${i}`});
	});
	steps.push({wait_text: AFTER_BURST_ROW, since: 'key-0', label: 'all-applied'}, {wait_quiet: 150}, {send: 'q'});
	// On quit the tutor stops the backend detection it started (up to its 2 s grace): wait for that.
	return {argv: [process.execPath, join(projectRoot, 'bin/pod-tutor.js')], env, timeout: 15, exit_timeout: 10, steps};
}

function helloPlan(bundle, env) {
	return {argv: [process.execPath, bundle], env, timeout: 15, steps: [{wait_text: HELLO_MARKER, label: 'first'}]};
}

function bareNodePlan(env) {
	return {
		argv: [process.execPath, '-e', "process.stdout.write('ready')"],
		env,
		timeout: 15,
		steps: [{wait_text: 'ready', label: 'first'}],
	};
}

function withoutExtraCaCerts(env) {
	const copy = {...env};
	delete copy.NODE_EXTRA_CA_CERTS;
	return copy;
}

/**
 * `runs` rounds; each round starts every program once, in an order that alternates between
 * rounds so neither side always runs on a warmer cache. Times in milliseconds.
 */
export async function measureFirstFrame(runs, log = () => {}) {
	const work = mkdtempSync(join(tmpdir(), 'pod-tutor-bench-'));
	try {
		const hello = await bundleLikeCli(
			join(projectRoot, 'scripts/bench/hello-ink.tsx'),
			join(work, 'hello'),
			'hello',
		);
		const tutor = async (strip) => {
			const configDir = mkdtempSync(join(work, 'config-'));
			const env = terminalEnv(configDir);
			const report = await runInPty(tutorPlan(strip ? withoutExtraCaCerts(env) : env));
			return {
				first: ms(mark(report, 'first').t),
				key: ms(mark(report, 'moved').t),
				keyAfterFrame: ms(mark(report, 'moved').t - mark(report, 'down').t),
			};
		};
		const programs = {
			tutor: () => tutor(false),
			hello: async () => ({first: ms(mark(await runInPty(helloPlan(hello, terminalEnv())), 'first').t)}),
			node: async () => ({first: ms(mark(await runInPty(bareNodePlan(terminalEnv())), 'first').t)}),
			tutorNoCa: () => tutor(true),
			helloNoCa: async () => ({
				first: ms(mark(await runInPty(helloPlan(hello, withoutExtraCaCerts(terminalEnv()))), 'first').t),
			}),
			nodeNoCa: async () => ({
				first: ms(mark(await runInPty(bareNodePlan(withoutExtraCaCerts(terminalEnv()))), 'first').t),
			}),
			// Inside the tutor's own process: when node could run code, when the first frame was
			// written, when Ink took over, and how many of the burst's keys were answered before it.
			stamped: async () => {
				const configDir = mkdtempSync(join(work, 'config-'));
				const stampFile = join(configDir, 'stamps.json');
				const env = {...withoutExtraCaCerts(terminalEnv(configDir)), POD_TUTOR_BENCH_STAMPS: stampFile};
				const plan = burstPlan(env);
				plan.argv.splice(1, 0, '--import', join(projectRoot, 'scripts/bench/start-stamps.mjs'));
				const report = await runInPty(plan);
				const stamps = JSON.parse(readFileSync(stampFile, 'utf8'));
				return {
					nodeReady: stamps.nodeReady,
					frameWrite: stamps.frameWrite,
					tutorWork: stamps.frameWrite - stamps.nodeReady,
					inkReady: stamps.inkReady,
					inkAfterFrame: stamps.inkReady - stamps.frameWrite,
					answeredEarly: stamps.answeredEarly,
					burstDone: ms(mark(report, 'all-applied').t - mark(report, 'key-0').t),
				};
			},
		};
		const names = Object.keys(programs);
		const samples = Object.fromEntries(names.map((n) => [n, []]));
		// One unmeasured round warms the disk cache for everyone.
		for (const name of names) await programs[name]();
		for (let round = 0; round < runs; round++) {
			const order = round % 2 === 0 ? names : [...names].reverse();
			for (const name of order) samples[name].push(await programs[name]());
			log(`first frame: round ${round + 1}/${runs}`);
		}
		const of = (name, field) => summary(samples[name].map((s) => s[field]));
		const ratio = (a, b) => of(a, 'first').median / of(b, 'first').median;
		return {
			runs,
			tutorFirstFrame: of('tutor', 'first'),
			helloFirstFrame: of('hello', 'first'),
			ratio: ratio('tutor', 'hello'),
			tutorFirstKey: of('tutor', 'key'),
			tutorFirstKeyAfterFrame: of('tutor', 'keyAfterFrame'),
			keyRatio: of('tutor', 'key').median / of('hello', 'first').median,
			bareNode: of('node', 'first'),
			withoutExtraCaCerts: {
				tutorFirstFrame: of('tutorNoCa', 'first'),
				helloFirstFrame: of('helloNoCa', 'first'),
				ratio: ratio('tutorNoCa', 'helloNoCa'),
				tutorFirstKey: of('tutorNoCa', 'key'),
				keyRatio: of('tutorNoCa', 'key').median / of('helloNoCa', 'first').median,
				bareNode: of('nodeNoCa', 'first'),
			},
			insideTutor: {
				nodeReady: of('stamped', 'nodeReady'),
				frameWritten: of('stamped', 'frameWrite'),
				tutorWork: of('stamped', 'tutorWork'),
				inkReady: of('stamped', 'inkReady'),
				inkAfterFrame: of('stamped', 'inkAfterFrame'),
			},
			burst: {
				keysMs: BURST_MS,
				// Each round fails unless all five keys were applied, so every counted round applied all.
				roundsAllApplied: samples.stamped.length,
				answeredEarly: summary(samples.stamped.map((s) => s.answeredEarly)),
				done: of('stamped', 'burstDone'),
			},
		};
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}
