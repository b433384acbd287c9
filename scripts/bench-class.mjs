// The class start: N students (default 20) open the built tutor within one second, each in its
// own pseudo-terminal (scripts/bench/pty-driver.py) and its own config folder, as a lab over SSH
// would. Per session: first frame, first key answered, peak RSS (VmHWM), peak PSS (sampled from
// /proc/PID/smaps_rollup), CPU used, CPU while idle; then every session quits and what is left
// running (a process carrying the run's marker, or a container tool's helper that was not there
// before) is listed. A benchmark on a quiet machine, not a test:
//   node scripts/bench-class.mjs [--sessions N] [--lab default|live-off] [--json FILE]
// --lab default: no lab config (what a student gets today); live-off: /etc-style config `live: off`.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {projectRoot} from './bench/bundle-like-cli.mjs';
import {KEYS, mark, runInPty, terminalEnv} from './bench/pty-run.mjs';

const USAGE = 'usage: node scripts/bench-class.mjs [--sessions N] [--lab default|live-off] [--json FILE]\n';
/** The idle window: long enough to see a polling timer, short enough for a class. */
const IDLE_MS = 5000;
/**
 * Before it, the sessions settle: right after the first key Ink is still loading (the key was
 * answered before it), and V8's memory reducer runs up to three collections 8 s apart
 * (scripts/bench/session.mjs measures one session the same way).
 */
const IDLE_SETTLE_MS = 30000;
/** Tools whose helpers outlive the tutor when it runs them (podman's rootless pause process). */
const TOOL_PROCESSES = /^(catatonit|podman|conmon|crictl|kubectl|slirp4netns|pasta)$/;

function options(argv) {
	try {
		const {values} = parseArgs({
			args: argv,
			options: {
				sessions: {type: 'string', default: '20'},
				lab: {type: 'string', default: 'default'},
				json: {type: 'string'},
			},
		});
		const sessions = Number(values.sessions);
		if (!Number.isInteger(sessions) || sessions < 1 || sessions > 100)
			return {error: `--sessions wants a whole number from 1 to 100, not "${values.sessions}"`};
		if (!['default', 'live-off'].includes(values.lab))
			return {error: `--lab is default or live-off, not "${values.lab}"`};
		return {sessions, lab: values.lab, json: values.json};
	} catch (error) {
		return {error: error.message};
	}
}

function pids() {
	return new Set(
		readdirSync('/proc')
			.filter((name) => /^\d+$/.test(name))
			.map(Number),
	);
}

function read(file) {
	try {
		return readFileSync(file, 'utf8');
	} catch {
		return undefined;
	}
}

function commandName(pid) {
	return read(`/proc/${pid}/comm`)?.trim();
}

function pssKb(pid) {
	const match = /^Pss:\s+(\d+) kB/m.exec(read(`/proc/${pid}/smaps_rollup`) ?? '');
	return match ? Number(match[1]) : undefined;
}

function carriesMarker(pid, marker) {
	return (read(`/proc/${pid}/environ`) ?? '').includes(marker);
}

/** Every process holding the marker in its environment: the tutors (and what they started). */
function markedProcesses(marker) {
	return [...pids()].filter((pid) => carriesMarker(pid, marker));
}

