import {EventEmitter} from 'node:events';
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {FrameWriter, loadTokenizer} from '../../src/ui/frame-writer.js';
import {emulate, type TerminalChunk} from '../e2e/pyte-screen.js';

class Terminal extends EventEmitter {
	written: TerminalChunk[] = [];
	constructor(
		public columns = 80,
		public rows = 24,
	) {
		super();
	}
	write(data: string) {
		this.written.push(data);
		return true;
	}
	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.written.push({resize: [columns, rows]});
		this.emit('resize');
	}
	text(): string {
		return this.written.filter((c) => typeof c === 'string').join('');
	}
}

const CLEAR = '\u001B[H\u001B[2J';
const bold = (t: string) => `\u001B[1m${t}\u001B[22m`;
const inverse = (t: string) => `\u001B[7m${t}\u001B[27m`;

/** A frame drawn on a blank screen the plain way: every line at its row, nothing diffed. */
function fresh(lines: readonly string[]): string {
	return CLEAR + lines.map((line, i) => `\u001B[${i + 1};1H${line}`).join('');
}

// The tutor loads the tokenizer after its first frame; frame-writer-early.test.ts covers before.
beforeAll(() => loadTokenizer());

describe('FrameWriter', () => {
	it('sends only the changed cells: a moved pointer is two positionings and two characters', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term);
		const list = (at: number) => [
			'Lessons',
			...[0, 1, 2].map((i) => `${i === at ? '>' : ' '} ${i + 1}. lesson ${i + 1}          not started`),
		];
		writer.draw(list(0));
		term.written = [];
		writer.draw(list(1));
		expect(term.text()).toBe('\u001B[2H \u001B[3H>');
	});

	it('sends nothing when a frame is drawn again unchanged', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term);
		writer.draw(['a', bold('b')]);
		term.written = [];
		writer.write(`a\n${bold('b')}`);
		expect(term.written).toEqual([]);
	});

	it("takes each of Ink's writes as a whole frame and calls back a write that asks for it", async () => {
		const term = new Terminal();
		const writer = new FrameWriter(term);
		let frames = 0;
		writer.on('frame', () => frames++);
		writer.write('one\ntwo\n');
		writer.write('one\nTWO');
		// Ink shows the cursor when it unmounts; the cursor is the terminal session's.
		writer.write('\u001B[?25h');
		expect(frames).toBe(2);
		await new Promise<void>((resolve) => writer.write('', resolve));
		expect(frames).toBe(2);
		expect(emulate(80, 24, [term.written])[0].lines.slice(0, 2)).toEqual(['one', 'TWO']);
	});

	it('takes a terminal that reports 0x0 or no size as 80x24', () => {
		const term = new Terminal(0, 0);
		const writer = new FrameWriter(term);
		expect([writer.columns, writer.rows]).toEqual([80, 24]);
		writer.draw(['x'.repeat(100)]);
		expect(term.text()).toBe(`\u001B[1H${'x'.repeat(80)}`);
	});

	it('redraws everything after the screen was lost, and after a resize tells the app once the size changed', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term);
		let heard = 0;
		writer.on('resize', () => heard++);
		writer.draw(['x', 'y']);
		term.written = [];
		writer.redraw();
		expect(term.text()).toBe(`${CLEAR}\u001B[1Hx\u001B[2Hy`);
		writer.resized();
		expect(heard).toBe(0);
		term.resize(60, 20);
		expect(heard).toBe(1);
		writer.dispose();
		term.resize(80, 24);
		expect(heard).toBe(1);
	});

	it('counts the bytes it sends', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term);
		writer.draw(['\u00E9']);
		expect(writer.bytesWritten).toBe(Buffer.byteLength('\u001B[1H\u00E9'));
	});

	// The property that matters: whatever frames and resizes come, the terminal ends up showing
	// exactly what drawing the last frame on a blank screen of that size shows. Checked with a
	// real terminal emulator.
	it('leaves the screen a fresh start would draw, over any sequence of frames and resizes (pyte)', () => {
		const word = fc.constantFrom(
			'pod',
			'container',
			'pause',
			'\u2500\u2500\u2500',
			'\u276F',
			'\u00B7',
			'x',
			'  ',
			'     ',
			'\u4E2D',
		);
		const piece = fc
			.tuple(word, fc.constantFrom('plain', 'bold', 'inverse'))
			.map(([w, s]) => (s === 'bold' ? bold(w) : s === 'inverse' ? inverse(w) : w));
		// At most 19 columns wide: every line fits the narrowest window, so both sides draw the same text.
		const line = fc.array(piece, {maxLength: 2}).map((parts) => parts.join(' '));
		const frame = fc.array(line, {maxLength: 26});
		const step = fc.oneof(
			{weight: 4, arbitrary: frame.map((lines) => ({kind: 'frame' as const, lines}))},
			{
				weight: 1,
				arbitrary: fc
					.tuple(fc.integer({min: 24, max: 120}), fc.integer({min: 5, max: 40}))
					.map(([c, r]) => ({kind: 'resize' as const, c, r})),
			},
		);
		const cases = fc.sample(fc.tuple(frame, fc.array(step, {minLength: 1, maxLength: 8})), {
			numRuns: 120,
			seed: 42,
		});
		const runs: TerminalChunk[][] = [];
		const expected: TerminalChunk[][] = [];
		for (const [first, steps] of cases) {
			const term = new Terminal();
			const writer = new FrameWriter(term);
			writer.draw(first);
			let last = first;
			for (const s of steps) {
				if (s.kind === 'frame') {
					writer.draw(s.lines);
					last = s.lines;
				} else {
					// The app answers a resize with a frame for the new size (here: the same lines).
					term.resize(s.c, s.r);
					writer.draw(last);
				}
			}
			runs.push(term.written);
			// The fresh start: the last frame's rows on a blank screen of the final size.
			expected.push([{resize: [term.columns, term.rows]}, fresh(last.slice(0, term.rows))]);
		}
		const got = emulate(80, 24, runs);
		const want = emulate(80, 24, expected);
		for (let i = 0; i < runs.length; i++) expect({case: i, ...got[i]}).toEqual({case: i, ...want[i]});
	});

	it('draws a frame as the plain way would (pyte)', () => {
		const lines = [bold('pod-tutor'), '', `${inverse(' selected ')} rest`, '\u4E2D\u6587 wide', 'x'.repeat(80)];
		const term = new Terminal();
		new FrameWriter(term).draw(lines);
		const [got, want] = emulate(80, 24, [term.written, [fresh(lines)]]);
		expect(got).toEqual(want);
	});
});
