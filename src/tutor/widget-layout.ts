import type {Choice, Exercise} from '../content/types.js';
import {wrapSpans} from '../render/markup-lines.js';
import {parseInline} from '../content/markup.js';
import type {TextStyle} from '../render/text-style.js';

/**
 * What an exercise's input widget shows, as text: shared by the Ink widgets and the first frame,
 * so the two agree on the widget's height.
 */
export function choiceLabel(choice: Choice, marker: string, width: number, style: TextStyle): string {
	return wrapSpans(parseInline(choice.text), Math.max(10, width - 4 - marker.length), style, marker, ' '.repeat(marker.length)).join('\n');
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
export function widgetRows(exercise: Exercise, width: number, style: TextStyle): number {
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict':
			return exercise.choices.reduce((n, c) => n + lineCount(choiceLabel(c, radioMark(false, style), width, style)), 0);
		case 'multiple-choice':
			return exercise.choices.reduce((n, c) => n + lineCount(choiceLabel(c, checkMark(false, style), width, style)), 0) + 1;
		case 'ordering':
			return exercise.items.reduce((n, c) => n + lineCount(choiceLabel(c, '1. ', width, style)), 0);
		case 'free-text':
		case 'quantity':
			return 2;
		case 'manifest':
			return 2;
	}
}
