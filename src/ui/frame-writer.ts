import {EventEmitter} from 'node:events';

/**
 * Stands between Ink and the terminal. Ink's standard renderer writes "erase the previous frame,
 * then the whole new frame" on every change (about 2 KB at 80x24 for a one-line change), and its
 * incremental renderer (6.8) places the frame one row low when the frame ends with a newline.
 * The tutor owns the alternate screen and its frames always start at the top-left corner, so this
 * writer keeps the last frame and sends only the lines that changed, each at its absolute row.
 */
export interface FrameTarget {
	write(data: string): unknown;
	readonly columns?: number;
	readonly rows?: number;
	readonly isTTY?: boolean;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
}

const ESC = '\u001B';
// What Ink's log-update puts before a frame: eraseLines(n) (erase line, cursor up, ..., cursor
// to column 1) and, on a frame that fills the terminal, clearTerminal.
const ERASE_PREFIX = /^(?:\u001B\[2K|\u001B\[1A|\u001B\[G|\u001B\[2J|\u001B\[3J|\u001B\[H|\u001Bc)+/;
const CONTROL_ONLY = /^(?:\u001B\[\?[0-9;]*[hl]|\u001B\[[0-9;]*[A-HJKST]|\u001B\[\d*G)*$/;

export class FrameWriter extends EventEmitter {
	private previous: string[] = [];
	// The terminal may have reflowed or cut the old frame: draw it whole, then let Ink re-lay it out.
	private readonly onResize = () => {
		this.redraw();
		this.emit('resize');
	};
	/** Bytes sent to the terminal, for the benchmark. */
	bytesWritten = 0;

	constructor(
		private readonly target: FrameTarget,
		firstFrame: readonly string[] = [],
	) {
		super();
		this.previous = [...firstFrame];
		target.on('resize', this.onResize);
	}

	get columns(): number {
		return this.target.columns ?? 80;
	}

	get rows(): number {
		return this.target.rows ?? 24;
	}

	get isTTY(): boolean {
		return this.target.isTTY ?? true;
	}

	/** Ink's writes: frames are diffed; pure control writes (cursor show/hide) pass through. */
	write(data: string | Uint8Array): boolean {
		const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
		if (CONTROL_ONLY.test(text)) {
			this.send(text);
			return true;
		}
		const frame = text.replace(ERASE_PREFIX, '').replace(/\n$/, '');
		this.draw(frame === '' ? [] : frame.split('\n'));
		return true;
	}

	/** Draws `lines` as the whole screen, sending only what differs from the last frame. */
	draw(lines: readonly string[]): void {
		let out = '';
		const count = Math.max(lines.length, this.previous.length);
		for (let i = 0; i < count; i++) {
			const line = lines[i] ?? '';
			const before = this.previous[i];
			if (line === (before ?? '') && i < this.previous.length) continue;
			out += changedLine(i + 1, before, line);
		}
		this.previous = [...lines];
		if (out) this.send(out);
		this.emit('frame');
	}

	/** After the screen was lost (another program ran, the window was resized): draw it all again. */
	redraw(): void {
		const lines = this.previous;
		this.previous = [];
		this.send(`${ESC}[H${ESC}[2J`);
		this.draw(lines);
	}

	dispose(): void {
		this.target.off('resize', this.onResize);
	}

	private send(text: string): void {
		this.bytesWritten += Buffer.byteLength(text);
		this.target.write(text);
	}
}

// Characters that take exactly one column, so a column can be computed by counting them.
const ONE_COLUMN = /^(?:[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205f\u2190-\u21ff\u2500-\u25ff\u2600-\u26ff\u2700-\u27bf]|\u001B\[[0-9;?]*[A-Za-z])*$/;
const TOKENS = /\u001B\[([0-9;?]*)([A-Za-z])| {5,}|[^\u001B ]+| {1,4}/g;
const MIN_SKIP = 5;

/** A line of one-column characters and no escape sequences: its columns are its characters. */
function isSimple(line: string): boolean {
	return !line.includes(ESC) && ONE_COLUMN.test(line);
}

/**
 * The bytes that turn row `row` from `before` into `line`. For simple lines only the part that
 * differs is sent (a moved pointer costs a few bytes); other lines are erased and drawn whole.
 */
export function changedLine(row: number, before: string | undefined, line: string): string {
	if (before !== undefined && isSimple(before) && isSimple(line)) {
		let first = 0;
		while (first < before.length && first < line.length && before[first] === line[first]) first++;
		if (before.length === line.length) {
			let last = line.length - 1;
			while (last > first && before[last] === line[last]) last--;
			return `${ESC}[${row};${first + 1}H${line.slice(first, last + 1)}`;
		}
		return `${ESC}[${row};${first + 1}H${ESC}[K${compactLine(line.slice(first), first + 1)}`;
	}
	return `${ESC}[${row};1H${ESC}[2K${compactLine(line)}`;
}

/**
 * A line (starting at `startColumn`) as few bytes as it can be sent to an erased row: trailing blanks dropped and runs of
 * five or more blanks replaced by a jump to the column after them, except where an attribute
 * (inverse, bold) is on, since there the blanks are visible.
 */
export function compactLine(line: string, startColumn = 1): string {
	if (!ONE_COLUMN.test(line)) return line.replace(/ +$/, '');
	let out = '';
	let column = startColumn;
	let attributes = false;
	for (const match of line.matchAll(TOKENS)) {
		const token = match[0];
		if (match[2] !== undefined) {
			if (match[2] === 'm') attributes = !/^(0?|22|23|24|27|39|49)(;(0|22|23|24|27|39|49))*$/.test(match[1]);
			out += token;
			continue;
		}
		const width = [...token].length;
		if (token[0] === ' ' && token.length >= MIN_SKIP && !attributes) {
			if (match.index + token.length < line.length) out += `${ESC}[${column + width}G`;
		} else {
			out += token;
		}
		column += width;
	}
	return attributes ? out : out.replace(/ +$/, '');
}
