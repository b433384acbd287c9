/**
 * How much of an 80x24 terminal a step takes: the tutor draws text in a 76-column frame, so
 * bodies are word-wrapped at 76 columns here the same way a reader would see them.
 */
import {markupToPlain} from '../../src/content/markup.js';

export const FRAME_COLUMNS = 76;
/** Lines a text step may fill and still leave room for the title, frame and key help. */
export const TEXT_STEP_LINES = 14;
export const CODE_STEP_LINES = 16;

/** Word-wraps one line; list items continue under their text, as the renderer indents them. */
export function wrapLine(line: string, width: number = FRAME_COLUMNS): string[] {
	const marker = /^(-|\d+\.)\s/.exec(line);
	const indent = marker ? ' '.repeat(marker[0].length) : '';
	const out: string[] = [];
	let current = '';
	for (const word of line.split(/\s+/).filter((w) => w !== '')) {
		const next = current === '' ? word : `${current} ${word}`;
		if (next.length <= width || current === '') {
			current = next;
		} else {
			out.push(current);
			current = `${indent}${word}`;
		}
	}
	out.push(current);
	return out;
}

export function wrappedTextLines(markup: string, width: number = FRAME_COLUMNS): string[] {
	return markupToPlain(markup)
		.split('\n')
		.flatMap((line) => (line === '' ? [''] : wrapLine(line, width)));
}
