import {EventEmitter} from 'node:events';
import type {AnsiCode} from '@alcalzone/ansi-tokenize';

type Tokenizer = typeof import('@alcalzone/ansi-tokenize');

/**
 * Splitting styled text into cells needs @alcalzone/ansi-tokenize, whose evaluation took ~28 ms
 * before the first frame. It is loaded after the first frame (loadTokenizer, called by
 * tutor-start.ts with Ink's parts; Ink imports it too, so it is in the chunk they share). Until it
 * is there, a changed row is sent whole instead of cell by cell: more bytes for a key typed in
 * the first few ms, never a wrong screen or a lost key (docs/DECISIONS.md, "Drawing").
 */
let tokenizer: Tokenizer | undefined;

export async function loadTokenizer(): Promise<void> {
	tokenizer ??= await import('@alcalzone/ansi-tokenize');
}

/**
 * Stands between the screens and the terminal, and keeps a model of what the terminal shows,
 * cell by cell: each frame is compared with it and only the cells that changed are sent (a
 * moved pointer costs two cursor positionings and two characters).
 *
 * Ink is run in its debug mode, where every write is the whole frame as text (no erase
 * sequences, no cursor moves, no throttling): that is the one contract this writer relies on,
 * and tests/ui/frame-writer-ink.test.ts checks it against the installed Ink, so an upgrade that
 * changes it fails there. The cursor, the alternate screen and raw mode belong to the terminal
 * session (terminal-session.ts), not to Ink.
 */
export interface FrameTarget {
	write(data: string): unknown;
	readonly columns?: number;
	readonly rows?: number;
	on(event: 'resize', listener: () => void): unknown;
	off(event: 'resize', listener: () => void): unknown;
}

interface Cell {
	readonly char: string;
	/** The SGR attributes in force, reduced; `key` compares them. */
	readonly codes: readonly AnsiCode[];
	readonly key: string;
	/** Columns the character takes: 2 for wide characters, 0 for the cell a wide one covers. */
	readonly width: number;
}

