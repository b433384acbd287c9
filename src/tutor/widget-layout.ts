import type {Choice, Exercise} from '../content/types.js';
import {wrapSpans} from '../render/markup-lines.js';
import {parseInline} from '../content/markup.js';
import {inverse, type TextStyle} from '../render/text-style.js';
import {keysFor} from './keymap.js';
import type {WidgetInput} from './widget-state.js';

/**
 * What an exercise's input widget shows, as text: the Ink widget prints these lines and the first
 * frame prints the same ones, so the two cannot disagree.
 */
export function choiceLabel(choice: Choice, marker: string, width: number, style: TextStyle, compact = false): string {
	const lines = wrapSpans(
		parseInline(choice.text),
		Math.max(10, width - 4 - marker.length),
		style,
		marker,
		' '.repeat(marker.length),
	);
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

function lineCount(text: string): number {
	return text.split('\n').length;
}

/** Rows an exercise's widget takes at this width (before any hint or feedback). */
export function widgetRows(exercise: Exercise, width: number, style: TextStyle, compact = false): number {
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict':
			return exercise.choices.reduce(
				(n, c) => n + lineCount(choiceLabel(c, radioMark(false, style), width, style, compact)),
				0,
			);
		case 'multiple-choice':
			return (
				exercise.choices.reduce(
					(n, c) => n + lineCount(choiceLabel(c, checkMark(false, style), width, style, compact)),
					0,
				) + 1
			);
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
export function manifestWidgetLines(
	id: string,
	lastAnswer: unknown,
	width: number,
	style: TextStyle,
	env: NodeJS.ProcessEnv,
): string[] {
	const editor = (env.VISUAL || env.EDITOR || 'your editor').split(/\s+/)[0];
	const last = typeof lastAnswer === 'string' ? 'continue your manifest' : 'start from a template';
	const cut = (text: string) => (text.length > width ? `${text.slice(0, width - 3)}...` : text);
	const ascii = style.charset === 'ascii';
	const keys = [...keysFor('edit', ['manifest'], ascii), ...keysFor('check', ['manifest'], ascii)].join(' or ');
	return [
		cut(`Press ${keys}: write it in ${editor} (${last}).`),
		cut(`Or from a shell: pod-tutor check ${id} --file pod.yaml`),
	];
}

/** What the widget draws besides the exercise itself. */
export interface WidgetShown {
	readonly input?: WidgetInput;
	/** The last answer saved (choice ids, text): single choice marks it, manifest says "continue". */
	readonly lastAnswer: unknown;
	/** Text fields: typing goes into the field. */
	readonly fieldFocused: boolean;
}

function prefixLines(prefix: string, label: string): string[] {
	return label.split('\n').map((line, i) => (i === 0 ? prefix : ' '.repeat(prefix.length)) + line);
}

/** The widget's lines: the highlight, ticks, order, typed text or editor prompt as the learner left them. */
export function widgetLines(
	exercise: Exercise,
	shown: WidgetShown,
	width: number,
	style: TextStyle,
	compact: boolean,
	env: NodeJS.ProcessEnv,
): string[] {
	const input = shown.input;
	const cursor = input && input.kind !== 'text' ? input.cursor : 0;
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict': {
			const chosen = Array.isArray(shown.lastAnswer) ? (shown.lastAnswer as string[]) : [];
			return exercise.choices.flatMap((c, i) =>
				prefixLines(
					pointer(i === cursor, style),
					choiceLabel(c, radioMark(chosen.includes(c.id), style), width, style, compact),
				),
			);
		}
		case 'multiple-choice': {
			const ticked = input?.kind === 'choice' ? input.selected : [];
			const lines = exercise.choices.flatMap((c, i) =>
				prefixLines(
					pointer(i === cursor, style),
					choiceLabel(c, checkMark(ticked.includes(c.id), style), width, style, compact),
				),
			);
			const arrow = style.charset === 'ascii' ? '->' : '\u2192';
			return [...lines, `${pointer(cursor === exercise.choices.length, style)}${arrow} ${CHECK_ITEM_LABEL}`];
		}
		case 'ordering': {
			const order =
				input?.kind === 'order' ? input : {order: exercise.items.map((i) => i.id), cursor: 0, held: false};
			return order.order.flatMap((id, i) => {
				const item = exercise.items.find((it) => it.id === id) ?? {id, text: id};
				const grabbed = order.held && i === order.cursor ? (style.charset === 'ascii' ? '=' : '\u2261') : ' ';
				return prefixLines(
					pointer(i === order.cursor, style),
					choiceLabel(item, `${i + 1}.${grabbed}`, width - 2, style, compact),
				);
			});
		}
		case 'free-text':
		case 'quantity':
			return textFieldLines(
				exercise.kind === 'quantity' ? 'Quantity' : 'Answer',
				input?.kind === 'text' ? input : {value: '', caret: 0},
				shown.fieldFocused,
				width,
				style,
			);
		case 'manifest':
			return manifestWidgetLines(exercise.id, shown.lastAnswer, width, style, env);
	}
}

function textFieldLines(
	label: string,
	field: {value: string; caret: number},
	focused: boolean,
	width: number,
	style: TextStyle,
): string[] {
	const {value, caret} = field;
	const room = Math.max(10, width - 4);
	const start = Math.max(0, caret - room + 1);
	const shown = value.slice(start, start + room);
	const at = caret - start;
	const cursorChar = shown[at] ?? ' ';
	// Without attributes a caret drawn over a character would hide it: it goes between characters.
	const plainCaret = at >= shown.length ? `${shown}_` : `${shown.slice(0, at)}|${shown.slice(at)}`;
	const caretShown = style.attributes
		? `${shown.slice(0, at)}${inverse(cursorChar, style)}${shown.slice(at + 1)}`
		: plainCaret;
	const text = focused ? caretShown : shown || '(empty)';
	const ascii = style.charset === 'ascii';
	// Focused, the footer says what Enter and Esc do; left, how to come back.
	const help = focused
		? 'type here'
		: `${keysFor('editField', ['textfield'], ascii).join(' or ')}: type in the field`;
	return [`${label}: ${help}`, `${pointer(focused, style)}${text}`];
}

/**
 * Whether the widget must show one line per choice to fit: the reader keeps its header, footer,
 * a blank line and at least three lines of the question above the widget.
 */
export function widgetLayout(
	exercise: Exercise,
	columns: number,
	rows: number,
	style: TextStyle,
): {compact: boolean; rows: number} {
	const room = rows - 1 - 2 - 2 - 1 - 3;
	const full = widgetRows(exercise, columns, style);
	if (full <= room) return {compact: false, rows: full};
	return {compact: true, rows: widgetRows(exercise, columns, style, true)};
}
