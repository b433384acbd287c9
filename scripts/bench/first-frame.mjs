// First frame: the tutor against a hello-world Ink app bundled the same way, started alternately
// in the same 80x24 pseudo-terminal and environment, timed from spawn to the marker text.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bundleLikeCli, projectRoot} from './bundle-like-cli.mjs';
import {KEYS, mark, runInPty, terminalEnv} from './pty-run.mjs';
import {summary} from './stats.mjs';

export const TUTOR_MARKER = 'pod-tutor: Pods and containers';
export const HELLO_MARKER = 'Hello world';
// Ink brackets every frame in "synchronized output"; the first one marks Ink taking over.
const INK_FRAME = '\u001B[?2026h';
// The home screen's second lesson row, drawn at an absolute position only once Ink answers Down.
const SECOND_ROW = '\u001B[5;1H';

const ms = (seconds) => seconds * 1000;

function tutorPlan(configDir) {
	return {
		argv: [process.execPath, join(projectRoot, 'bin/pod-tutor.js')],
		env: terminalEnv(configDir),
		timeout: 15,
		steps: [
			{wait_text: TUTOR_MARKER, label: 'first'},
			{wait_text: INK_FRAME, label: 'ink'},
			{send: KEYS.down, label: 'down'},
			{wait_text: SECOND_ROW, since: 'mark', label: 'moved'},
			{wait_quiet: 150},
			{send: 'q'},
		],
	};
}

function helloPlan(bundle) {
	return {argv: [process.execPath, bundle], env: terminalEnv(), timeout: 15, steps: [{wait_text: HELLO_MARKER, label: 'first'}]};
}

function bareNodePlan(env) {
	return {argv: [process.execPath, '-e', "process.stdout.write('ready')"], env, timeout: 15, steps: [{wait_text: 'ready', label: 'first'}]};
}

/**
 * `runs` rounds; each round starts every program once, in an order that alternates between
 * rounds so neither side always runs on a warmer cache. Times in milliseconds.
 */
export async function measureFirstFrame(runs, log = () => {}) {
	const work = mkdtempSync(join(tmpdir(), 'pod-tutor-bench-'));
	try {
		const hello = await bundleLikeCli(join(projectRoot, 'scripts/bench/hello-ink.tsx'), join(work, 'hello'), 'hello');
		const withoutCaCerts = terminalEnv();
		delete withoutCaCerts.NODE_EXTRA_CA_CERTS;
		const programs = {
			tutor: async () => {
				const configDir = mkdtempSync(join(work, 'config-'));
				const report = await runInPty(tutorPlan(configDir));
				return {first: ms(mark(report, 'first').t), ink: ms(mark(report, 'ink').t), key: ms(mark(report, 'moved').t - mark(report, 'down').t)};
			},
			hello: async () => ({first: ms(mark(await runInPty(helloPlan(hello)), 'first').t)}),
			node: async () => ({first: ms(mark(await runInPty(bareNodePlan(terminalEnv())), 'first').t)}),
			nodeNoCa: async () => ({first: ms(mark(await runInPty(bareNodePlan(withoutCaCerts)), 'first').t)}),
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
		const tutor = of('tutor', 'first');
		const helloFirst = of('hello', 'first');
		return {
			runs,
			tutorFirstFrame: tutor,
			helloFirstFrame: helloFirst,
			ratio: tutor.median / helloFirst.median,
			tutorInkTakesOver: of('tutor', 'ink'),
			tutorFirstKeyAfterInk: of('tutor', 'key'),
			bareNode: of('node', 'first'),
			bareNodeWithoutExtraCaCerts: of('nodeNoCa', 'first'),
		};
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}
