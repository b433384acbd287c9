import {parseMarkup, type Span} from '../content/markup.js';
import {bold, toAscii, type TextStyle} from './text-style.js';

interface Word {
	readonly text: string;
	readonly styled: string;
	/** No space before this word (it continues the previous one, e.g. "`pod`s"). */
	readonly glued: boolean;
}

function spanWords(spans: readonly Span[], style: TextStyle): Word[] {
	const words: Word[] = [];
	let pendingSpace = false;
	for (const span of spans) {
		const raw = style.charset === 'ascii' ? toAscii(span.text) : span.text;
		const text = span.code ? `\`${raw}\`` : raw;
		const parts = span.code ? [text] : text.split(/(\s+)/);
		for (const part of parts) {
			if (part === '') continue;
			if (/^\s+$/.test(part)) {
				pendingSpace = true;
				continue;
			}
			const glued = words.length > 0 && !pendingSpace;
			words.push({text: part, styled: span.bold ? bold(part, style) : part, glued});
			pendingSpace = false;
		}
	}
	return words;
}

/** Words with no space between them ("`app`s", "(`Always`,") wrap as one. */
function groupWords(words: readonly Word[]): Word[] {
	const groups: Word[] = [];
	for (const word of words) {
		const last = groups[groups.length - 1];
		if (word.glued && last)
			groups[groups.length - 1] = {
				text: last.text + word.text,
				styled: last.styled + word.styled,
				glued: last.glued,
			};
		else groups.push(word);
	}
	return groups;
}

/** Word-wraps spans into lines of at most `width` columns; `indent` prefixes continuation lines. */
export function wrapSpans(spans: readonly Span[], width: number, style: TextStyle, first = '', indent = ''): string[] {
	const lines: string[] = [];
	let line = first;
	let lineWidth = [...first].length;
	let empty = true;
	const push = () => {
		lines.push(line);
		line = indent;
		lineWidth = [...indent].length;
		empty = true;
	};
	for (const word of groupWords(spanWords(spans, style))) {
		const len = [...word.text].length;
		const sep = empty ? 0 : 1;
		if (!empty && lineWidth + sep + len > width) push();
		if (len > width - lineWidth) {
			// A word longer than the line (a URL, a long image name): cut it hard, unstyled.
			let rest = [...word.text];
			while (rest.length > 0) {
				const room = Math.max(1, width - lineWidth);
				line += rest.slice(0, room).join('');
				lineWidth += Math.min(room, rest.length);
				rest = rest.slice(room);
				empty = false;
				if (rest.length > 0) push();
			}
			continue;
		}
		line += (empty ? '' : ' ') + word.styled;
		lineWidth += (empty ? 0 : 1) + len;
		empty = false;
	}
	if (!empty || lines.length === 0) lines.push(line);
	return lines;
}

/** Lays out a markup text at `width` columns. */
export function markupLines(source: string, width: number, style: TextStyle): string[] {
	const out: string[] = [];
	for (const block of parseMarkup(source)) {
		if (block.type === 'blank') out.push('');
		else if (block.type === 'paragraph') out.push(...wrapSpans(block.spans, width, style));
		else {
			const marker = block.marker === '-' ? (style.charset === 'ascii' ? '-' : '\u2022') : block.marker;
			out.push(...wrapSpans(block.spans, width, style, `  ${marker} `, ' '.repeat(marker.length + 3)));
		}
	}
	return out;
}

/** Verbatim text (code blocks, command output) cut to `width`, tabs expanded. */
export function verbatimLines(text: string, width: number, style: TextStyle, prefix = ''): string[] {
	const body = text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
	return body.split('\n').map((raw) => {
		const line = prefix + (style.charset === 'ascii' ? toAscii(raw) : raw).replace(/\t/g, '    ');
		const chars = [...line];
		return chars.length > width
			? chars.slice(0, width - 1).join('') + (style.charset === 'ascii' ? '>' : '\u203A')
			: line;
	});
}