const ESC = '\u001B';
const BLANK: Cell = {char: ' ', codes: [], key: '', width: 1};
const RESET = `${ESC}[0m`;
/** A gap of unchanged plain cells up to this wide is cheaper to re-send than to jump over. */
const MAX_FILL = 3;
const PRIVATE_MODES_ONLY = /^(?:\u001B\[\?[0-9;]*[hl])+$/;

/** Plain printable ASCII: cells without the tokenizer. */
function isPlainAscii(line: string): boolean {
	return !line.includes(ESC) && /^[\x20-\x7e]*$/.test(line);
}

/** A line of text with SGR attributes as terminal cells, cut at `columns` (needs the tokenizer unless plain ASCII). */
export function cellsOf(line: string, columns: number): Cell[] {
	const cells: Cell[] = [];
	if (isPlainAscii(line)) {
		for (const char of line.slice(0, columns))
			cells.push(char === ' ' ? BLANK : {char, codes: [], key: '', width: 1});
		return cells;
	}
	if (tokenizer === undefined) throw new Error('frame-writer: cellsOf needs loadTokenizer() first');
	const {styledCharsFromTokens, tokenize, ansiCodesToString} = tokenizer;
	for (const styled of styledCharsFromTokens(tokenize(line))) {
		const width = styled.fullWidth ? 2 : 1;
		if (cells.length + width > columns) break;
		const key = ansiCodesToString(styled.styles);
		cells.push({char: styled.value, codes: styled.styles, key, width});
		if (width === 2) cells.push({char: '', codes: styled.styles, key, width: 0});
	}
	return cells;
}

// Characters one column wide each (a row of them is as wide as it is long), SGR attributes aside.
const SGR = /\u001B\[[0-9;]*m/g;
const ONE_COLUMN_TEXT = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u205f\u2190-\u25ff\u2700-\u27bf]*$/;

function fitsAsIs(line: string, columns: number): boolean {
	const text = line.includes(ESC) ? line.replace(SGR, '') : line;
	return text.length <= columns && ONE_COLUMN_TEXT.test(text);
}

function same(a: Cell | undefined, b: Cell | undefined): boolean {
	const x = a ?? BLANK;
	const y = b ?? BLANK;
	return x.char === y.char && x.key === y.key;
}

function isBlank(cell: Cell | undefined): boolean {
	return cell === undefined || (cell.char === ' ' && cell.key === '');
}

export class FrameWriter extends EventEmitter {
	/** What the terminal shows, as far as this writer knows: rows of cells. */
	private screen: Array<Cell[] | undefined> = [];
	/** The text each row of `screen` was drawn from, at `shownColumns` wide. */
	private shown: string[] = [];
	private shownColumns = 0;
	/** The last frame drawn, as lines (for redrawing). */
	private lines: readonly string[] = [];
	private disposed = false;
	private lastSize: string;
	private readonly onResize = () => this.resized();
	/** Bytes sent to the terminal, for the benchmark. */
	bytesWritten = 0;

	constructor(private readonly target: FrameTarget) {
		super();
		this.lastSize = this.sizeKey();
		target.on('resize', this.onResize);
	}

	/** A terminal that reports no size (0x0, or none at all) is taken as 80x24. */
	get columns(): number {
		return this.target.columns || 80;
	}

	get rows(): number {
		return this.target.rows || 24;
	}

	readonly isTTY = true;

	/**
	 * Ink's writes (debug mode): each one is a whole frame. Ink also shows the cursor when it
	 * unmounts (a private mode sequence alone); the cursor is the terminal session's, so that
	 * write is dropped.
	 */
	write(data: string | Uint8Array, encoding?: unknown, callback?: () => void): boolean {
		const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
		if (text !== '' && !PRIVATE_MODES_ONLY.test(text)) this.draw(text.replace(/\n$/, '').split('\n'));
		const done = typeof encoding === 'function' ? encoding : callback;
		if (typeof done === 'function') setImmediate(done as () => void);
		return true;
	}

	/** Draws `lines` as the whole screen, sending only the cells that differ from what it shows. */
	draw(lines: readonly string[]): void {
		if (this.disposed) return;
		const columns = this.columns;
		const rows = this.rows;
		this.lines = lines;
		let out = '';
		let pen: readonly AnsiCode[] = [];
		let at = {row: -1, column: -1};
		const next: Array<Cell[] | undefined> = [];
		const texts: string[] = [];
		const blank = this.shown.length === 0;
		for (let row = 0; row < rows; row++) {
			const text = lines[row] ?? '';
			texts.push(text);
			// Most rows of a frame are the rows already shown: nothing to parse, nothing to send.
			if (row < this.shown.length && this.shown[row] === text && this.shownColumns === columns) {
				next.push(this.screen[row]);
				continue;
			}
			// On a blank screen a row that fits is sent as it is, and parsed into cells only when a
			// later frame changes it: the first frame goes out without the cost of parsing it.
			if (blank && fitsAsIs(text, columns)) {
				next.push(undefined);
				if (text !== '') {
					out +=
						moveTo(at, row, 0, [], pen) +
						(pen.length > 0 ? RESET : '') +
						text +
						(text.includes(ESC) ? RESET : '');
					pen = [];
					at = {row: -1, column: -1};
				}
				continue;
			}
			// Before the tokenizer is loaded, a changed row that needs it is sent whole, over an erased
			// line; one that does not fit as it is is sent with auto-wrap off (it cannot spill onto
			// the next row) and is then taken as unknown, to be erased and drawn again by the next change.
			if (tokenizer === undefined && !(isPlainAscii(text) && this.rowKnownPlain(row))) {
				const fits = fitsAsIs(text, columns);
				next.push(undefined);
				if (!fits) this.unknownRows.add(row);
				else this.unknownRows.delete(row);
				out +=
					moveTo(at, row, 0, [], pen) +
					(pen.length > 0 ? RESET : '') +
					`${ESC}[2K` +
					(fits ? text : `${ESC}[?7l${text}${RESET}${ESC}[?7h`) +
					(fits && text.includes(ESC) ? RESET : '');
				pen = [];
				at = {row: -1, column: -1};
				continue;
			}
			if (this.unknownRows.delete(row)) {
				out += moveTo(at, row, 0, [], pen) + (pen.length > 0 ? RESET : '') + `${ESC}[2K`;
				pen = [];
				at = {row, column: 0};
				this.screen[row] = [];
			}
			const old = this.cellsAt(row);
			const cells = cellsOf(text, columns);
			next.push(cells);
			let lastUsed = cells.length - 1;
			while (lastUsed >= 0 && isBlank(cells[lastUsed])) lastUsed--;
			const width = Math.max(cells.length, old.length);
			for (let column = 0; column < width; column++) {
				if (same(cells[column], old[column]) || cells[column]?.width === 0) continue;
				// Everything from here on is blank in the new frame: erase the rest of the row.
				if (column > lastUsed) {
					out += moveTo(at, row, column, cells, pen);
					if (pen.length > 0) out += RESET;
					pen = [];
					out += `${ESC}[K`;
					at = {row, column};
					break;
				}
				const cell = cells[column];
				out += moveTo(at, row, column, cells, pen);
				if (cell.codes.length > 0 || pen.length > 0)
					out += tokenizer!.ansiCodesToString(
						tokenizer!.diffAnsiCodes(pen as AnsiCode[], cell.codes as AnsiCode[]),
					);
				pen = cell.codes;
				out += cell.char;
				column += cell.width - 1;
				at = {row, column: column + 1};
			}
		}
		if (pen.length > 0) out += RESET;
		this.screen = next;
		this.shown = texts;
		this.shownColumns = columns;
		if (out) this.send(out);
		this.emit('frame');
	}

	/** Rows sent whole before the tokenizer was loaded that may not show exactly their text. */
	private readonly unknownRows = new Set<number>();

	/** Whether a shown row is known to be plain ASCII (so a plain row can be diffed against it without the tokenizer). */
	private rowKnownPlain(row: number): boolean {
		return !this.unknownRows.has(row) && (row >= this.shown.length || isPlainAscii(this.shown[row]));
	}

	/** The cells of a shown row, parsed from its text the first time they are needed. */
	private cellsAt(row: number): Cell[] {
		if (row >= this.shown.length) return [];
		return (this.screen[row] ??= cellsOf(this.shown[row], this.shownColumns));
	}

	/** After the screen was lost (another program ran, the tutor was stopped): draw it all again. */
	redraw(): void {
		if (this.disposed) return;
		this.screen = [];
		this.shown = [];
		this.unknownRows.clear();
		this.send(`${ESC}[H${ESC}[2J`);
		this.draw(this.lines);
	}

	/**
	 * The terminal changed size (or may have, after a stop): what it shows is unknown, since it
	 * may have cut or reflowed the old frame. Clear it, draw the last frame cut to the new size, and
	 * tell the app, whose next frame at the new size then sends only what differs.
	 */
	resized(): void {
		if (this.disposed) return;
		const size = this.sizeKey();
		const changed = size !== this.lastSize;
		this.lastSize = size;
		this.redraw();
		if (changed) this.emit('resize');
	}

	dispose(): void {
		this.disposed = true;
		this.target.off('resize', this.onResize);
	}

	private sizeKey(): string {
		return `${this.columns}x${this.rows}`;
	}

	private send(text: string): void {
		this.bytesWritten += Buffer.byteLength(text);
		try {
			this.target.write(text);
		} catch {
			// The terminal is gone (a hang-up): the session is ending.
		}
	}
}

/**
 * The cheapest way from the cursor `at` to (row, column): nothing, a few plain cells written
 * again, a jump forward on the row, or an absolute position.
 */
function moveTo(
	at: {row: number; column: number},
	row: number,
	column: number,
	cells: readonly Cell[],
	pen: readonly AnsiCode[],
): string {
	if (at.row === row && at.column === column) return '';
	if (at.row === row && column > at.column) {
		const gap = cells.slice(at.column, column);
		if (gap.length <= MAX_FILL && gap.every((c) => c.key === '' && c.width === 1) && pen.length === 0)
			return gap.map((c) => c.char).join('');
		const distance = column - at.column;
		return distance === 1 ? `${ESC}[C` : `${ESC}[${distance}C`;
	}
	return column === 0 ? `${ESC}[${row + 1}H` : `${ESC}[${row + 1};${column + 1}H`;
}
