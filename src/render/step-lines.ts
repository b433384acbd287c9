import {recordedName, type Course, type Exercise, type Lesson, type Step} from '../content/types.js';
import {markupLines, verbatimLines, wrapSpans} from './markup-lines.js';
import {bold, dim, type TextStyle} from './text-style.js';
import {shownArgs} from '../live/step-plan.js';

export interface StepContext {
	readonly lesson: Lesson;
	readonly course: Course;
	readonly width: number;
	readonly style: TextStyle;
	/** Draws a diagram step at the width; returns lines or a message saying what is wrong. */
	readonly drawDiagram: (
		step: Extract<Step, {kind: 'diagram'}>,
		lesson: Lesson,
		width: number,
		style: TextStyle,
	) => {ok: true; lines: string[]} | {ok: false; error: string};
	/** Plain output (pod-tutor show): exercises end with how to answer on the command line. */
	readonly plain?: boolean;
	/** The tutor draws command steps' command and output in its command pane. */
	readonly commandPane?: boolean;
}

export function commandLine(tool: string, args: readonly string[]): string {
	return [tool, ...args.map((a) => (/^[\w@%+=:,./{}-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))].join(' ');
}

export function exerciseKindLabel(exercise: Exercise): string {
	switch (exercise.kind) {
		case 'single-choice':
			return 'Choose one';
		case 'multiple-choice':
			return 'Select all that apply';
		case 'free-text':
			return 'Answer in your own words';
		case 'quantity':
			return 'Give a quantity';
		case 'ordering':
			return 'Put in order';
		case 'manifest':
			return 'Write a manifest';
		case 'predict':
			return 'Predict, then observe';
	}
}

/** How to answer an exercise from the shell, for plain output and the non-terminal fallback. */
export function cliAnswerHint(exercise: Exercise): string {
	const id = exercise.id;
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict':
			return `pod-tutor check ${id} <choice>   (e.g. pod-tutor check ${id} ${exercise.choices[0].id})`;
		case 'multiple-choice':
			return `pod-tutor check ${id} <choice> <choice>...`;
		case 'free-text':
			return `pod-tutor check ${id} "<your answer>"`;
		case 'quantity':
			return `pod-tutor check ${id} <quantity>   (e.g. 250m, 0.5, 128Mi)`;
		case 'ordering':
			return `pod-tutor check ${id} ${exercise.items.map((_, i) => i + 1).join(' ')}   (positions, in the right order)`;
		case 'manifest':
			return `pod-tutor check ${id} --file pod.yaml   (or --file - to read standard input)`;
	}
}

/** The exercise's prompt and its options, as text. The interactive part is drawn by the UI. */
export function exerciseLines(exercise: Exercise, width: number, style: TextStyle, plain: boolean): string[] {
	const lines = [bold(`${exerciseKindLabel(exercise)}:`, style), ...markupLines(exercise.prompt, width, style)];
	if (!plain) return lines;
	lines.push('');
	if (exercise.kind === 'single-choice' || exercise.kind === 'multiple-choice' || exercise.kind === 'predict') {
		for (const choice of exercise.choices) lines.push(...markupLines(`${choice.id}) ${choice.text}`, width, style));
	} else if (exercise.kind === 'ordering') {
		exercise.items.forEach((item, i) => lines.push(...markupLines(`${i + 1}. ${item.text}`, width, style)));
	} else if (exercise.kind === 'manifest') {
		lines.push('Start from:', ...verbatimLines(exercise.template, width, style, '  '));
	}
	// Wrapped like prose, continuation lines indented, so the hint stays within the width.
	lines.push('', ...wrapSpans([{text: cliAnswerHint(exercise)}], width, style, 'Answer: ', '  '));
	return lines;
}

/** A step's content as lines of at most `width` columns. */
export function stepLines(step: Step, ctx: StepContext): string[] {
	const {width, style} = ctx;
	const lines: string[] = [];
	if (step.title) lines.push(bold(step.title, style), '');
	switch (step.kind) {
		case 'text':
			lines.push(...markupLines(step.body, width, style));
			break;
		case 'code':
			if (step.caption) lines.push(...markupLines(step.caption, width, style), '');
			lines.push(...verbatimLines(step.body, width, style, step.lang === 'shell' ? '' : '  '));
			break;
		case 'diagram': {
			const drawn = ctx.drawDiagram(step, ctx.lesson, width, style);
			if (drawn.ok) lines.push(...drawn.lines);
			else lines.push(...markupLines(`The diagram cannot be drawn: ${drawn.error}`, width, style));
			if (step.caption) lines.push('', ...markupLines(step.caption, width, style));
			break;
		}
		case 'exercise': {
			const exercise = ctx.course.exercises.get(step.exercise);
			if (exercise) lines.push(...exerciseLines(exercise, width, style, ctx.plain === true));
			else lines.push(`Exercise "${step.exercise}" is missing.`);
			break;
		}
		case 'command':
			// In the tutor the command pane shows the command line and its output; the text has the rest.
			if (ctx.plain || !ctx.commandPane)
				lines.push(...verbatimLines(`$ ${commandLine(step.tool, shownArgs(step))}`, width, style));
			if (ctx.plain || !ctx.commandPane) {
				const where = step.tool === 'kubectl' ? 'cluster' : step.tool === 'crictl' ? 'CRI runtime' : 'podman';
				lines.push(
					...markupLines(
						`${recordedName(step.recorded)} (${step.recorded.from === 'sample' ? `an illustration in ${step.tool}'s format; ` : ''}run ` +
							`it yourself against a ${where} to see yours):`,
						width,
						style,
					).map((l) => dim(l, style)),
				);
				lines.push(...verbatimLines(step.recorded.output, width, style, '  '));
			}
			if (step.explain)
				lines.push(
					...(lines.length > 0 && lines[lines.length - 1] !== '' ? [''] : []),
					...markupLines(step.explain, width, style),
				);
			break;
	}
	return lines;
}
