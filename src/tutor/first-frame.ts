import type {StepContext} from '../render/step-lines.js';
import type {TextStyle} from '../render/text-style.js';
import {currentExercise, helpLines, homeLines, isTooSmall, readerFrame, readerText, tooSmallLines} from './screen.js';
import type {TutorState} from './tutor-state.js';
import {checkMark, choiceLabel, CHECK_ITEM_LABEL, pointer, radioMark, widgetLayout} from './widget-layout.js';

/**
 * The screen as the app will draw it, printed before Ink has loaded. Exercise widgets are drawn
 * as they look before any key is pressed.
 */
export function firstFrame(state: TutorState, style: TextStyle, drawDiagram: StepContext['drawDiagram']): string[] {
	if (isTooSmall(state)) return tooSmallLines(state);
	if (state.help) return helpLines(state, style);
	if (state.view.name === 'home') return homeLines(state, style);
	const exercise = currentExercise(state);
	const width = state.size.columns;
	const layout = exercise ? widgetLayout(exercise, width, state.size.rows, style) : {compact: false, rows: 0};
	const compact = layout.compact;
	const frame = readerFrame(state, style, readerText(state, style, drawDiagram), layout.rows);
	const widget: string[] = [];
	if (exercise) {
		switch (exercise.kind) {
			case 'single-choice':
			case 'predict':
				exercise.choices.forEach((c, i) => widget.push(...prefixLines(pointer(i === 0, style), choiceLabel(c, radioMark(false, style), width, style, compact))));
				break;
			case 'multiple-choice':
				exercise.choices.forEach((c, i) => widget.push(...prefixLines(pointer(i === 0, style), choiceLabel(c, checkMark(false, style), width, style, compact))));
				widget.push(`${pointer(false, style)}${style.charset === 'ascii' ? '->' : '\u2192'} ${CHECK_ITEM_LABEL}`);
				break;
			case 'ordering':
				exercise.items.forEach((item, i) => widget.push(...prefixLines(pointer(i === 0, style), choiceLabel(item, `${i + 1}. `, width - 2, style, compact))));
				break;
			default:
				// Text fields and the manifest prompt settle as soon as the app is up.
				break;
		}
	}
	return [...frame.header, ...frame.text, ...widget, ...frame.footer];
}

function prefixLines(prefix: string, label: string): string[] {
	return label.split('\n').map((line, i) => (i === 0 ? prefix : ' '.repeat(prefix.length)) + line);
}
