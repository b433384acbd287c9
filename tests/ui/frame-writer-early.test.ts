/**
 * The frame writer before its tokenizer is loaded (the tutor loads it after the first frame, see
 * loadTokenizer in src/ui/frame-writer.ts): frames drawn meanwhile, then after it is loaded, show
 * on a real terminal emulator (pyte) exactly what drawing each frame on a blank screen shows.
 * This file must not load the tokenizer before its first test, so it is its own module graph.
 */
import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {FrameWriter, loadTokenizer} from '../../src/ui/frame-writer.js';
import {emulate, type TerminalChunk} from '../e2e/pyte-screen.js';

class Terminal extends EventEmitter {
	written: TerminalChunk[] = [];
	columns = 40;
	rows = 8;
	write(data: string) {
		this.written.push(data);
		return true;
	}
}

const bold = (t: string) => `\u001B[1m${t}\u001B[22m`;
const inverse = (t: string) => `\u001B[7m${t}\u001B[27m`;

/** The frame drawn on a blank screen by a writer with its tokenizer (checked against the plain way in frame-writer.test.ts). */
function fresh(lines: readonly string[]): TerminalChunk[] {
	const term = new Terminal();
	new FrameWriter(term).draw(lines);
	return term.written;
}

/** A home screen with the pointer on `at`; row 5 holds wide characters past the edge when `wide`. */
function home(at: number, wide = false): string[] {
	return [
		bold('pod-tutor'),
		...[0, 1, 2].map((i) => (i === at ? inverse(`> ${i + 1}. lesson ${i + 1}`) : `  ${i + 1}. lesson ${i + 1}`)),
		'plain row',
		wide ? '\u4E2D\u6587'.repeat(12) : 'narrow',
		`${at} of 3`,
	];
}

describe('FrameWriter before and after loadTokenizer', () => {
	it('keeps the screen exact through frames drawn before the tokenizer is there and after', async () => {
		const term = new Terminal();
		const writer = new FrameWriter(term);
		const before = [home(0), home(1, true), home(2), home(1)];
		const after = [home(2, true), home(0), home(0, true), home(1)];
		const got: TerminalChunk[][] = [];
		const draw = (frame: string[]) => {
			writer.draw(frame);
			got.push([...term.written]);
		};
		for (const frame of before) draw(frame);
		await loadTokenizer();
		for (const frame of after) draw(frame);
		const want = [...before, ...after].map(fresh);
		const screens = emulate(40, 8, [...got, ...want]);
		const n = got.length;
		for (let i = 0; i < n; i++) expect({frame: i, ...screens[i]}).toEqual({frame: i, ...screens[n + i]});
	});
});
