import type {Exercise, Lesson, Step} from '../content/types.js';
import {markupLines, verbatimLines, wrapSpans} from '../render/markup-lines.js';
import {commandLine, exerciseLines, stepLines, type StepContext} from '../render/step-lines.js';
import {bold, dim, fitLine, inverse, toAscii, visibleWidth, type TextStyle} from '../render/text-style.js';
import {footer, helpEntries, type Intent, type KeyContext} from './keymap.js';
import {lessonById, lessonStatus, MIN_SIZE, sessionOf, type LessonStatus, type TutorState} from './tutor-state.js';

/**
 * The tutor's screens as lines of text: pure functions of the state. The Ink components print
 * these lines; the first frame is printed from them before Ink has even loaded.
 */

/** Lines the app may use: one less than the rows, because Ink clears the whole terminal on every
 * frame whose height reaches the terminal's (ink/build/ink.js, isFullscreen). */
export function usableRows(state: TutorState): number {
	return state.size.rows - 1;
}

export function isTooSmall(state: TutorState): boolean {
	return state.size.columns < MIN_SIZE.columns || state.size.rows < MIN_SIZE.rows;
}

export function tooSmallLines(state: TutorState): string[] {
	const {columns, rows} = state.size;
	const width = Math.max(10, columns);
	const text = `Terminal too small (${columns}x${rows}). pod-tutor needs at least ${MIN_SIZE.columns} columns and ${MIN_SIZE.rows} rows: make the window larger. Ctrl+C quits; your progress is saved.`;
	return wrapSpans([{text}], width, {charset: 'ascii', attributes: false, color: false}).slice(0, Math.max(1, rows - 1));
}

const STATUS_WORD: Record<LessonStatus, string> = {done: 'done', 'in-progress': 'in progress', 'not-started': 'not started'};

export function statusMark(status: LessonStatus, style: TextStyle): string {
	if (style.charset === 'ascii') return status === 'done' ? '[x]' : status === 'in-progress' ? '[~]' : '[ ]';
	return status === 'done' ? '\u2713' : status === 'in-progress' ? '\u25D0' : '\u00B7';
}

function rule(width: number, style: TextStyle, label = ''): string {
	const ch = style.charset === 'ascii' ? '-' : '\u2500';
	if (!label) return ch.repeat(width);
	const text = ` ${label} `;
	return ch.repeat(Math.max(0, width - text.length - 2)) + text + ch.repeat(Math.min(2, width));
}

function leftRight(left: string, right: string, width: number, style: TextStyle): string {
	const room = width - visibleWidth(right) - 1;
	const l = visibleWidth(left) > room ? fitLine(left, room, style) : left;
	return l + ' '.repeat(Math.max(1, width - visibleWidth(l) - visibleWidth(right))) + right;
}

export function progressBar(done: number, total: number, width: number, style: TextStyle): string {
	const ratio = total === 0 ? 0 : done / total;
	const percent = `${Math.round(ratio * 100)}%`.padStart(4);
	const inner = Math.max(4, width - percent.length - 3);
	const filled = Math.round(inner * ratio);
	const [on, off] = style.charset === 'ascii' ? ['#', '.'] : ['\u2588', '\u2591'];
	return `[${on.repeat(filled)}${off.repeat(inner - filled)}] ${percent}`;
}

export function homeLines(state: TutorState, style: TextStyle): string[] {
	const width = state.size.columns;
	const rows = usableRows(state);
	const {lessons} = state.course;
	const statuses = lessons.map((l) => lessonStatus(l, state.progress));
	const done = statuses.filter((s) => s === 'done').length;
	const lines = [leftRight(bold('pod-tutor: Pods and containers', style), `${done}/${lessons.length} lessons done`, width, style)];
	lines.push(progressBar(done, lessons.length, width, style), '');
	const cursor = state.view.name === 'home' ? state.view.cursor : 0;
	const summaryRows = 3;
	const brokenRows = state.course.broken.length > 0 ? 1 : 0;
	const listRows = Math.max(1, rows - lines.length - summaryRows - brokenRows - 3);
	const start = Math.max(0, Math.min(cursor - Math.floor(listRows / 2), lessons.length - listRows));
	const numberWidth = String(lessons.length).length;
	lessons.slice(start, start + listRows).forEach((lesson, i) => {
		const index = start + i;
		const status = statuses[index];
		const pointer = index === cursor ? (style.charset === 'ascii' ? '>' : '\u276F') : ' ';
		const record = state.progress.lessons[lesson.id];
		const where = status === 'in-progress' && record ? ` (step ${record.currentStep + 1}/${lesson.steps.length})` : '';
		const right = `${STATUS_WORD[status]}${where}`;
		const name = style.charset === 'ascii' ? toAscii(lesson.title) : lesson.title;
		// The pointer marks the selected lesson; an attribute would make every move rewrite whole rows.
		const title = `${pointer} ${statusMark(status, style)} ${String(index + 1).padStart(numberWidth)}. ${name}`;
		lines.push(leftRight(title, right, width, style));
	});
	if (lessons.length === 0) lines.push('No lessons could be loaded.');
	while (lines.length < rows - summaryRows - brokenRows - 2) lines.push('');
	// The lesson to take next, not the highlighted one: a summary that followed the cursor would
	// rewrite three rows on every move (about 150 bytes instead of a dozen over a slow link).
	const nextIndex = statuses.findIndex((s) => s !== 'done');
	const upNext = lessons[nextIndex];
	const summary = upNext
		? [fitLine(`Up next: ${nextIndex + 1}. ${style.charset === 'ascii' ? toAscii(upNext.title) : upNext.title}`, width, style).trimEnd(), ...markupLines(upNext.summary, width, style).slice(0, summaryRows - 1)]
		: lessons.length > 0
			? ['Every lesson is done. Open any of them again to review it.']
			: [];
	lines.push(rule(width, style), ...summary);
	while (lines.length < rows - brokenRows - 1) lines.push('');
	if (brokenRows) {
		const names = state.course.broken.map((b) => b.id ?? b.file).join(', ');
		lines.push(fitLine(`Not loaded (broken): ${names}. Run pod-tutor validate for details.`, width, style).trimEnd());
	}
	lines.push(state.notice ? fitLine(state.notice, width, style).trimEnd() : footer(['open', 'down', 'help', 'back'], 'home', style.charset === 'ascii'));
	return lines.slice(0, rows);
}

