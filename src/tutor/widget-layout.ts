import type {Choice, Exercise} from '../content/types.js';
import {wrapSpans} from '../render/markup-lines.js';
import {parseInline} from '../content/markup.js';
import type {TextStyle} from '../render/text-style.js';

/**
 * What an exercise's input widget shows, as text: shared by the Ink widgets and the first frame,
 * so the two agree on the widget's height.
 */
export function choiceLabel(choice: Choice, marker: string, width: number, style: TextStyle, compact = false): string {
	const lines = wrapSpans(parseInline(choice.text), Math.max(10, width - 4 - marker.length), style, marker, ' '.repeat(marker.length));
	if (!compact || lines.length === 1) return lines.join('\n');
	return `${lines[0].slice(0, Math.max(0, width - 7))}${style.charset === 'ascii' ? '...' : '\u2026'}`;
}

export function radioMark(on: boolean, style: TextStyle): string {
	return style.charset === 'ascii' ? (on ? '(*) ' : '( ) ') : on ? '\u25C9 ' : '\u25CB ';
}

export function checkMark(on: boolean, style: TextStyle): string {
	return style.charset === 'ascii' ? (on ? '[x] ' : '[ ] ') : on ? '\u2612 ' : '\u2610 ';
}

export function pointer(active: boolean, style: TextStyle): string {
	return active ? (style.charset === 'ascii' ? '> ' : '\u276F ') : '  ';
}

export const CHECK_ITEM_LABEL = 'Check my answer';

export function lineCount(text: string): number {
	return text.split('\n').length;
}

/** Rows an exercise's widget takes at this width (before any hint or feedback). */
export function widgetRows(exercise: Exercise, width: number, style: TextStyle, compact = false): number {
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict':
			return exercise.choices.reduce((n, c) => n + lineCount(choiceLabel(c, radioMark(false, style), width, style, compact)), 0);
		case 'multiple-choice':
			return exercise.choices.reduce((n, c) => n + lineCount(choiceLabel(c, checkMark(false, style), width, style, compact)), 0) + 1;
		case 'ordering':
			return exercise.items.reduce((n, c) => n + lineCount(choiceLabel(c, '1. ', width - 2, style, compact)), 0);
		case 'free-text':
		case 'quantity':
			return 2;
		case 'manifest':
			return manifestWidgetLines(exercise.id, undefined, width, style, {}).length;
	}
}

/** The manifest exercise's two lines: how to open the editor, and the command-line way. */
export function manifestWidgetLines(id: string, lastAnswer: unknown, width: number, style: TextStyle, env: NodeJS.ProcessEnv): string[] {
	const editor = (env.VISUAL || env.EDITOR || 'your editor').split(/\s+/)[0];
	const last = typeof lastAnswer === 'string' ? 'continue your manifest' : 'start from a template';
	const cut = (text: string) => (text.length > width ? `${text.slice(0, width - 3)}...` : text);
	return [cut(`Press e or Enter: write it in ${editor} (${last}).`), cut(`Or from a shell: pod-tutor check ${id} --file pod.yaml`)];
}

/**
 * Whether the widget must show one line per choice to fit: the reader keeps its header, footer,
 * a blank line and at least three lines of the question above the widget.
 */
export function widgetLayout(exercise: Exercise, columns: number, rows: number, style: TextStyle): {compact: boolean; rows: number} {
	const room = rows - 1 - 2 - 2 - 1 - 3;
	const full = widgetRows(exercise, columns, style);
	if (full <= room) return {compact: false, rows: full};
	return {compact: true, rows: widgetRows(exercise, columns, style, true)};
}
