import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {changedLine, compactLine, FrameWriter} from '../../src/ui/frame-writer.js';

class Terminal extends EventEmitter {
	columns = 80;
	rows = 24;
	isTTY = true;
	written: string[] = [];
	write(data: string) {
		this.written.push(data);
		return true;
	}
}

// What Ink's log-update sends: erase the previous frame's lines, then the new frame.
const eraseLines = (n: number) => (n === 0 ? '' : `${'\u001B[2K\u001B[1A'.repeat(n - 1)}\u001B[2K\u001B[G`);

describe('FrameWriter', () => {
	it('sends only the changed lines, each at its absolute row', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term, ['one', 'two', 'three']);
		writer.write(`${eraseLines(4)}one\nTWO\nthree\n`);
		expect(term.written).toEqual(['\u001B[2;1HTWO']);
	});

	it('sends nothing when Ink redraws an identical frame', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term, ['a', 'b']);
		writer.write(`${eraseLines(3)}a\nb\n`);
		expect(term.written).toEqual([]);
	});

	it('tells listeners about every frame Ink draws, but not about cursor-only writes', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term, ['a']);
		let frames = 0;
		writer.on('frame', () => frames++);
		writer.write('\u001B[?25l');
		expect(frames).toBe(0);
		writer.write(`${eraseLines(2)}a\n`);
		writer.write(`${eraseLines(2)}b\n`);
		expect(frames).toBe(2);
	});

	it('clears rows left over from a taller frame', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term, ['a', 'b', 'c']);
		writer.write('a\n');
		expect(term.written.join('')).toBe('\u001B[2;1H\u001B[K\u001B[3;1H\u001B[K');
	});

	it('passes cursor show/hide and synchronised-output markers through untouched', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term, ['a']);
		writer.write('\u001B[?25l');
		writer.write('\u001B[?2026h');
		expect(term.written).toEqual(['\u001B[?25l', '\u001B[?2026h']);
	});

	it('redraws the whole frame after the screen was lost, and on resize before Ink re-lays it out', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term, ['x', 'y']);
		let heard = 0;
		writer.on('resize', () => heard++);
		term.emit('resize');
		expect(term.written.join('')).toBe('\u001B[H\u001B[2J\u001B[1;1H\u001B[2Kx\u001B[2;1H\u001B[2Ky');
		expect(heard).toBe(1);
		writer.dispose();
		term.emit('resize');
		expect(heard).toBe(1);
	});

	it('counts the bytes it sends', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term, ['a']);
		writer.write('\u00E9\n');
		expect(writer.bytesWritten).toBe(Buffer.byteLength('\u001B[1;1H\u00E9'));
	});
});

describe('compactLine', () => {
	it('jumps over long runs of blanks to the right column and drops trailing ones', () => {
		const line = `  1. What a container is${' '.repeat(30)}not started   `;
		const compact = compactLine(line);
		expect(compact).toBe(`  1. What a container is\u001B[${24 + 30 + 1}Gnot started`);
		expect(Buffer.byteLength(compact)).toBeLessThan(line.length);
	});

	it('keeps short runs of blanks as they are', () => {
		expect(compactLine('a    b')).toBe('a    b');
	});

	it('keeps blanks that an attribute makes visible (inverse)', () => {
		const line = `\u001B[7mtitle${' '.repeat(10)}\u001B[27m${' '.repeat(10)}x`;
		expect(compactLine(line)).toBe(`\u001B[7mtitle${' '.repeat(10)}\u001B[27m\u001B[26Gx`);
	});

	it('leaves a line with wide characters alone but for trailing blanks, since columns cannot be counted', () => {
		expect(compactLine(`\u4E2D\u6587${' '.repeat(10)}x  `)).toBe(`\u4E2D\u6587${' '.repeat(10)}x`);
	});
});

describe('changedLine', () => {
	it('sends only the characters that differ when the line keeps its length (a moved pointer)', () => {
		expect(changedLine(5, '  \u00B7  2. Linux namespaces', '\u276F \u00B7  2. Linux namespaces')).toBe('\u001B[5;1H\u276F');
	});

	it('erases from the first difference when the length changes, jumping over blank runs', () => {
		expect(changedLine(3, 'step 1 of 9 here', `step 2${' '.repeat(8)}x`)).toBe('\u001B[3;6H\u001B[K2\u001B[15Gx');
	});

	it('draws a line with attributes whole, on an erased row', () => {
		expect(changedLine(2, 'plain', '\u001B[1mbold\u001B[22m')).toBe('\u001B[2;1H\u001B[2K\u001B[1mbold\u001B[22m');
	});
});