/** `observedLive`: a predict exercise's command runs for real in the command pane, so its recorded output is not shown here. */
export function feedbackLines(exercise: Exercise, state: TutorState, width: number, style: TextStyle, observedLive = false): string[] {
	const session = sessionOf(state, exercise.id);
	const record = state.progress.exercises[exercise.id];
	const lines: string[] = [];
	for (let i = 0; i < session.hintsShown; i++) {
		lines.push('', ...markupLines(`Hint ${i + 1}/${exercise.hints.length}: ${exercise.hints[i]}`, width, style));
	}
	const result = session.result;
	if (result) {
		const mark = result.correct ? (style.charset === 'ascii' ? '[right]' : '\u2713 Right.') : result.malformed ? 'That answer could not be read:' : style.charset === 'ascii' ? '[not yet]' : '\u2717 Not yet.';
		lines.push('', bold(mark, style));
		if (result.checks.length > 1) {
			for (const check of result.checks) lines.push(...markupLines(`${check.passed ? '+' : '-'} ${check.message}`, width, style));
		}
		const checkSaysIt = result.checks.length === 1 && result.checks[0].message === result.feedback;
		if (result.feedback && result.feedback !== 'Correct.') lines.push(...markupLines(result.feedback, width, style));
		else if (!result.correct && !checkSaysIt && result.checks.length === 1) lines.push(...markupLines(result.checks[0].message, width, style));
		if (exercise.kind === 'predict' && !result.malformed && !observedLive) {
			lines.push('', `$ ${commandLine(exercise.observe.tool, exercise.observe.args)}`, dim(`recorded output (what ${exercise.observe.tool} printed on a real system):`, style));
			lines.push(...verbatimLines(exercise.observe.recorded.output, width, style, '  '));
		}
		if (result.correct || session.revealed) lines.push('', ...markupLines(exercise.explanation, width, style));
	}
	if (session.revealed) {
		lines.push('', bold('Solution:', style), ...solutionLines(exercise, width, style));
	}
	if (record && !result) {
		const state = record.correct ? 'answered right before' : `${record.attempts} earlier attempt${record.attempts === 1 ? '' : 's'}`;
		lines.push('', `(${state}${record.revealed ? ', solution seen' : ''})`);
	}
	return lines;
}

export function solutionLines(exercise: Exercise, width: number, style: TextStyle): string[] {
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict': {
			const choice = exercise.choices.find((c) => c.id === exercise.answer);
			return markupLines(choice ? choice.text : exercise.answer, width, style);
		}
		case 'multiple-choice':
			return exercise.choices.filter((c) => exercise.answer.includes(c.id)).flatMap((c) => markupLines(`- ${c.text}`, width, style));
		case 'ordering':
			return exercise.answer.flatMap((id, i) => markupLines(`${i + 1}. ${exercise.items.find((item) => item.id === id)?.text ?? id}`, width, style));
		case 'manifest':
			return exercise.answer.replace(/\n$/, '').split('\n').map((l) => fitLine(`  ${l}`, width, style).trimEnd());
		default:
			return markupLines(exercise.answer, width, style);
	}
}

export function currentLesson(state: TutorState): Lesson | undefined {
	return state.view.name === 'reader' ? lessonById(state.course, state.view.lessonId) : undefined;
}

export function currentStep(state: TutorState): Step | undefined {
	const lesson = currentLesson(state);
	return lesson && state.view.name === 'reader' ? lesson.steps[state.view.step] : undefined;
}

