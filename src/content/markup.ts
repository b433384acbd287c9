/**
 * The lessons' light markup: paragraphs, **bold**, `code`, "- " bullets and "1. " numbered
 * items. Anything else is text; nothing is ever interpreted as a terminal sequence.
 */
export interface Span {
	readonly text: string;
	readonly bold?: boolean;
	readonly code?: boolean;
}

export type Block =
	| {readonly type: 'paragraph'; readonly spans: readonly Span[]}
	| {readonly type: 'item'; readonly marker: string; readonly spans: readonly Span[]}
	| {readonly type: 'blank'};

export function parseInline(text: string): Span[] {
	const spans: Span[] = [];
	const pattern = /`([^`]+)`|\*\*([^*]+)\*\*/g;
	let last = 0;
	for (const match of text.matchAll(pattern)) {
		if (match.index > last) spans.push({text: text.slice(last, match.index)});
		if (match[1] !== undefined) spans.push({text: match[1], code: true});
		else spans.push({text: match[2], bold: true});
		last = match.index + match[0].length;
	}
	if (last < text.length) spans.push({text: text.slice(last)});
	return spans;
}

export function parseMarkup(source: string): Block[] {
	const blocks: Block[] = [];
	let paragraph: string[] = [];
	const flush = () => {
		if (paragraph.length > 0) blocks.push({type: 'paragraph', spans: parseInline(paragraph.join(' '))});
		paragraph = [];
	};
	const separate = () => {
		if (blocks.length > 0 && blocks[blocks.length - 1].type !== 'blank') blocks.push({type: 'blank'});
	};
	let inList = false;
	for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trim();
		const item = /^(-|\*|\d+\.)\s+(.*)$/.exec(line);
		if (line === '') {
			flush();
			inList = false;
			separate();
		} else if (item) {
			flush();
			if (!inList) separate();
			inList = true;
			blocks.push({type: 'item', marker: item[1] === '*' ? '-' : item[1], spans: parseInline(item[2])});
		} else if (inList && raw.startsWith('  ') && blocks.length > 0) {
			// An indented line under a list item continues that item.
			const prev = blocks.pop() as Extract<Block, {type: 'item'}>;
			blocks.push({...prev, spans: [...prev.spans, ...parseInline(` ${line}`)]});
		} else {
			if (inList) separate();
			inList = false;
			paragraph.push(line);
		}
	}
	flush();
	while (blocks.length > 0 && blocks[0].type === 'blank') blocks.shift();
	while (blocks.length > 0 && blocks[blocks.length - 1].type === 'blank') blocks.pop();
	return blocks;
}

/** The text without markup characters, for searching and plain output. */
export function markupToPlain(source: string): string {
	return parseMarkup(source)
		.map((b) =>
			b.type === 'blank' ? '' : (b.type === 'item' ? `${b.marker} ` : '') + b.spans.map((s) => s.text).join(''),
		)
		.join('\n');
}
