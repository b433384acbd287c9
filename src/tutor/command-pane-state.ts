/**
 * The state of one command step: idle until the learner presses Enter, running with streamed
 * output, then done (or refused before it ran). Plain data and a reducer, no React.
 */
import type {RunOutcome} from '../live/command-runner.js';

/**
 * idle: nothing run yet; preparing: finding the backends, creating the scenario, waiting for its
 * state; running; done; refused: could not run (the message says why); recorded: this backend
 * cannot show the step, so the recorded output is shown with the one-line reason.
 */
export type PanePhase = 'idle' | 'preparing' | 'running' | 'done' | 'refused' | 'recorded';

export interface PaneState {
	readonly phase: PanePhase;
	readonly output: string;
	readonly startedAt?: number;
	readonly elapsedMs: number;
	readonly outcome?: RunOutcome;
	readonly exitCode?: number | null;
	/** Why the command was refused or could not run. */
	readonly message?: string;
	/** Lines scrolled up from the end of the output; 0 follows the tail. */
	readonly scrollBack: number;
	/** Wide lines: wrapped (the default), or shown whole and scrolled sideways by `scrollX` columns. */
	readonly wrap: boolean;
	readonly scrollX: number;
	/** After a real run: whether it agrees with the prediction / the lesson, and the deciding line. */
	readonly verdict?: readonly string[];
}

export type PaneAction =
	| {readonly type: 'prepare'; readonly message: string}
	| {readonly type: 'recorded'; readonly message: string}
	| {readonly type: 'start'; readonly now: number}
	| {readonly type: 'tick'; readonly now: number; readonly output: string}
	| {
			readonly type: 'finish';
			readonly now: number;
			readonly output: string;
			readonly outcome: RunOutcome;
			readonly exitCode: number | null;
			readonly message?: string;
			readonly verdict?: readonly string[];
	  }
	| {readonly type: 'wrap'}
	| {readonly type: 'scrollX'; readonly columns: number; readonly max: number}
	| {readonly type: 'refuse'; readonly message: string}
	| {readonly type: 'scroll'; readonly lines: number; readonly maxBack: number}
	| {readonly type: 'reset'};

export const initialPaneState: PaneState = {
	phase: 'idle',
	output: '',
	elapsedMs: 0,
	scrollBack: 0,
	wrap: true,
	scrollX: 0,
};

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
	switch (action.type) {
		case 'prepare':
			if (state.phase !== 'idle' && state.phase !== 'preparing') return state;
			return {...state, phase: 'preparing', message: action.message};
		case 'recorded':
			return {...state, phase: 'recorded', message: action.message, scrollBack: 0};
		case 'start':
			if (state.phase === 'running') return state;
			return {
				...state,
				phase: 'running',
				output: '',
				message: undefined,
				startedAt: action.now,
				elapsedMs: 0,
				scrollBack: 0,
			};
		case 'tick':
			if (state.phase !== 'running') return state;
			return {...state, output: action.output, elapsedMs: action.now - (state.startedAt ?? action.now)};
		case 'finish':
			if (state.phase !== 'running') return state;
			return {
				...state,
				phase: 'done',
				output: action.output,
				elapsedMs: action.now - (state.startedAt ?? action.now),
				outcome: action.outcome,
				exitCode: action.exitCode,
				message: action.message,
				verdict: action.verdict,
			};
		case 'refuse':
			return {...initialPaneState, wrap: state.wrap, phase: 'refused', message: action.message};
		case 'wrap':
			return {...state, wrap: !state.wrap, scrollX: 0};
		case 'scrollX':
			if (state.wrap) return state;
			return {...state, scrollX: Math.max(0, Math.min(action.max, state.scrollX + action.columns))};
		case 'scroll':
			return {...state, scrollBack: Math.max(0, Math.min(action.maxBack, state.scrollBack + action.lines))};
		case 'reset':
			return {...initialPaneState, wrap: state.wrap};
	}
}

/** The output as lines no wider than `width`, long lines wrapped. */
export function wrapOutput(text: string, width: number): string[] {
	const room = Math.max(1, width);
	const lines: string[] = [];
	const body = text.endsWith('\n') ? text.slice(0, -1) : text;
	if (body === '') return [];
	for (const line of body.split('\n')) {
		const chars = [...line];
		if (chars.length === 0) lines.push('');
		for (let i = 0; i < chars.length; i += room) lines.push(chars.slice(i, i + room).join(''));
	}
	return lines;
}

/** The output as whole lines, each cut to the window [scrollX, scrollX + width): nothing is lost, it is scrolled to. */
export function sidewaysOutput(text: string, width: number, scrollX: number): {lines: string[]; widest: number} {
	const body = text.endsWith('\n') ? text.slice(0, -1) : text;
	if (body === '') return {lines: [], widest: 0};
	const all = body.split('\n').map((line) => [...line]);
	const widest = Math.max(...all.map((chars) => chars.length));
	return {lines: all.map((chars) => chars.slice(scrollX, scrollX + Math.max(1, width)).join('')), widest};
}

/** The window of lines to show: the last `height`, moved up by scrollBack. */
export function visibleLines(
	lines: readonly string[],
	height: number,
	scrollBack: number,
): {lines: string[]; above: number; below: number} {
	const end = Math.max(0, lines.length - scrollBack);
	const start = Math.max(0, end - height);
	return {lines: lines.slice(start, end), above: start, below: lines.length - end};
}

/** An argv as one line a learner could paste into a shell (arguments quoted where needed). */
export function commandLine(file: string, args: readonly string[]): string {
	const quote = (arg: string) => (/^[\w@%+=:,./{}-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);
	return [file, ...args].map(quote).join(' ');
}

export function formatElapsed(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

/** One line cut to `width` columns with an ellipsis (three dots where the terminal has no Unicode). */
export function cutLine(text: string, width: number, ascii = false): string {
	const chars = [...text];
	if (chars.length <= width) return text;
	const mark = ascii ? '...' : '\u2026';
	return `${chars.slice(0, Math.max(0, width - mark.length)).join('')}${mark}`;
}

/**
 * A command step before anything ran: the recorded output is shown, labelled. `lazy`: live mode
 * has not been looked for yet, so Enter runs it for real; otherwise nothing can run it here.
 * The tutor's first frame (src/tutor/first-frame.ts) draws the same lines.
 */
export function recordedPaneText(
	tool: string,
	exitCode: number,
	lazy: boolean,
	wideHint = '',
	name = 'recorded output',
): {status: string; hint: string} {
	return lazy
		? {status: `${name}, exit code ${exitCode}`, hint: `Enter: run it for real, Up/Down: scroll${wideHint}`}
		: {
				status: `${name} (no ${tool} here), exit code ${exitCode}`,
				hint: `Enter: continue, Up/Down: scroll${wideHint}`,
			};
}

/** The hint for output wider than the pane: wrapped (w shows it whole), or whole (w wraps, < > move). */
export function wideOutputHint(text: string, room: number, wrap: boolean): string {
	if (!text.split('\n').some((line) => [...line].length > room)) return '';
	return wrap ? ', w: show wide lines whole' : ', w: wrap, < >: sideways';
}
