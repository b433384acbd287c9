// What a screen costs to draw whole on a blank terminal: for every row with text, one cursor
// positioning and the row's characters (attributes not counted, so the figure is a lower bound).
// The screens come from pyte (scripts/bench/pyte-screen.py), a real terminal emulator, fed the
// tutor's output up to the moment of interest.
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

const SCRIPT = fileURLToPath(new URL('./pyte-screen.py', import.meta.url));

/** The screens after each prefix of `output` (byte offsets), as lines. */
export function screensAt(output, offsets, cols = 80, rows = 24) {
	const bytes = Buffer.from(output);
	const runs = offsets.map((offset) => [bytes.subarray(0, offset).toString('utf8')]);
	const result = execFileSync('/usr/bin/python3', [SCRIPT], {
		input: JSON.stringify({cols, rows, runs}),
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return JSON.parse(result).map((screen) => screen.lines);
}

export function freshCost(lines) {
	return lines.reduce(
		(sum, line, i) =>
			line.trim() === '' ? sum : sum + `\u001B[${i + 1}H`.length + Buffer.byteLength(line.trimEnd()),
		0,
	);
}
