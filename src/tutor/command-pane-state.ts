/**
 * The state of one command step: idle until the learner presses Enter, running with streamed
 * output, then done (or refused before it ran). Plain data and a reducer, no React.
 */
import type {RunOutcome} from '../live/command-runner.js';

export type PanePhase = 'idle' | 'running' | 'done' | 'refused';

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
}

export type PaneAction =
	| {readonly type: 'start'; readonly now: number}
	| {readonly type: 'tick'; readonly now: number; readonly output: string}
	| {readonly type: 'finish'; readonly now: number; readonly output: string; readonly outcome: RunOutcome; readonly exitCode: number | null; readonly message?: string}
	| {readonly type: 'refuse'; readonly message: string}
	| {readonly type: 'scroll'; readonly lines: number; readonly maxBack: number}
	| {readonly type: 'reset'};

export const initialPaneState: PaneState = {phase: 'idle', output: '', elapsedMs: 0, scrollBack: 0};

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
	switch (action.type) {
		case 'start':
			if (state.phase === 'running') return state;
			return {phase: 'running', output: '', startedAt: action.now, elapsedMs: 0, scrollBack: 0};
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
			};
		case 'refuse':
			return {...initialPaneState, phase: 'refused', message: action.message};
		case 'scroll':
			return {...state, scrollBack: Math.max(0, Math.min(action.maxBack, state.scrollBack + action.lines))};
		case 'reset':
			return initialPaneState;
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

/** The window of lines to show: the last `height`, moved up by scrollBack. */
export function visibleLines(lines: readonly string[], height: number, scrollBack: number): {lines: string[]; above: number; below: number} {
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
