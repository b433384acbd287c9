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
// Ink brackets every frame in "synchronized output"; the first one marks Ink taking over.
const INK_FRAME = '\u001B[?2026h';
// The home screen's second lesson row, drawn at an absolute position only once Ink answers Down.
const SECOND_ROW = '\u001B[5;1H';

const ms = (seconds) => seconds * 1000;

function tutorPlan(env, preload = []) {
	return {
		argv: [process.execPath, ...preload, join(projectRoot, 'bin/pod-tutor.js')],
		env,
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

function helloPlan(bundle, env) {
	return {argv: [process.execPath, bundle], env, timeout: 15, steps: [{wait_text: HELLO_MARKER, label: 'first'}]};
}

function bareNodePlan(env) {
	return {argv: [process.execPath, '-e', "process.stdout.write('ready')"], env, timeout: 15, steps: [{wait_text: 'ready', label: 'first'}]};
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
		const hello = await bundleLikeCli(join(projectRoot, 'scripts/bench/hello-ink.tsx'), join(work, 'hello'), 'hello');
		const tutor = async (strip) => {
			const configDir = mkdtempSync(join(work, 'config-'));
			const env = terminalEnv(configDir);
			const report = await runInPty(tutorPlan(strip ? withoutExtraCaCerts(env) : env));
			return {first: ms(mark(report, 'first').t), ink: ms(mark(report, 'ink').t), key: ms(mark(report, 'moved').t - mark(report, 'down').t)};
		};
		const programs = {
			tutor: () => tutor(false),
			hello: async () => ({first: ms(mark(await runInPty(helloPlan(hello, terminalEnv())), 'first').t)}),
			node: async () => ({first: ms(mark(await runInPty(bareNodePlan(terminalEnv())), 'first').t)}),
			tutorNoCa: () => tutor(true),
			helloNoCa: async () => ({first: ms(mark(await runInPty(helloPlan(hello, withoutExtraCaCerts(terminalEnv()))), 'first').t)}),
			nodeNoCa: async () => ({first: ms(mark(await runInPty(bareNodePlan(withoutExtraCaCerts(terminalEnv()))), 'first').t)}),
			// Inside the tutor's own process: when node could run code, when the first frame was written.
			stamped: async () => {
				const configDir = mkdtempSync(join(work, 'config-'));
				const stampFile = join(configDir, 'stamps.json');
				const env = {...terminalEnv(configDir), POD_TUTOR_BENCH_STAMPS: stampFile};
				await runInPty(tutorPlan(env, ['--import', join(projectRoot, 'scripts/bench/start-stamps.mjs')]));
				const stamps = JSON.parse(readFileSync(stampFile, 'utf8'));
				return {nodeReady: stamps.nodeReady, frameWrite: stamps.frameWrite, tutorWork: stamps.frameWrite - stamps.nodeReady};
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
			tutorInkTakesOver: of('tutor', 'ink'),
			tutorFirstKeyAfterInk: of('tutor', 'key'),
			bareNode: of('node', 'first'),
			withoutExtraCaCerts: {
				tutorFirstFrame: of('tutorNoCa', 'first'),
				helloFirstFrame: of('helloNoCa', 'first'),
				ratio: ratio('tutorNoCa', 'helloNoCa'),
				bareNode: of('nodeNoCa', 'first'),
			},
			insideTutor: {nodeReady: of('stamped', 'nodeReady'), frameWritten: of('stamped', 'frameWrite'), tutorWork: of('stamped', 'tutorWork')},
		};
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}
