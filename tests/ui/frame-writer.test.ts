import {EventEmitter} from 'node:events';
import {describe, expect, it} from 'vitest';
import {FrameWriter} from '../../src/ui/frame-writer.js';

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
		expect(term.written).toEqual(['\u001B[2;1HTWO\u001B[K']);
	});

	it('sends nothing when Ink redraws an identical frame', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term, ['a', 'b']);
		writer.write(`${eraseLines(3)}a\nb\n`);
		expect(term.written).toEqual([]);
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
		expect(term.written.join('')).toBe('\u001B[H\u001B[2J\u001B[1;1Hx\u001B[K\u001B[2;1Hy\u001B[K');
		expect(heard).toBe(1);
		writer.dispose();
		term.emit('resize');
		expect(heard).toBe(1);
	});

	it('counts the bytes it sends', () => {
		const term = new Terminal();
		const writer = new FrameWriter(term, ['a']);
		writer.write('\u00E9\n');
		expect(writer.bytesWritten).toBe(Buffer.byteLength('\u001B[1;1H\u00E9\u001B[K'));
	});
});
