/**
 * Boxes ("cards") laid out in rows: as many side by side as the width allows, the rest stacked.
 * Every line a function here returns is exactly as wide as it says, never wider.
 */
import {fitLine, lineWidth, padLine, type Charset, type ColorRole, type Line, type Segment} from './text-line.js';

export interface Glyphs {
	readonly topLeft: string;
	readonly topRight: string;
	readonly bottomLeft: string;
	readonly bottomRight: string;
	readonly horizontal: string;
	readonly vertical: string;
	readonly doubleHorizontal: string;
	readonly arrow: string;
	readonly bullet: string;
	readonly separator: string;
}

const UNICODE: Glyphs = {
	topLeft: '┌',
	topRight: '┐',
	bottomLeft: '└',
	bottomRight: '┘',
	horizontal: '─',
	vertical: '│',
	doubleHorizontal: '═',
	arrow: '→',
	bullet: '•',
	separator: '·',
};

const ASCII: Glyphs = {
	topLeft: '+',
	topRight: '+',
	bottomLeft: '+',
	bottomRight: '+',
	horizontal: '-',
	vertical: '|',
	doubleHorizontal: '=',
	arrow: '->',
	bullet: '*',
	separator: '-',
};

export function glyphsFor(charset: Charset): Glyphs {
	return charset === 'ascii' ? ASCII : UNICODE;
}

/** Columns a box adds around its content: "│ " on the left and " │" on the right. */
export const BOX_FRAME = 4;

/** Draws a box of `innerWidth + 4` columns with `label` set into its top border. */
export function box(label: Line, body: readonly Line[], innerWidth: number, charset: Charset, role: ColorRole): Line[] {
	const g = glyphsFor(charset);
	const outer = innerWidth + BOX_FRAME;
	const shownLabel = lineWidth(label) > 0 ? fitLine(label, Math.max(0, outer - 6), charset) : [];
	const labelWidth = lineWidth(shownLabel);
	const top: Segment[] =
		labelWidth > 0
			? [
					{text: g.topLeft + g.horizontal + ' ', role},
					...shownLabel,
					{text: ' ' + g.horizontal.repeat(outer - 5 - labelWidth) + g.topRight, role},
				]
			: [{text: g.topLeft + g.horizontal.repeat(outer - 2) + g.topRight, role}];
	const side = (line: Line): Line => [
		{text: g.vertical + ' ', role},
		...padLine(fitLine(line, innerWidth, charset), innerWidth),
		{text: ' ' + g.vertical, role},
	];
	return [top, ...body.map(side), [{text: g.bottomLeft + g.horizontal.repeat(outer - 2) + g.bottomRight, role}]];
}

/** A box whose content is drawn for the width it is given. */
export interface Card {
	readonly label: Line;
	readonly role: ColorRole;
	/** Inner width the content would like, before wrapping. */
	readonly naturalWidth: number;
	readonly render: (innerWidth: number) => Line[];
}

export interface RowOptions {
	readonly maxWidth: number;
	readonly charset: Charset;
	readonly gap?: number;
	readonly minInner?: number;
	readonly maxInner?: number;
}

/**
 * Lays cards out left to right, starting a new row when the next card would not fit. Cards in a
 * row share one width and one height so their borders line up.
 */
export function cardRows(cards: readonly Card[], options: RowOptions): Line[] {
	const gap = options.gap ?? 1;
	const maxInner = Math.max(1, Math.min(options.maxInner ?? Number.POSITIVE_INFINITY, options.maxWidth - BOX_FRAME));
	const minInner = Math.min(options.minInner ?? 12, maxInner);
	const natural = (card: Card) =>
		Math.min(maxInner, Math.max(minInner, card.naturalWidth, lineWidth(card.label) + 2));
	// A row of n cards gives each the same width: what the widest wants, squeezed (down to
	// minInner, where wrapping takes over) so that the row still fits.
	const rowInner = (row: readonly Card[]) => {
		const share = Math.floor((options.maxWidth - (row.length - 1) * gap) / row.length) - BOX_FRAME;
		return Math.min(Math.max(...row.map(natural)), share);
	};
	const rows: Card[][] = [];
	let row: Card[] = [];
	for (const card of cards) {
		if (row.length > 0 && rowInner([...row, card]) < minInner) {
			rows.push(row);
			row = [];
		}
		row.push(card);
	}
	if (row.length > 0) rows.push(row);

	// All rows share one card width, so stacked cards line up: the widest any card wants, as
	// far as the fullest row allows.
	const preferred = Math.max(...cards.map(natural));
	const uniform = Math.min(
		...rows.map((r) =>
			Math.min(preferred, Math.floor((options.maxWidth - (r.length - 1) * gap) / r.length) - BOX_FRAME),
		),
	);
	const out: Line[] = [];
	for (const cardsInRow of rows) {
		const width = Math.max(1, uniform);
		const bodies = cardsInRow.map((card) => card.render(width));
		const height = Math.max(...bodies.map((b) => b.length));
		const boxes = cardsInRow.map((card, i) => {
			const body = [...bodies[i]];
			while (body.length < height) body.push([]);
			return box(card.label, body, width, options.charset, card.role);
		});
		out.push(...sideBySide(boxes, gap));
	}
	return out;
}

/** Joins blocks of lines horizontally; shorter blocks are padded with blank lines. */
export function sideBySide(blocks: readonly (readonly Line[])[], gap: number): Line[] {
	const widths = blocks.map((b) => Math.max(0, ...b.map(lineWidth)));
	const height = Math.max(0, ...blocks.map((b) => b.length));
	const out: Line[] = [];
	for (let y = 0; y < height; y++) {
		const line: Segment[] = [];
		blocks.forEach((block, i) => {
			if (i > 0) line.push({text: ' '.repeat(gap)});
			line.push(...padLine(block[y] ?? [], widths[i]));
		});
		out.push(line);
	}
	return out;
}