function parentOf(pid) {
	const stat = read(`/proc/${pid}/stat`) ?? '';
	return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** Its parent is init (or systemd as a user's subreaper): whoever started it is gone. */
function orphaned(pid) {
	const parent = parentOf(pid);
	return parent === 1 || commandName(parent) === 'systemd';
}

function cpuTicks() {
	const [, user, nice, system] = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).map(Number);
	return user + nice + system;
}

function quantile(values, q) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const sumOf = (values) => values.reduce((a, b) => a + b, 0);

function sessionPlan(env) {
	return {
		argv: [process.execPath, join(projectRoot, 'bin/pod-tutor.js')],
		env,
		cols: 80,
		rows: 24,
		timeout: 60,
		exit_timeout: 10,
		// Waits on the screen as a terminal draws it (pyte), not on the bytes: the frame writer sends
		// only the cells that changed, so a text on the screen need not arrive in one piece.
		steps: [
			{wait_screen: 'lessons done', label: 'first-frame'},
			{send: KEYS.enter, label: 'key-sent'},
			// On the lesson's screen only: the home screen shows no step counter.
			{wait_screen: 'step 1/', label: 'first-key'},
			{watch: IDLE_SETTLE_MS, label: 'settle'},
			{proc: true, label: 'after-key'},
			{watch: IDLE_MS, label: 'idle'},
			{proc: true, label: 'idle-end'},
			{send: 'q', label: 'back'},
			{wait_screen: 'lessons done', label: 'home'},
			{send: 'q', label: 'quit'},
		],
	};
}

async function main(argv) {
	const opts = options(argv);
	if ('error' in opts) {
		process.stderr.write(`bench-class: ${opts.error}\n${USAGE}`);
		return 2;
	}
	if (!existsSync(join(projectRoot, 'dist/cli.js'))) {
		process.stderr.write('bench-class: dist/cli.js is missing: run npm run build first.\n');
		return 1;
	}
	const dir = mkdtempSync(join(os.tmpdir(), 'pod-tutor-class-'));
	const marker = `POD_TUTOR_BENCH_CLASS=${process.pid}-${Date.now()}`;
	const labFile = join(dir, 'lab.yaml');
	writeFileSync(labFile, opts.lab === 'live-off' ? 'live: off\n' : '');
	const before = pids();
	const peakPss = new Map();
	const sampler = setInterval(() => {
		for (const pid of markedProcesses(marker)) {
			const pss = pssKb(pid);
			if (pss !== undefined && commandName(pid) === 'node')
				peakPss.set(pid, Math.max(peakPss.get(pid) ?? 0, pss));
		}
	}, 250);
	const cpuBefore = cpuTicks();
	const started = Date.now();
	let results;
	try {
		results = await Promise.all(
			Array.from({length: opts.sessions}, async (_, i) => {
				// Spread over one second, as students pressing Enter at the same moment would be.
				await new Promise((resolve) => setTimeout(resolve, Math.round((i * 1000) / opts.sessions)));
				const configDir = join(dir, `student-${i + 1}`);
				mkdirSync(configDir);
				const env = {
					...terminalEnv(configDir),
					POD_TUTOR_LAB_CONFIG: labFile,
					[marker.split('=')[0]]: marker.split('=')[1],
				};
				const report = await runInPty(sessionPlan(env));
				const after = mark(report, 'after-key').proc;
				const idleEnd = mark(report, 'idle-end').proc;
				return {
					session: i + 1,
					firstFrameS: mark(report, 'first-frame').t,
					firstKeyS: mark(report, 'first-key').t - mark(report, 'key-sent').t,
					peakRssKb: idleEnd.VmHWM_kB,
					cpuS: (idleEnd.utime_ticks + idleEnd.stime_ticks) / idleEnd.clock_ticks_per_s,
					idleCpuTicks: idleEnd.utime_ticks + idleEnd.stime_ticks - (after.utime_ticks + after.stime_ticks),
					exit: report.exit,
				};
			}),
		);
	} finally {
		clearInterval(sampler);
	}
	const wall = (Date.now() - started) / 1000;
	const machineCpuS =
		(cpuTicks() - cpuBefore) / Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim());
	// Quit is done; give a pause process a moment to show itself, then list what is left.
	await new Promise((resolve) => setTimeout(resolve, 1000));
	const leftMarked = markedProcesses(marker).map((pid) => `${pid} ${commandName(pid)}`);
	// A tool's helper that outlived the tutor has lost it as a parent (init or a subreaper took it);
	// one whose parent is alive and not ours is someone else's on this machine (another user's kubectl).
	const leftTools = [...pids()]
		.filter(
			(pid) =>
				!before.has(pid) &&
				TOOL_PROCESSES.test(commandName(pid) ?? '') &&
				(carriesMarker(pid, marker) || orphaned(pid)),
		)
		.map((pid) => `${pid} ${commandName(pid)}`);
	const pss = [...peakPss.values()];
	const summary = {
		date: new Date().toISOString(),
		lab: opts.lab,
		sessions: opts.sessions,
		machine: {
			nproc: execFileSync('nproc', {encoding: 'utf8'}).trim(),
			cpuModel: os.cpus()[0]?.model,
			node: process.version,
			load: read('/proc/loadavg')?.split(' ').slice(0, 3).join(' '),
		},
		firstFrameS: {
			median: quantile(
				results.map((r) => r.firstFrameS),
				0.5,
			),
			max: Math.max(...results.map((r) => r.firstFrameS)),
		},
		firstKeyS: {
			median: quantile(
				results.map((r) => r.firstKeyS),
				0.5,
			),
			max: Math.max(...results.map((r) => r.firstKeyS)),
		},
		peakRssMb: {
			median:
				quantile(
					results.map((r) => r.peakRssKb),
					0.5,
				) / 1024,
			max: Math.max(...results.map((r) => r.peakRssKb)) / 1024,
			total: sumOf(results.map((r) => r.peakRssKb)) / 1024,
		},
		peakPssMb: {
			median: quantile(pss, 0.5) / 1024,
			max: Math.max(...pss) / 1024,
			total: sumOf(pss) / 1024,
			sampled: pss.length,
		},
		cpuS: {
			perSession: quantile(
				results.map((r) => r.cpuS),
				0.5,
			),
			total: sumOf(results.map((r) => r.cpuS)),
			machineAllCores: machineCpuS,
		},
		idleCpuTicks: {total: sumOf(results.map((r) => r.idleCpuTicks)), windowMs: IDLE_MS},
		wallS: wall,
		exits: results.map((r) => r.exit),
		leftRunning: [...new Set([...leftMarked, ...leftTools])],
		sessionsDetail: results,
	};
	rmSync(dir, {recursive: true, force: true});
	const f = (n, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
	const {peakPssMb: pssMb, cpuS: cpu} = summary;
	const left = summary.leftRunning.length === 0 ? 'nothing' : summary.leftRunning.join(', ');
	const lines = [
		`Class start: ${summary.sessions} sessions within 1 s, lab config: ${summary.lab} ` +
			`(${summary.machine.nproc} cores, load before ${summary.machine.load})`,
		'',
		'| measure | median | worst | total |',
		'|---|---|---|---|',
		`| first frame (s) | ${f(summary.firstFrameS.median)} | ${f(summary.firstFrameS.max)} | |`,
		`| first key answered (s) | ${f(summary.firstKeyS.median)} | ${f(summary.firstKeyS.max)} | |`,
		`| peak RSS (MB) | ${f(summary.peakRssMb.median, 1)} | ${f(summary.peakRssMb.max, 1)} | ${f(summary.peakRssMb.total, 1)} |`,
		`| peak PSS (MB) | ${f(pssMb.median, 1)} | ${f(pssMb.max, 1)} | ${f(pssMb.total, 1)} |`,
		`| CPU per session (s) | ${f(cpu.perSession)} | | ${f(cpu.total)} (machine: ${f(cpu.machineAllCores)}) |`,
		`| CPU ticks while idle, ${IDLE_MS / 1000} s after ${IDLE_SETTLE_MS / 1000} s settling | | | ${summary.idleCpuTicks.total} |`,
		'',
		`Exit codes: ${[...new Set(summary.exits)].join(', ')}. Left running after quitting: ${left}.`,
		`Command: node scripts/bench-class.mjs ${argv.join(' ')}`.trim(),
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	if (opts.json) writeFileSync(opts.json, JSON.stringify(summary, null, '\t'));
	return summary.leftRunning.length === 0 && summary.exits.every((e) => e === 0) ? 0 : 1;
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		process.stderr.write(`bench-class: ${error.message}\n`);
		process.exitCode = 1;
	},
);
