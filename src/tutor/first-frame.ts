import type {CommandSpec, Exercise} from '../content/types.js';
import type {Answer} from '../exercises/answer.js';
import {sanitiseTerminalText} from '../live/terminal-sanitiser.js';
import type {StepContext} from '../render/step-lines.js';
import {inverse, type TextStyle} from '../render/text-style.js';
// Pure text helpers of the command pane (no React): the pane and this frame wrap output alike.
import {commandLine, cutLine, recordedPaneText, visibleLines, wideOutputHint, wrapOutput} from '../ui/live/command-pane-state.js';
import {shownArgs} from '../live/step-plan.js';
import {commandPaneRows, currentExercise, currentStep, helpLines, homeLines, isTooSmall, readerFrame, readerText, tooSmallLines} from './screen.js';
import type {TutorState} from './tutor-state.js';
import {checkMark, choiceLabel, CHECK_ITEM_LABEL, manifestWidgetLines, pointer, radioMark, widgetLayout} from './widget-layout.js';

/** What the learner answered last (or the draft), as the exercise widgets start from it. */
export function previousAnswer(state: TutorState, exercise: Exercise): unknown {
	const answer = state.progress.exercises[exercise.id]?.lastAnswer as Answer | undefined;
	if (!answer || typeof answer !== 'object') return state.progress.drafts[exercise.id]?.text;
	if (answer.kind === 'text') return answer.text;
	if (answer.kind === 'choice') return answer.selected;
	if (answer.kind === 'order') return answer.order;
	if (answer.kind === 'manifest') return state.progress.drafts[exercise.id]?.text ?? answer.source;
	return undefined;
}

/**
 * The screen as the app will draw it, printed before Ink has loaded, and redrawn by the early key
 * handler (src/ui/terminal-typeahead.ts). Widgets and the command pane are drawn as they look
 * before any key is pressed; tests/ui/first-frame-ink.test.tsx compares every kind of screen with
 * the frame Ink draws.
 */
export function firstFrame(state: TutorState, style: TextStyle, drawDiagram: StepContext['drawDiagram'], env: NodeJS.ProcessEnv = process.env): string[] {
	if (isTooSmall(state)) return tooSmallLines(state);
	if (state.help) return helpLines(state, style);
	if (state.view.name === 'home') return homeLines(state, style);
	const exercise = currentExercise(state);
	const step = currentStep(state);
	const width = state.size.columns;
	if (!exercise && step?.kind === 'command') {
		const text = readerText(state, style, drawDiagram, true);
		const rows = commandPaneRows(state, text.length);
		const frame = readerFrame(state, style, text, rows);
		return [...frame.header, ...frame.text, ...commandPaneLines(step, width, rows, style), ...frame.footer];
	}
	const layout = exercise ? widgetLayout(exercise, width, state.size.rows, style) : {compact: false, rows: 0};
	const frame = readerFrame(state, style, readerText(state, style, drawDiagram), layout.rows);
	return [...frame.header, ...frame.text, ...(exercise ? widgetLines(state, exercise, style, layout.compact, env) : []), ...frame.footer];
}

function widgetLines(state: TutorState, exercise: Exercise, style: TextStyle, compact: boolean, env: NodeJS.ProcessEnv): string[] {
	const width = state.size.columns;
	const previous = previousAnswer(state, exercise);
	const lines: string[] = [];
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict':
			exercise.choices.forEach((c, i) => lines.push(...prefixLines(pointer(i === 0, style), choiceLabel(c, radioMark(false, style), width, style, compact))));
			break;
		case 'multiple-choice':
			exercise.choices.forEach((c, i) => lines.push(...prefixLines(pointer(i === 0, style), choiceLabel(c, checkMark(false, style), width, style, compact))));
			lines.push(`${pointer(false, style)}${style.charset === 'ascii' ? '->' : '\u2192'} ${CHECK_ITEM_LABEL}`);
			break;
		case 'ordering': {
			const order = Array.isArray(previous) && previous.length === exercise.items.length ? (previous as string[]) : exercise.items.map((i) => i.id);
			order.forEach((id, i) => {
				const item = exercise.items.find((it) => it.id === id);
				// One Text per item in the widget: only its first line gets the pointer.
				if (item) lines.push(...`${pointer(i === 0, style)}${choiceLabel(item, `${i + 1}. `, width - 2, style, compact)}`.split('\n'));
			});
			break;
		}
		case 'manifest':
			lines.push(...manifestWidgetLines(exercise.id, previous, width, style, env));
			break;
		default: {
			// A text field, focused, the caret after what the learner typed last time.
			const value = typeof previous === 'string' ? previous : '';
			const room = Math.max(10, width - 4);
			const shown = value.slice(Math.max(0, value.length - room + 1));
			const caret = style.attributes ? inverse(' ', style) : '_';
			lines.push(`${exercise.kind === 'quantity' ? 'Quantity' : 'Answer'}: Enter checks, Esc leaves the field`, `${pointer(true, style)}${shown}${caret}`);
		}
	}
	return lines;
}

/** A command step's pane before anything runs: the command, its recorded output, what Enter does. */
function commandPaneLines(command: CommandSpec, width: number, height: number, style: TextStyle): string[] {
	const outputRows = Math.max(1, height - 3);
	const recorded = sanitiseTerminalText(command.recorded.output);
	const lines = wrapOutput(recorded, Math.max(10, width - 2));
	// The tutor looks for live mode only when asked: until then Enter runs the step for real.
	const {status, hint} = recordedPaneText(command.tool, command.recorded.exitCode, true, wideOutputHint(recorded, Math.max(10, width - 2), true));
	const view = visibleLines(lines, outputRows, 0);
	const body = view.above > 0 ? [`(up: ${view.above} more lines)`, ...view.lines.slice(1)] : view.lines;
	const output = [...body, ...Array<string>(Math.max(0, outputRows - body.length)).fill('')].slice(0, outputRows);
	return [
		cut(`$ ${commandLine(command.tool, shownArgs(command))}`, width, style),
		...output,
		cut(status, width, style),
		cut(hint, width, style),
	];
}

function cut(text: string, width: number, style: TextStyle): string {
	return cutLine(text, width, style.charset === 'ascii');
}

function prefixLines(prefix: string, label: string): string[] {
	return label.split('\n').map((line, i) => (i === 0 ? prefix : ' '.repeat(prefix.length)) + line);
}
