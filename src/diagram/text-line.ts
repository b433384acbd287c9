/**
 * Lines of text made of segments, each with an optional colour role, measured in terminal
 * columns. Colour is applied only when a line is rendered, so layout never counts escape codes.
 */

export type ColorRole =
	'pod' | 'pause' | 'app' | 'init' | 'sidecar' | 'ephemeral' | 'ns' | 'warn' | 'dim' | 'name' | 'node';

export interface Segment {
	readonly text: string;
	readonly role?: ColorRole;
}

export type Line = readonly Segment[];

export type Charset = 'unicode' | 'ascii';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
// Characters one column wide with no combining marks among them: ASCII, Latin-1 and Latin
// Extended letters, punctuation, arrows, box drawing. Measuring these needs no grapheme pass,
// which keeps a whole drawing well under a millisecond.
const SIMPLE_NARROW = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205f\u2190-\u21ff\u2500-\u25ff]*$/;
// Created on first use: building a Segmenter loads ICU data (~10 ms), which a screen without
// wide or combining characters never needs.
let segmenter: Intl.Segmenter | undefined;
function graphemesOf(text: string) {
	segmenter ??= new Intl.Segmenter('en', {granularity: 'grapheme'});
	return segmenter.segment(text);
}

// East Asian Wide and Fullwidth blocks and emoji: two columns in every common terminal.
function isWide(cp: number): boolean {
	return (
		(cp >= 0x1100 && cp <= 0x115f) ||
		(cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
		(cp >= 0xac00 && cp <= 0xd7a3) ||
		(cp >= 0xf900 && cp <= 0xfaff) ||
		(cp >= 0xfe30 && cp <= 0xfe4f) ||
		(cp >= 0xff00 && cp <= 0xff60) ||
		(cp >= 0xffe0 && cp <= 0xffe6) ||
		(cp >= 0x1f300 && cp <= 0x1f64f) ||
		(cp >= 0x1f680 && cp <= 0x1f6ff) ||
		(cp >= 0x1f900 && cp <= 0x1faff) ||
		(cp >= 0x20000 && cp <= 0x3fffd)
	);
}

function graphemeWidth(g: string): number {
	const cp = g.codePointAt(0) ?? 0;
	if (/^\p{M}/u.test(g)) return 0;
	if (isWide(cp) || /\uFE0F/.test(g)) return 2;
	return 1;
}

/** Columns the text takes in a terminal. */
export function textWidth(text: string): number {
	if (SIMPLE_NARROW.test(text)) return text.length;
	let width = 0;
	for (const {segment} of graphemesOf(text)) width += graphemeWidth(segment);
	return width;
}

/**
 * Makes text from a manifest safe to draw: control and invisible format characters become
 * spaces or vanish (they would move the cursor), and in the ASCII charset everything outside
 * printable ASCII becomes "?" so the output stays within bytes 0x20-0x7E.
 */
export function cleanText(text: string, charset: Charset): string {
	const flat = text.replace(/[\p{Cc}\u2028\u2029]/gu, ' ').replace(/\p{Cf}/gu, '');
	if (charset === 'unicode') return flat;
	let out = '';
	for (const {segment} of graphemesOf(flat)) out += PRINTABLE_ASCII.test(segment) ? segment : '?';
	return out;
}

export function ellipsisFor(charset: Charset): string {
	return charset === 'ascii' ? '...' : '…';
}

/** Cuts text to at most `width` columns, ending with an ellipsis when something was cut. */
export function truncate(text: string, width: number, charset: Charset): string {
	if (textWidth(text) <= width) return text;
	const mark = ellipsisFor(charset);
	const room = width - textWidth(mark);
	if (room <= 0) return mark.slice(0, Math.max(0, width));
	return takeColumns(text, room) + mark;
}

function takeColumns(text: string, width: number): string {
	if (SIMPLE_NARROW.test(text)) return text.slice(0, width);
	let out = '';
	let used = 0;
	for (const {segment} of graphemesOf(text)) {
		const w = graphemeWidth(segment);
		if (used + w > width) break;
		out += segment;
		used += w;
	}
	return out;
}

function splitGraphemes(text: string): string[] {
	if (SIMPLE_NARROW.test(text)) return [...text];
	return Array.from(graphemesOf(text), (s) => s.segment);
}

/**
 * Breaks one long word into pieces of at most `width` columns, preferring to break after
 * "/" or ":", then "-", "." or "_", so a name like log-shipper-sidecar splits where a reader expects.
 */
export function breakWord(word: string, width: number): string[] {
	const out: string[] = [];
	let rest = splitGraphemes(word);
	while (rest.length > 0) {
		let used = 0;
		let end = 0;
		let strong = -1;
		let weak = -1;
		while (end < rest.length && used + graphemeWidth(rest[end]) <= width) {
			used += graphemeWidth(rest[end]);
			if ('/:'.includes(rest[end])) strong = end + 1;
			else if ('-._'.includes(rest[end])) weak = end + 1;
			end++;
		}
		if (end === 0) end = 1;
		// Image references read best split after "/" or ":" (registry/repo:tag), then "-" "." "_".
		const soft = strong > Math.floor(end / 2) ? strong : weak;
		if (end < rest.length && soft > Math.floor(end / 2)) end = soft;
		out.push(rest.slice(0, end).join(''));
		rest = rest.slice(end);
	}
	return out;
}

/** Word-wraps text to `width` columns; words longer than a line are broken, never dropped. */
export function wrapText(text: string, width: number): string[] {
	const lines: string[] = [];
	let current = '';
	for (const word of text.split(' ').filter((w) => w !== '')) {
		const candidate = current === '' ? word : `${current} ${word}`;
		if (textWidth(candidate) <= width) {
			current = candidate;
			continue;
		}
		if (current !== '') lines.push(current);
		if (textWidth(word) <= width) {
			current = word;
		} else {
			const pieces = breakWord(word, width);
			lines.push(...pieces.slice(0, -1));
			current = pieces[pieces.length - 1];
		}
	}
	if (current !== '' || lines.length === 0) lines.push(current);
	return lines;
}

/** Wraps to at most `maxLines` lines; the last one ends in an ellipsis when text was left out. */
export function wrapLimited(text: string, width: number, maxLines: number, charset: Charset): string[] {
	const lines = wrapText(text, width);
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	const rest = lines.slice(maxLines - 1).join(' ');
	kept[maxLines - 1] = truncate(rest, width, charset);
	return kept;
}

export function lineWidth(line: Line): number {
	let width = 0;
	for (const segment of line) width += textWidth(segment.text);
	return width;
}

export function padLine(line: Line, width: number): Line {
	const gap = width - lineWidth(line);
	return gap > 0 ? [...line, {text: ' '.repeat(gap)}] : line;
}

/** Cuts a line to `width` columns, keeping roles, with an ellipsis where text was cut. */
export function fitLine(line: Line, width: number, charset: Charset): Line {
	if (lineWidth(line) <= width) return line;
	const mark = ellipsisFor(charset);
	const room = width - textWidth(mark);
	const out: Segment[] = [];
	let used = 0;
	for (const segment of line) {
		const w = textWidth(segment.text);
		if (used + w <= room) {
			out.push(segment);
			used += w;
			continue;
		}
		const part = takeColumns(segment.text, Math.max(0, room - used));
		if (part !== '') out.push({...segment, text: part});
		break;
	}
	out.push({text: mark.slice(0, Math.max(0, width - lineWidth(out)))});
	return out;
}

export function plain(text: string, role?: ColorRole): Line {
	return [role ? {text, role} : {text}];
}

const ANSI: Record<ColorRole, [string, string]> = {
	pod: ['\u001B[33m', '\u001B[39m'],
	pause: ['\u001B[35m', '\u001B[39m'],
	app: ['\u001B[36m', '\u001B[39m'],
	init: ['\u001B[34m', '\u001B[39m'],
	sidecar: ['\u001B[32m', '\u001B[39m'],
	ephemeral: ['\u001B[90m', '\u001B[39m'],
	ns: ['\u001B[35m', '\u001B[39m'],
	warn: ['\u001B[1;31m', '\u001B[22;39m'],
	dim: ['\u001B[2m', '\u001B[22m'],
	name: ['\u001B[1m', '\u001B[22m'],
	node: ['\u001B[33;1m', '\u001B[22;39m'],
};

/** The line as terminal text; escape codes only when colour is on. Trailing spaces are kept. */
export function renderLine(line: Line, color: boolean): string {
	let out = '';
	for (const segment of line) {
		if (color && segment.role && segment.text.trim() !== '') {
			const [open, close] = ANSI[segment.role];
			out += open + segment.text + close;
		} else {
			out += segment.text;
		}
	}
	return out;
}
