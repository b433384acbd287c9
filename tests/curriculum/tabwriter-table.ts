/**
 * kubectl and crictl print their tables through Go's text/tabwriter: each column is as wide as
 * its widest cell plus the padding, never under a minimum width, and the last column is not
 * padded. Re-laying out the cells of a recorded table that way must give back the same text, so
 * a hand-typed table with a misaligned column is caught.
 */

export interface TabwriterSettings {
	readonly minWidth: number;
	readonly padding: number;
}

/** kubectl's printers: tabwriter.NewWriter(out, 6, 4, 3, ' ', 0). */
export const KUBECTL_TABLE: TabwriterSettings = {minWidth: 6, padding: 3};
/** crictl: tabwriter.NewWriter(os.Stdout, 20, 1, 3, ' ', 0). */
export const CRICTL_TABLE: TabwriterSettings = {minWidth: 20, padding: 3};

/** Cells are separated by at least the padding (3 spaces); a cell holds at most single spaces. */
export function tableCells(text: string): string[][] {
	return text
		.replace(/\n$/, '')
		.split('\n')
		.map((line) => line.trimEnd().split(/ {2,}/));
}

export function layOutTable(rows: readonly (readonly string[])[], settings: TabwriterSettings): string {
	const columns = Math.max(...rows.map((r) => r.length));
	const widths: number[] = [];
	for (let c = 0; c < columns - 1; c++) {
		widths[c] = Math.max(
			settings.minWidth,
			...rows.map((r) => (c < r.length - 1 ? r[c].length + settings.padding : 0)),
		);
	}
	return rows.map((r) => r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i]) : cell)).join('')).join('\n');
}