export function currentExercise(state: TutorState): Exercise | undefined {
	const step = currentStep(state);
	return step?.kind === 'exercise' ? state.course.exercises.get(step.exercise) : undefined;
}

export function keyContext(state: TutorState): KeyContext {
	const exercise = currentExercise(state);
	if (state.view.name === 'home') return 'home';
	if (exercise) return exercise.kind === 'ordering' ? 'ordering' : 'exercise';
	return currentStep(state)?.kind === 'command' ? 'command' : 'reader';
}

/** The scrollable text of the current step: the step itself, plus hints and feedback for exercises. */
export function stepTextLines(state: TutorState, ctx: Omit<StepContext, 'lesson' | 'course'>): string[] {
	const lesson = currentLesson(state);
	const step = currentStep(state);
	if (!lesson || !step) return [];
	const exercise = currentExercise(state);
	if (exercise) {
		const title = step.title ? [bold(step.title, ctx.style), ''] : [];
		return [...title, ...exerciseLines(exercise, ctx.width, ctx.style, false)];
	}
	return stepLines(step, {...ctx, lesson, course: state.course});
}

export interface ReaderFrame {
	readonly header: string[];
	/** The visible part of the step's text, padded to the rows it owns. */
	readonly text: string[];
	readonly footer: string[];
	readonly maxScroll: number;
}

/**
 * Lays out the reader: a header, the step's text (scrolled), an input widget of `widgetRows`
 * rows pinned under it for exercises, and a footer.
 */
export function readerFrame(state: TutorState, style: TextStyle, bodyText: readonly string[], widgetRows: number): ReaderFrame {
	const width = state.size.columns;
	const lesson = currentLesson(state)!;
	const view = state.view as Extract<TutorState['view'], {name: 'reader'}>;
	const number = state.course.lessons.indexOf(lesson) + 1;
	const title = `${number}. ${style.charset === 'ascii' ? toAscii(lesson.title) : lesson.title}`;
	const header = [leftRight(bold(title, style), `step ${view.step + 1}/${lesson.steps.length}`, width, style), rule(width, style)];
	const textRows = Math.max(1, usableRows(state) - header.length - 2 - widgetRows - (widgetRows > 0 ? 1 : 0));
	const maxScroll = Math.max(0, bodyText.length - textRows);
	const scroll = Math.min(view.scroll, maxScroll);
	const text = bodyText.slice(scroll, scroll + textRows);
	const more = bodyText.length > textRows ? `lines ${scroll + 1}-${scroll + text.length} of ${bodyText.length}` : '';
	while (text.length < textRows) text.push('');
	if (widgetRows > 0) text.push('');
	const context = keyContext(state);
	const intents: Intent[] =
		context === 'reader' ? ['next', 'previous', 'down', 'help', 'back'] : context === 'command' ? ['next', 'previous', 'down', 'help', 'back'] : ['check', 'hint', 'solution', 'next', 'help'];
	const footerLine = state.notice ? fitLine(state.notice, width, style).trimEnd() : footer(intents, context, style.charset === 'ascii');
	return {header, text, footer: [rule(width, style, more), footerLine], maxScroll};
}

/** The step's whole text: for exercises the prompt, then hints and feedback. */
export function readerText(state: TutorState, style: TextStyle, drawDiagram: StepContext['drawDiagram'], commandPane = false, observedLive = false): string[] {
	const width = state.size.columns;
	const lines = stepTextLines(state, {width, style, drawDiagram, commandPane});
	const exercise = currentExercise(state);
	if (exercise) lines.push(...feedbackLines(exercise, state, width, style, observedLive));
	return lines;
}

export function helpLines(state: TutorState, style: TextStyle): string[] {
	const width = state.size.columns;
	const entries = helpEntries([keyContext(state)], style.charset === 'ascii');
	const keyWidth = Math.min(24, Math.max(...entries.map((e) => e.keys.length)) + 2);
	const lines = [bold('Keys', style), rule(width, style)];
	for (const entry of entries) {
		const wrapped = wrapSpans([{text: entry.help}], width - keyWidth, style);
		lines.push(entry.keys.padEnd(keyWidth) + wrapped[0], ...wrapped.slice(1).map((l) => ' '.repeat(keyWidth) + l));
	}
	lines.push('', 'Press ? or q to close this help.');
	const rows = usableRows(state);
	if (lines.length <= rows) return lines;
	const shown = lines.slice(0, rows - 1);
	return [...shown, `(${lines.length - shown.length} more lines: make the window taller; ? or q closes)`];
}

/** Rows for the command pane under a command step's text: the text keeps at most half. */
export function commandPaneRows(state: TutorState, textLines: number): number {
	const available = usableRows(state) - 2 - 2 - 1;
	return Math.max(4, available - Math.min(textLines, Math.floor(available / 2)));
}
