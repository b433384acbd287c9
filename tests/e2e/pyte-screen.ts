import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/**
 * What a real terminal emulator (pyte, the VT100/xterm emulator of python3-pyte) shows after
 * the given output: one screen per run, each from a blank screen.
 */
export interface EmulatedScreen {
	readonly lines: string[];
	/** Per row, one letter per cell: b bold, r reverse, u underline, d default. */
	readonly attrs: string[];
}

export type TerminalChunk = string | {readonly resize: readonly [number, number]};

// One emulator script for the tests and the benchmark.
const SCRIPT = fileURLToPath(new URL('../../scripts/bench/pyte-screen.py', import.meta.url));
/** pyte comes with the system's python3 (apt package python3-pyte), not with a pyenv one. */
const PYTHON = '/usr/bin/python3';

export function emulate(
	columns: number,
	rows: number,
	runs: ReadonlyArray<readonly TerminalChunk[]>,
): EmulatedScreen[] {
	const output = execFileSync(PYTHON, [SCRIPT], {
		input: JSON.stringify({cols: columns, rows, runs}),
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return JSON.parse(output) as EmulatedScreen[];
}
