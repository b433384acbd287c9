import {brokenReason, VALIDATE_POINTER} from '../content/broken-reason.js';
import {
	recordedName,
	recordedOrigin,
	type BrokenLesson,
	type CommandSpec,
	type Exercise,
	type Lesson,
	type Step,
} from '../content/types.js';
import {markupLines, verbatimLines, wrapSpans} from '../render/markup-lines.js';
import {commandLine, exerciseLines, stepLines, type StepContext} from '../render/step-lines.js';
import {shownArgs} from '../live/step-plan.js';
import {bold, dim, fitLine, toAscii, visibleWidth, type TextStyle} from '../render/text-style.js';
import {footer, helpEntries, keysFor, type KeyContext} from './keymap.js';
import {
	inputOf,
	lessonById,
	lessonStatus,
	MIN_SIZE,
	sessionOf,
	type LessonStatus,
	type TutorState,
} from './tutor-state.js';
import {lastAnswerOf} from './widget-state.js';
import {widgetLayout, widgetLines} from './widget-layout.js';

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
	const quit = keysFor('quit', [], true)[0];
	const text =
		`Terminal too small (${columns}x${rows}). pod-tutor needs at least ${MIN_SIZE.columns} columns ` +
		`and ${MIN_SIZE.rows} rows: make the window larger. ${quit} quits; your progress is saved.`;
	return wrapSpans([{text}], width, {charset: 'ascii', attributes: false, color: false}).slice(
		0,
		Math.max(1, rows - 1),
	);
}

const STATUS_WORD: Record<LessonStatus, string> = {
	done: 'done',
	'in-progress': 'in progress',
	'not-started': 'not started',
};

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

/** A notice can name a file and a reason (a save that failed): shown whole, up to this many rows. */
const MAX_NOTICE_ROWS = 4;

/** The notice in place of the footer, word-wrapped; only a notice longer than MAX_NOTICE_ROWS is cut. */
export function noticeLines(notice: string, width: number, style: TextStyle): string[] {
	const lines = wrapSpans([{text: style.charset === 'ascii' ? toAscii(notice) : notice}], width, style).map((l) =>
		l.trimEnd(),
	);
	if (lines.length <= MAX_NOTICE_ROWS) return lines;
	return [
		...lines.slice(0, MAX_NOTICE_ROWS - 1),
		fitLine(lines.slice(MAX_NOTICE_ROWS - 1).join(' '), width, style).trimEnd(),
	];
}

