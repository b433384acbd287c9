// One tutor session at 80x24, driven like a learner: bytes written per key, resident memory,
// and whether the idle app wakes up (polling timers show as CPU ticks and context switches).
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {projectRoot} from './bundle-like-cli.mjs';
import {TUTOR_MARKER} from './first-frame.mjs';
import {KEYS, mark, runInPty, terminalEnv} from './pty-run.mjs';
import {freshCost, screensAt} from './screen-cost.mjs';
import {mean} from './stats.mjs';

// Ink renders at most about 30 frames a second; 250 ms without output means the key is answered.
const QUIET_MS = 250;
// Ink takes about 150 ms to load after the first frame on a quiet machine.
const INK_LOAD_WINDOW_MS = 1500;
// V8's memory reducer runs up to three garbage collections on its own, at least 8 s apart, after
// start-up work and after keys (seen here as bursts of 2-4 CPU ticks, then nothing; NODE_DEBUG=timer
// shows no Node timer firing). The idle window starts after them, so it measures the steady
// state: what a polling timer would show.
const IDLE_SETTLE_MS = 30000;
const IDLE_WINDOW_MS = 5000;
const FIELD_KINDS = new Set(['free-text', 'quantity']);

/**
 * The plan: settle on the home screen, 10 x Down, 10 x Up, idle window, open the first lesson,
 * page through every step (leaving answer fields with Esc first, as a learner must), then help on
 * and off, and quit. `stepKinds` holds, for each step of the first lesson, its kind or its exercise kind,
 * so the plan knows where a text field will take the keys.
 */
export function sessionPlan(
	configDir,
	stepKinds,
	moves = 10,
	{idle = true, preload = [], env = terminalEnv(configDir)} = {},
) {
	const steps = [
		{wait_text: TUTOR_MARKER},
		// Ink loads meanwhile (it draws nothing new: the first frame is already what it would draw).
		{watch: INK_LOAD_WINDOW_MS},
		{wait_quiet: QUIET_MS, label: 'home-settled'},
		{proc: true, label: 'home-memory'},
	];
	const key = (name, send) =>
		steps.push({send, label: `${name}:sent`}, {wait_quiet: QUIET_MS, label: `${name}:quiet`});
	for (let i = 0; i < moves; i++) key(`down-${i}`, KEYS.down);
	for (let i = 0; i < moves; i++) key(`up-${i}`, KEYS.up);
	if (idle)
		steps.push(
			{watch: IDLE_SETTLE_MS},
			{proc: true, label: 'idle-start'},
			{watch: IDLE_WINDOW_MS, label: 'idle-watch'},
			{proc: true, label: 'idle-end'},
		);
	key('open', KEYS.enter);
	// On the last step, "next" goes back to the list: every step of the lesson is drawn once.
	stepKinds.forEach((kind, i) => {
		if (i === 0) return;
		key(`next-${i}`, 'l');
		if (FIELD_KINDS.has(kind)) key(`leave-field-${i}`, '\u001B');
	});
	key('past-last', 'l');
	// Only changed cells are sent, so the home screen's title need not come again as one text:
	// the key above waited until its answer was out.
	steps.push({proc: true, label: 'after-lesson-memory'});
	key('help-on', '?');
	key('help-off', '?');
	steps.push({send: 'q'});
	return {
		argv: [process.execPath, ...preload, join(projectRoot, 'bin/pod-tutor.js')],
		env,
		timeout: 60,
		exit_timeout: 5,
		steps,
	};
}

function keyBytes(report, name) {
	return mark(report, `${name}:quiet`).offset - mark(report, `${name}:sent`).offset;
}

export function readSession(report, stepKinds, moves = 10) {
	const range = (prefix) => Array.from({length: moves}, (_, i) => keyBytes(report, `${prefix}-${i}`));
	const downs = range('down');
	const ups = range('up');
	const pages = [];
	stepKinds.forEach((kind, i) => {
		if (i > 0) pages.push({step: i + 1, kind, bytes: keyBytes(report, `next-${i}`)});
	});
	// "The new page": what that screen costs drawn whole on a blank terminal.
	const screens = screensAt(
		report.output,
		pages.map((p) => mark(report, `next-${p.step - 1}:quiet`).offset),
	);
	pages.forEach((page, i) => {
		page.fresh = freshCost(screens[i]);
	});
	const idleStart = mark(report, 'idle-start').proc;
	const idleEnd = mark(report, 'idle-end').proc;
	const ticks = (p) => p.utime_ticks + p.stime_ticks;
	return {
		cursorMove: {down: downs, up: ups, mean: mean([...downs, ...ups]), max: Math.max(...downs, ...ups)},
		openLesson: keyBytes(report, 'open'),
		nextStep: {
			pages,
			mean: mean(pages.map((p) => p.bytes)),
			max: Math.max(...pages.map((p) => p.bytes)),
			worstOverFresh: Math.max(...pages.map((p) => p.bytes / p.fresh)),
		},
		backToHome: keyBytes(report, 'past-last'),
		helpOn: keyBytes(report, 'help-on'),
		helpOff: keyBytes(report, 'help-off'),
		memory: {home: mark(report, 'home-memory').proc, afterLesson: mark(report, 'after-lesson-memory').proc},
		idle: {
			windowMs: IDLE_WINDOW_MS,
			settleMs: IDLE_SETTLE_MS,
			cpuTicks: ticks(idleEnd) - ticks(idleStart),
			clockTicksPerSecond: idleEnd.clock_ticks_per_s,
			voluntarySwitches: idleEnd.voluntary_ctxt_switches - idleStart.voluntary_ctxt_switches,
			involuntarySwitches: idleEnd.nonvoluntary_ctxt_switches - idleStart.nonvoluntary_ctxt_switches,
			bytesWritten: mark(report, 'idle-end').offset - mark(report, 'idle-start').offset,
		},
		exit: report.exit,
	};
}

/** `stepKinds`: for each step of the first lesson, its kind or its exercise's kind. */
export async function measureSession(stepKinds) {
	const configDir = mkdtempSync(join(tmpdir(), 'pod-tutor-bench-config-'));
	try {
		const report = await runInPty(sessionPlan(configDir, stepKinds));
		return readSession(report, stepKinds);
	} finally {
		rmSync(configDir, {recursive: true, force: true});
	}
}
