/**
 * How text is drawn on this terminal: the character set (UTF-8 or plain ASCII for lab machines
 * whose locale is not UTF-8, or TERM=dumb) and whether attributes such as bold may be sent.
 * Meaning is never carried by an attribute alone.
 */
import {chooseCharset, colorEnabled} from '../diagram/terminal-caps.js';
import type {Charset} from '../diagram/text-line.js';

export type {Charset};

export interface TextStyle {
	readonly charset: Charset;
	/** Bold and inverse attributes allowed (a terminal that is not dumb). */
	readonly attributes: boolean;
	/** Colour allowed (attributes allowed and NO_COLOR not set). */
	readonly color: boolean;
}

/** One reading of the terminal for the tutor and `pod-tutor diagram` alike (src/diagram/terminal-caps.ts). */
export function detectTextStyle(
	env: NodeJS.ProcessEnv,
	isTTY: boolean,
	forceAscii = false,
	forceNoColor = false,
): TextStyle {
	const charset: Charset = forceAscii ? 'ascii' : chooseCharset(env);
	const attributes = isTTY && env.TERM !== 'dumb';
	const color = attributes && !forceNoColor && colorEnabled(env, isTTY);
	return {charset, attributes, color};
}

const ASCII_REPLACEMENTS: Record<string, string> = {
	'\u2014': '--',
	'\u2013': '-',
	'\u2192': '->',
	'\u2190': '<-',
	'\u2194': '<->',
	'\u2026': '...',
	'\u2018': "'",
	'\u2019': "'",
	'\u201C': '"',
	'\u201D': '"',
	'\u00D7': 'x',
	'\u2264': '<=',
	'\u2265': '>=',
	'\u2022': '*',
	'\u00A0': ' ',
	'\u2713': 'v',
	'\u2717': 'x',
	'\u2260': '!=',
	'\u2248': '~',
};

/** Replaces what a non-UTF-8 terminal cannot show with ASCII look-alikes; the rest becomes '?'. */
export function toAscii(text: string): string {
	return text.replace(/[^\x00-\x7E]/g, (ch) => ASCII_REPLACEMENTS[ch] ?? '?');
}

const SGR = /\u001B\[[0-9;]*m/g;

export function stripAttributes(text: string): string {
	return text.replace(SGR, '');
}

/** Columns a line occupies (attributes take none). Lesson text is treated as one column per character. */
export function visibleWidth(text: string): number {
	return [...stripAttributes(text)].length;
}

export function bold(text: string, style: TextStyle): string {
	return style.attributes ? `\u001B[1m${text}\u001B[22m` : text;
}

export function inverse(text: string, style: TextStyle): string {
	return style.attributes ? `\u001B[7m${text}\u001B[27m` : text;
}

export function dim(text: string, style: TextStyle): string {
	return style.color ? `\u001B[2m${text}\u001B[22m` : text;
}

/** Pads or cuts a line to exactly `width` visible columns. */
export function fitLine(text: string, width: number, style: TextStyle): string {
	const w = visibleWidth(text);
	if (w <= width) return text + ' '.repeat(width - w);
	const plain = [...stripAttributes(text)];
	const ellipsis = style.charset === 'ascii' ? '~' : '\u2026';
	return plain.slice(0, Math.max(0, width - 1)).join('') + ellipsis;
}