export function homeLines(state: TutorState, style: TextStyle): string[] {
	const width = state.size.columns;
	const rows = usableRows(state);
	const {lessons} = state.course;
	const statuses = lessons.map((l) => lessonStatus(l, state.progress));
	const done = statuses.filter((s) => s === 'done').length;
	const lines = [
		leftRight(
			bold('pod-tutor: Pods and containers', style),
			`${done}/${lessons.length} lessons done`,
			width,
			style,
		),
	];
	lines.push(progressBar(done, lessons.length, width, style), '');
	const cursor = state.view.name === 'home' ? state.view.cursor : 0;
	const summaryRows = 3;
	const brokenRows = brokenLines(state.course.broken, width, style).length;
	const bottom = state.notice
		? noticeLines(state.notice, width, style)
		: [footer(keyContexts(state), style.charset === 'ascii')];
	const listRows = Math.max(1, rows - lines.length - summaryRows - brokenRows - 2 - bottom.length);
	// Page by page, not centred on the cursor: a list that scrolled on every move would rewrite every
	// row (about 600 bytes a move instead of a dozen); it turns a page when the cursor leaves one.
	const start = Math.max(0, Math.min(Math.floor(cursor / listRows) * listRows, lessons.length - listRows));
	const numberWidth = String(lessons.length).length;
	lessons.slice(start, start + listRows).forEach((lesson, i) => {
		const index = start + i;
		const status = statuses[index];
		const pointer = index === cursor ? (style.charset === 'ascii' ? '>' : '\u276F') : ' ';
		const record = state.progress.lessons[lesson.id];
		const where =
			status === 'in-progress' && record ? ` (step ${record.currentStep + 1}/${lesson.steps.length})` : '';
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
		? [
				fitLine(
					`Up next: ${nextIndex + 1}. ${style.charset === 'ascii' ? toAscii(upNext.title) : upNext.title}`,
					width,
					style,
				).trimEnd(),
				...markupLines(upNext.summary, width, style).slice(0, summaryRows - 1),
			]
		: lessons.length > 0
			? ['Every lesson is done. Open any of them again to review it.']
			: [];
	// A cut list says so: at 60x20 a course of 14 lessons shows 10 of them. The label changes only
	// when the list scrolls, which redraws the list anyway.
	const shown = Math.min(listRows, lessons.length - start);
	const below = start + shown < lessons.length ? ', more below' : '';
	const more = shown < lessons.length ? `lessons ${start + 1}-${start + shown} of ${lessons.length}${below}` : '';
	lines.push(rule(width, style, more), ...summary);
	while (lines.length < rows - brokenRows - bottom.length) lines.push('');
	lines.push(...brokenLines(state.course.broken, width, style));
	lines.push(...bottom);
	return lines.slice(0, rows);
}

/** At most this many rows of the home screen say which lessons are broken and why. */
const MAX_BROKEN_ROWS = 3;

/** One row per broken lesson with the validator's first problem; beyond MAX_BROKEN_ROWS, a count. */
function brokenLines(broken: readonly BrokenLesson[], width: number, style: TextStyle): string[] {
	if (broken.length === 0) return [];
	const fit = (text: string) => fitLine(style.charset === 'ascii' ? toAscii(text) : text, width, style).trimEnd();
	const shown = broken.length > MAX_BROKEN_ROWS ? broken.slice(0, MAX_BROKEN_ROWS - 1) : broken;
	const rows = shown.map((b) => {
		const reason = `Not loaded: ${brokenReason(b)}`;
		// The pointer to validate where it fits; cut, the reason itself matters more.
		return fit(visibleWidth(reason + VALIDATE_POINTER) <= width ? reason + VALIDATE_POINTER : reason);
	});
	if (shown.length < broken.length)
		rows.push(fit(`Not loaded: ${broken.length - shown.length} more. Run pod-tutor validate for details.`));
	return rows;
}

/** `observedLive`: a predict exercise's command runs for real in the command pane, so its recorded output is not shown here. */
export function feedbackLines(
	exercise: Exercise,
	state: TutorState,
	width: number,
	style: TextStyle,
	observedLive = false,
): string[] {
	const session = sessionOf(state, exercise.id);
	const record = state.progress.exercises[exercise.id];
	const lines: string[] = [];
	for (let i = 0; i < session.hintsShown; i++) {
		lines.push('', ...markupLines(`Hint ${i + 1}/${exercise.hints.length}: ${exercise.hints[i]}`, width, style));
	}
	const result = session.result;
	if (result) {
		const mark = result.correct
			? style.charset === 'ascii'
				? '[right]'
				: '\u2713 Right.'
			: result.malformed
				? 'That answer could not be read:'
				: style.charset === 'ascii'
					? '[not yet]'
					: '\u2717 Not yet.';
		lines.push('', bold(mark, style));
		if (result.checks.length > 1) {
			for (const check of result.checks)
				lines.push(...markupLines(`${check.passed ? '+' : '-'} ${check.message}`, width, style));
		}
		const checkSaysIt = result.checks.length === 1 && result.checks[0].message === result.feedback;
		if (result.feedback && result.feedback !== 'Correct.')
			lines.push(...markupLines(result.feedback, width, style));
		else if (!result.correct && !checkSaysIt && result.checks.length === 1)
			lines.push(...markupLines(result.checks[0].message, width, style));
		if (exercise.kind === 'predict' && !result.malformed && !observedLive) {
			lines.push(
				'',
				`$ ${commandLine(exercise.observe.tool, shownArgs(exercise.observe))}`,
				dim(
					`${recordedName(exercise.observe.recorded)} (${recordedOrigin(exercise.observe.tool, exercise.observe.recorded)}):`,
					style,
				),
			);
			lines.push(...verbatimLines(exercise.observe.recorded.output, width, style, '  '));
			const {compare} = exercise.observe;
			if (compare && exercise.observe.recorded.compared !== undefined) {
				lines.push(
					`$ ${commandLine(exercise.observe.tool, shownArgs({...exercise.observe, args: compare.args}))}`,
					dim(`measured just before in ${compare.label}, in the same run, to compare with:`, style),
					...verbatimLines(exercise.observe.recorded.compared, width, style, '  '),
				);
			}
		}
		if (result.correct || session.revealed) lines.push('', ...markupLines(exercise.explanation, width, style));
	}
	if (session.revealed) {
		lines.push('', bold('Solution:', style), ...solutionLines(exercise, width, style));
	}
	if (record && !result) {
		const state = record.correct
			? 'answered right before'
			: `${record.attempts} earlier attempt${record.attempts === 1 ? '' : 's'}`;
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
			return exercise.choices
				.filter((c) => exercise.answer.includes(c.id))
				.flatMap((c) => markupLines(`- ${c.text}`, width, style));
		case 'ordering':
			return exercise.answer.flatMap((id, i) =>
				markupLines(`${i + 1}. ${exercise.items.find((item) => item.id === id)?.text ?? id}`, width, style),
			);
		case 'manifest':
			return exercise.answer
				.replace(/\n$/, '')
				.split('\n')
				.map((l) => fitLine(`  ${l}`, width, style).trimEnd());
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

/**
 * A predict exercise's command, once the prediction is made, whenever live mode is there or being
 * looked for: the pane decides how it runs (its own tool, or podman's way of showing the same
 * thing, src/live/step-plan.ts) or says in one line why it cannot, over the recorded output. Not
 * only when the command's own tool was found: a kubectl observation runs with podman as well.
 */
export function observedCommand(state: TutorState): CommandSpec | undefined {
	const exercise = currentExercise(state);
	if (exercise?.kind !== 'predict') return undefined;
	const result = sessionOf(state, exercise.id).result;
	return result && !result.malformed && state.liveTools.length > 0 ? exercise.observe : undefined;
}

/**
 * The learner's prediction, while the pane shows a predict exercise's command: the real output is
 * read against it. The saved one (the first ever made), else this session's, which is there in the
 * same state as the verdict: the pane can run before the store's answer comes back.
 */
export function predictionFor(state: TutorState): string | undefined {
	const exercise = currentExercise(state);
	if (!exercise || !observedCommand(state)) return undefined;
	return state.progress.predictions[exercise.id]?.choice ?? sessionOf(state, exercise.id).prediction;
}

/** The command the command pane shows: a command step's, or a predict exercise's being observed. */
export function paneCommand(state: TutorState): CommandSpec | undefined {
	const step = currentStep(state);
	return observedCommand(state) ?? (step?.kind === 'command' ? step : undefined);
}

/** The key contexts of the screen, most specific first (src/tutor/keymap.ts). Too small: only the global keys. */
export function keyContexts(state: TutorState): KeyContext[] {
	if (isTooSmall(state)) return [];
	if (state.help) return ['help'];
	if (state.view.name === 'home') return ['home'];
	if (paneCommand(state)) return ['command'];
	const exercise = currentExercise(state);
	if (exercise) {
		switch (exercise.kind) {
			case 'single-choice':
			case 'predict':
				return ['choice', 'exercise'];
			case 'multiple-choice':
				return ['multi', 'exercise'];
			case 'ordering':
				return ['ordering', 'exercise'];
			case 'manifest':
				return ['manifest', 'exercise'];
			case 'free-text':
			case 'quantity':
				return state.view.fieldLeft ? ['textfield', 'exercise'] : ['field'];
		}
	}
	return currentStep(state)?.kind === 'diagram' ? ['diagram', 'reader'] : ['reader'];
}

/** The screen's most specific key context. */
export function keyContext(state: TutorState): KeyContext {
	return keyContexts(state)[0] ?? 'global';
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
	/** Rows of text shown at once: a page for PgUp/PgDn. */
	readonly textRows: number;
}

/**
 * Lays out the reader: a header, the step's text (scrolled), an input widget of `widgetRows`
 * rows pinned under it for exercises, and a footer.
 */
export function readerFrame(
	state: TutorState,
	style: TextStyle,
	bodyText: readonly string[],
	widgetRows: number,
): ReaderFrame {
	const width = state.size.columns;
	const lesson = currentLesson(state)!;
	const view = state.view as Extract<TutorState['view'], {name: 'reader'}>;
	const number = state.course.lessons.indexOf(lesson) + 1;
	const title = `${number}. ${style.charset === 'ascii' ? toAscii(lesson.title) : lesson.title}`;
	const header = [
		leftRight(bold(title, style), `step ${view.step + 1}/${lesson.steps.length}`, width, style),
		rule(width, style),
	];
	const bottom = state.notice
		? noticeLines(state.notice, width, style)
		: [footer(keyContexts(state), style.charset === 'ascii')];
	const textRows = Math.max(
		1,
		usableRows(state) - header.length - 1 - bottom.length - widgetRows - (widgetRows > 0 ? 1 : 0),
	);
	const maxScroll = Math.max(0, bodyText.length - textRows);
	const scroll = Math.min(view.scroll, maxScroll);
	const text = bodyText.slice(scroll, scroll + textRows);
	const more = bodyText.length > textRows ? `lines ${scroll + 1}-${scroll + text.length} of ${bodyText.length}` : '';
	while (text.length < textRows) text.push('');
	if (widgetRows > 0) text.push('');
	return {header, text, footer: [rule(width, style, more), ...bottom], maxScroll, textRows};
}

/** The step's whole text: for exercises the prompt, then hints and feedback. */
export function readerText(
	state: TutorState,
	style: TextStyle,
	drawDiagram: StepContext['drawDiagram'],
	commandPane = false,
	observedLive = false,
): string[] {
	const width = state.size.columns;
	const lines = stepTextLines(state, {width, style, drawDiagram, commandPane});
	const exercise = currentExercise(state);
	if (exercise) lines.push(...feedbackLines(exercise, state, width, style, observedLive));
	return lines;
}

export function helpLines(state: TutorState, style: TextStyle): string[] {
	const width = state.size.columns;
	const ascii = style.charset === 'ascii';
	const entries = helpEntries(keyContexts({...state, help: false}), ascii);
	const keyWidth = Math.min(24, Math.max(...entries.map((e) => e.keys.length)) + 2);
	const lines = [bold('Keys', style), rule(width, style)];
	for (const entry of entries) {
		const wrapped = wrapSpans([{text: entry.help}], width - keyWidth, style);
		lines.push(entry.keys.padEnd(keyWidth) + wrapped[0], ...wrapped.slice(1).map((l) => ' '.repeat(keyWidth) + l));
	}
	lines.push('', footer(['help'], ascii));
	const rows = usableRows(state);
	if (lines.length <= rows) return lines;
	const shown = lines.slice(0, rows - 1);
	return [
		...shown,
		`(${lines.length - shown.length} more lines: make the window taller; ${footer(['help'], ascii, ['help'])})`,
	];
}

/** Rows for the command pane under a command step's text: the text keeps at most half. */
export function commandPaneRows(state: TutorState, textLines: number): number {
	const available = usableRows(state) - 2 - 2 - 1;
	return Math.max(4, available - Math.min(textLines, Math.floor(available / 2)));
}

/** How far the reader's text scrolls and by how much a page moves: what the keys need of the layout. */
export interface ScreenLimits {
	readonly maxScroll: number;
	readonly pageRows: number;
}

export interface ReaderScreen {
	readonly frame: ReaderFrame;
	/** The step's whole text (or the real Pod drawn over a diagram step). */
	readonly text: readonly string[];
	readonly exercise?: Exercise;
	/** The command pane's command, and the rows it gets. */
	readonly pane?: {readonly command: CommandSpec; readonly rows: number};
	/** The exercise widget's rows, one per choice when the window is short. */
	readonly widget?: {readonly lines: string[]; readonly compact: boolean};
	readonly limits: ScreenLimits;
}

/** The `lesson:step` of the reader, the key a live drawing belongs to. */
export function stepKey(state: TutorState): string {
	return state.view.name === 'reader' ? `${state.view.lessonId}:${state.view.step}` : '';
}

/** The reader laid out: its text, the widget or command pane under it, the footer and the scroll limits. */
export function readerScreen(
	state: TutorState,
	style: TextStyle,
	drawDiagram: StepContext['drawDiagram'],
	env: NodeJS.ProcessEnv = {},
): ReaderScreen {
	const width = state.size.columns;
	const step = currentStep(state);
	const exercise = currentExercise(state);
	const observed = observedCommand(state);
	const drawing = state.liveDrawing?.step === stepKey(state) ? state.liveDrawing.lines : undefined;
	const text = drawing ?? readerText(state, style, drawDiagram, step?.kind === 'command', observed !== undefined);
	const command = paneCommand(state);
	const paneRows = command ? commandPaneRows(state, text.length) : 0;
	let widget: ReaderScreen['widget'];
	if (exercise && !observed) {
		const {compact} = widgetLayout(exercise, width, state.size.rows, style);
		const fieldFocused = !(state.view.name === 'reader' && state.view.fieldLeft);
		const shown = {
			input: inputOf(state, exercise),
			lastAnswer: lastAnswerOf(exercise, state.progress),
			fieldFocused,
		};
		widget = {lines: widgetLines(exercise, shown, width, style, compact, env), compact};
	}
	const frame = readerFrame(state, style, text, widget ? widget.lines.length : paneRows);
	return {
		frame,
		text,
		exercise,
		pane: command ? {command, rows: paneRows} : undefined,
		widget,
		limits: {maxScroll: frame.maxScroll, pageRows: frame.textRows},
	};
}

/** Draws a command pane as text (the pane as it looks before anything runs). */
export type PaneLines = (command: CommandSpec, width: number, rows: number, style: TextStyle) => string[];

/**
 * The whole screen as text, for every screen there is: what the first frame prints before Ink
 * has loaded. A command pane's rows come from `paneLines`, or are left blank.
 */
export function screenLines(
	state: TutorState,
	style: TextStyle,
	drawDiagram: StepContext['drawDiagram'],
	env: NodeJS.ProcessEnv = {},
	paneLines?: PaneLines,
): string[] {
	if (isTooSmall(state)) return tooSmallLines(state);
	if (state.help) return helpLines(state, style);
	if (state.view.name === 'home') return homeLines(state, style);
	const screen = readerScreen(state, style, drawDiagram, env);
	const {pane} = screen;
	const blank = () => Array.from({length: pane?.rows ?? 0}, () => '');
	const middle = screen.widget
		? screen.widget.lines
		: pane && paneLines
			? paneLines(pane.command, state.size.columns, pane.rows, style)
			: blank();
	return [...screen.frame.header, ...screen.frame.text, ...middle, ...screen.frame.footer];
}
