/**
 * `pod-tutor --plain` (and TERM=dumb): the tutor as a conversation of lines, for screen readers
 * and terminals that cannot address the cursor. The lesson in reading order, one step at a time;
 * diagrams as the sentences the diagram engine writes; choices as numbered lists answered by
 * typing; nothing is ever redrawn, so a screen reader reads each line once. Answers go through
 * the same checker and progress store as the full-screen tutor.
 *
 * No React, no Ink: lines in, lines out.
 */
import {brokenReason, VALIDATE_POINTER} from '../content/broken-reason.js';
import type {Course, Exercise, Lesson, Step} from '../content/types.js';
import {describeDiagramStep} from '../diagram/lesson-diagram.js';
import {checkAnswerReady, type CheckResult} from '../exercises/check-answer.js';
import {parseCliAnswer} from '../exercises/cli-answer.js';
import type {Answer} from '../exercises/answer.js';
import {buildProgressReport} from '../progress/progress-report.js';
import type {ProgressResult, ProgressStore} from '../progress/progress-store.js';
import {initialView} from '../tutor/tutor-state.js';
import {parseInline} from '../content/markup.js';
import {markupLines, verbatimLines, wrapSpans} from './markup-lines.js';
import {commandLine, exerciseKindLabel, stepLines} from './step-lines.js';
import {toAscii, type TextStyle} from './text-style.js';

/** The next line the learner typed, without its newline; undefined once the input has ended. */
export type ReadLine = () => Promise<string | undefined>;

export interface PlainTutorOptions {
	readonly course: Course;
	readonly store: ProgressStore;
	readonly style: TextStyle;
	readonly width: number;
	readonly readLine: ReadLine;
	readonly write: (text: string) => void;
	/** Open this lesson instead of where the learner left off. */
	readonly lessonId?: string;
	/** Told first (a damaged progress file, a lab config problem). */
	readonly notice?: string;
	/** Reads a manifest file the learner names with `file PATH`. */
	readonly readText: (path: string) => string;
}

const HELP = [
	'Plain mode: type a command and press Enter.',
	'  Enter or next: the next step        back: the previous step',
	'  again: this step once more          lessons: the list of lessons',
	'  quit: leave (your progress is saved after every step and answer)',
	'At an exercise, type your answer, or: hint, solution (shows the answer), next (skip).',
	'Choices: type the number, or several numbers with spaces for "select all that apply".',
];

/** A manifest typed in plain mode ends with a line holding only this. */
const END_OF_MANIFEST = '.';

const NAVIGATION_WORDS: ReadonlySet<string> = new Set(['next', 'back', 'again', 'lessons', 'quit', 'help']);

type Outcome = 'next' | 'back' | 'again' | 'lessons' | 'quit';

export class PlainTutor {
	private readonly options: PlainTutorOptions;

	constructor(options: PlainTutorOptions) {
		this.options = options;
	}

	private say(...lines: string[]): void {
		const {style} = this.options;
		const text = lines.map((line) => (style.charset === 'ascii' ? toAscii(line) : line)).join('\n');
		this.options.write(`${text}\n`);
	}

	/** "3. " then the text, wrapped under itself. */
	private numbered(markup: string, n: number): string[] {
		const first = `${n}. `;
		return wrapSpans(parseInline(markup), this.options.width, this.options.style, first, ' '.repeat(first.length));
	}

	private text(markup: string): string[] {
		return markupLines(markup, this.options.width, this.options.style);
	}

	private saved(result: ProgressResult): void {
		if (!result.ok) this.say(`(Not saved: ${result.error})`);
		else if (result.warning) this.say(`(${result.warning})`);
	}

	private async ask(prompt: string): Promise<string | undefined> {
		this.options.write(`${prompt}> `);
		const line = await this.options.readLine();
		// A prompt left without a newline would glue the next output to it (pipes, screen readers).
		if (line === undefined) this.options.write('\n');
		return line?.trim();
	}

	/** Runs until the learner quits or the input ends; returns the exit code. */
	async run(): Promise<number> {
		const {course, store, notice, lessonId} = this.options;
		if (notice) this.say(notice, '');
		if (course.lessons.length === 0) {
			this.say('No lessons could be loaded. Run pod-tutor validate to see why.');
			return 1;
		}
		this.say('pod-tutor, plain mode. Type help at any prompt for the commands.');
		const view = initialView(course, store.data(), lessonId);
		let current: {lesson: Lesson; step: number} | undefined;
		if (view.name === 'reader') {
			const lesson = course.lessons.find((l) => l.id === view.lessonId);
			if (lesson) current = {lesson, step: view.step};
		}
		for (;;) {
			if (!current) {
				const picked = await this.home();
				if (!picked) return 0;
				current = {lesson: picked, step: store.data().lessons[picked.id]?.currentStep ?? 0};
				current.step = Math.min(current.step, picked.steps.length - 1);
			}
			const next = await this.lesson(current.lesson, current.step);
			if (next === 'quit') return 0;
			if (next === 'lessons') current = undefined;
			else {
				const index = course.lessons.indexOf(current.lesson) + 1;
				current = index < course.lessons.length ? {lesson: course.lessons[index], step: 0} : undefined;
			}
		}
	}

	private async home(): Promise<Lesson | undefined> {
		const {course, store} = this.options;
		const report = buildProgressReport(course, store.refresh(), store.file);
		const label = {done: 'done', 'in-progress': 'in progress', 'not-started': 'not started'} as const;
		this.say('', `Lessons (${report.totals.done} of ${report.totals.lessons} done):`);
		report.lessons.forEach((lesson, i) => this.say(`${i + 1}. ${lesson.title} (${label[lesson.state]})`));
		// The same reasons as the home screen, whole: a line here is not cut to the terminal's width.
		for (const broken of course.broken) this.say(`Not loaded: ${brokenReason(broken)}${VALIDATE_POINTER}`);
		const suggested = report.lessons.findIndex((l) => l.state !== 'done');
		const fallback = suggested >= 0 ? suggested : 0;
		for (;;) {
			const line = await this.ask(`Lesson number 1-${report.lessons.length}, Enter for ${fallback + 1}, or quit`);
			if (line === undefined || line === 'quit' || line === 'q') return undefined;
			if (line === 'help' || line === '?') {
				this.say(...HELP);
				continue;
			}
			const number = line === '' ? fallback + 1 : Number(line);
			if (Number.isInteger(number) && number >= 1 && number <= course.lessons.length)
				return course.lessons[number - 1];
			this.say(`There is no lesson "${line}": type a number from 1 to ${course.lessons.length}.`);
		}
	}

	private async lesson(lesson: Lesson, start: number): Promise<'next' | 'lessons' | 'quit'> {
		const {course, store} = this.options;
		const number = course.lessons.indexOf(lesson) + 1;
		this.say('', `Lesson ${number}: ${lesson.title}`);
		if (start === 0) this.say(...this.text(lesson.summary));
		let step = start;
		for (;;) {
			this.saved(store.visitStep(lesson.id, step, lesson.steps.length));
			const outcome = await this.step(lesson, step);
			if (outcome === 'quit' || outcome === 'lessons') return outcome;
			if (outcome === 'back') step = Math.max(0, step - 1);
			else if (outcome === 'next') {
				if (step + 1 >= lesson.steps.length) {
					this.say('', `End of lesson ${number}: ${lesson.title}.`);
					if (lesson.sources.length > 0) this.say('Sources:', ...lesson.sources.map((s) => `  ${s}`));
					return 'next';
				}
				step += 1;
			}
		}
	}

	private stepText(lesson: Lesson, step: Step): string[] {
		const {course, width, style} = this.options;
		if (step.kind === 'diagram') {
			const described = describeDiagramStep(step, lesson.file);
			const lines = [...(step.title ? [step.title, ''] : []), 'Diagram, in words:'];
			if (described.ok) lines.push(...described.lines.flatMap((line) => this.text(line)));
			else lines.push(...this.text(`The diagram cannot be described: ${described.error}`));
			if (step.caption) lines.push('', ...this.text(step.caption));
			return lines;
		}
		if (step.kind === 'exercise') return [];
		return stepLines(step, {
			lesson,
			course,
			width,
			style,
			drawDiagram: () => ({ok: false, error: 'not drawn in plain mode'}),
			plain: true,
		});
	}

	private async step(lesson: Lesson, index: number): Promise<Outcome> {
		const step = lesson.steps[index];
		this.say('', `Step ${index + 1} of ${lesson.steps.length}${step.title ? `: ${step.title}` : ''}`);
		if (step.kind === 'exercise') {
			const exercise = this.options.course.exercises.get(step.exercise);
			if (!exercise) this.say(`Exercise "${step.exercise}" is missing from the course.`);
			else return this.exercise(exercise);
		} else {
			const lines = this.stepText(lesson, step);
			this.say(...(step.title && lines[0] === step.title ? lines.slice(2) : lines));
		}
		return this.navigate('Enter for the next step, or back, again, lessons, quit');
	}

	private async navigate(prompt: string): Promise<Outcome> {
		for (;;) {
			const line = await this.ask(prompt);
			const outcome = this.command(line);
			if (outcome === 'stay') continue;
			if (outcome) return outcome;
			this.say(`"${line}" is not a command here. Type help for the commands.`);
		}
	}

	/** A navigation word, or undefined; `help` is answered here ('stay': ask again). */
	private command(line: string | undefined): Outcome | 'stay' | undefined {
		if (line === undefined) return 'quit';
		switch (line.toLowerCase()) {
			case '':
			case 'next':
			case 'n':
				return 'next';
			case 'back':
			case 'b':
				return 'back';
			case 'again':
				return 'again';
			case 'lessons':
			case 'list':
				return 'lessons';
			case 'quit':
			case 'q':
				return 'quit';
			case 'help':
			case '?':
				this.say(...HELP);
				return 'stay';
			default:
				return undefined;
		}
	}

	private exerciseLines(exercise: Exercise): string[] {
		const lines = [`${exerciseKindLabel(exercise)}:`, ...this.text(exercise.prompt)];
		if (exercise.kind === 'single-choice' || exercise.kind === 'multiple-choice' || exercise.kind === 'predict') {
			exercise.choices.forEach((choice, i) => lines.push(...this.numbered(choice.text, i + 1)));
		} else if (exercise.kind === 'ordering') {
			exercise.items.forEach((item, i) => lines.push(...this.numbered(item.text, i + 1)));
		} else if (exercise.kind === 'manifest') {
			lines.push(
				'Start from this manifest:',
				...verbatimLines(exercise.template, this.options.width, this.options.style, '  '),
			);
		}
		return lines;
	}

	private howToAnswer(exercise: Exercise): string {
		switch (exercise.kind) {
			case 'single-choice':
			case 'predict':
				return `Type the number of your choice (1-${exercise.choices.length})`;
			case 'multiple-choice':
				return `Type the numbers of every choice that applies, e.g. 1 3`;
			case 'ordering': {
				const count = exercise.items.length;
				const example = exercise.items.map((_, i) => count - i).join(' ');
				return `Type the numbers 1-${count} in the right order, e.g. ${example}`;
			}
			case 'quantity':
				return 'Type the quantity';
			case 'free-text':
				return 'Type your answer';
			case 'manifest':
				return `Type the manifest, then a line with only a dot; or type: file PATH`;
		}
	}

	/** Turns what was typed into an Answer, the way `pod-tutor check` does, with numbers for choices. */
	private async readAnswer(
		exercise: Exercise,
		line: string,
	): Promise<{ok: true; answer: Answer} | {ok: false; error: string}> {
		if (exercise.kind === 'manifest') {
			if (line.startsWith('file '))
				return parseCliAnswer(exercise, ['--file', line.slice('file '.length).trim()], this.options.readText);
			const lines = [line];
			for (;;) {
				const next = await this.options.readLine();
				if (next === undefined || next.trim() === END_OF_MANIFEST) break;
				lines.push(next);
			}
			return {ok: true, answer: {kind: 'manifest', source: `${lines.join('\n')}\n`, origin: 'typed'}};
		}
		let parts = line.split(/[\s,]+/).filter((part) => part !== '');
		if (exercise.kind === 'single-choice' || exercise.kind === 'multiple-choice' || exercise.kind === 'predict') {
			const choices = exercise.choices;
			const bad = parts.find((part) => /^\d+$/.test(part) && (Number(part) < 1 || Number(part) > choices.length));
			if (bad) return {ok: false, error: `there is no choice ${bad}: type a number from 1 to ${choices.length}`};
			parts = parts.map((part) => (/^\d+$/.test(part) ? choices[Number(part) - 1].id : part));
			const parsed = parseCliAnswer(exercise, parts, this.options.readText);
			// The checker's own message speaks of choice ids and `pod-tutor check`; here they are numbers.
			return parsed.ok ? parsed : {ok: false, error: this.howToAnswer(exercise)};
		}
		if (exercise.kind === 'ordering') {
			const parsed = parseCliAnswer(exercise, parts, this.options.readText);
			return parsed.ok ? parsed : {ok: false, error: `${this.howToAnswer(exercise)}, each number once`};
		}
		return parseCliAnswer(exercise, [line], this.options.readText);
	}

	private verdict(exercise: Exercise, result: CheckResult): void {
		if (result.correct) this.say('Right.');
		else this.say('Not yet.');
		if (result.checks.length > 1)
			for (const check of result.checks) this.say(`  ${check.passed ? 'ok:  ' : 'fail:'} ${check.message}`);
		if (result.feedback && result.feedback !== 'Correct.') this.say(...this.text(result.feedback));
		if (exercise.kind === 'predict') {
			this.say(
				'',
				`$ ${commandLine(exercise.observe.tool, exercise.observe.args)}`,
				'Recorded output:',
				...verbatimLines(exercise.observe.recorded.output, this.options.width, this.options.style, '  '),
			);
		}
		if (result.correct) this.say('', ...this.text(exercise.explanation));
	}

	private async exercise(exercise: Exercise): Promise<Outcome> {
		const {store} = this.options;
		this.say(...this.exerciseLines(exercise));
		const record = store.data().exercises[exercise.id];
		if (record?.correct) this.say('(You answered this right before.)');
		let hints = 0;
		let settled = false;
		for (;;) {
			const prompt = settled
				? 'Enter for the next step, or back, again, lessons, quit'
				: `${this.howToAnswer(exercise)}; or hint, solution, next`;
			const line = await this.ask(prompt);
			if (line === undefined) return 'quit';
			const word = line.toLowerCase();
			if (word === 'hint' || word === 'h') {
				if (hints < exercise.hints.length) hints += 1;
				this.say(`Hint ${hints} of ${exercise.hints.length}:`, ...this.text(exercise.hints[hints - 1]));
				this.saved(store.recordHint(exercise.id, hints));
				continue;
			}
			if (word === 'solution') {
				this.say('The answer:', ...this.solution(exercise), '', ...this.text(exercise.explanation));
				// As in the tutor: looking at the answer before trying is reading, not a reveal.
				if ((store.data().exercises[exercise.id]?.attempts ?? 0) > 0)
					this.saved(store.recordReveal(exercise.id));
				settled = true;
				continue;
			}
			// Before an answer is settled only whole words navigate: "b" may be a choice id.
			const navigation = settled
				? this.command(line)
				: NAVIGATION_WORDS.has(word)
					? this.command(word)
					: undefined;
			if (navigation === 'stay') continue;
			if (navigation) return navigation;
			if (settled) {
				this.say(`"${line}" is not a command here. Type help for the commands.`);
				continue;
			}
			if (line === '') {
				this.say('Type your answer first, or next to skip this exercise.');
				continue;
			}
			const read = await this.readAnswer(exercise, line);
			if (!read.ok) {
				this.say(`That answer could not be read: ${read.error}.`);
				continue;
			}
			const result = await checkAnswerReady(exercise, read.answer);
			if (!result.malformed) {
				if (
					exercise.kind === 'predict' &&
					read.answer.kind === 'choice' &&
					!store.data().predictions[exercise.id]
				) {
					this.saved(store.recordPrediction(exercise.id, read.answer.selected[0], result.correct));
				}
				this.saved(store.recordAttempt(exercise.id, {correct: result.correct, answer: read.answer}));
			}
			this.verdict(exercise, result);
			if (result.correct) settled = true;
		}
	}

	private solution(exercise: Exercise): string[] {
		const {width, style} = this.options;
		switch (exercise.kind) {
			case 'single-choice':
			case 'predict': {
				const i = exercise.choices.findIndex((c) => c.id === exercise.answer);
				return this.numbered(exercise.choices[i]?.text ?? exercise.answer, i + 1);
			}
			case 'multiple-choice':
				return exercise.choices.flatMap((c, i) =>
					exercise.answer.includes(c.id) ? this.numbered(c.text, i + 1) : [],
				);
			case 'ordering':
				return exercise.answer.flatMap((id, n) => {
					const i = exercise.items.findIndex((item) => item.id === id);
					return this.numbered(`(item ${i + 1}) ${exercise.items[i]?.text ?? id}`, n + 1);
				});
			case 'quantity':
			case 'free-text':
				return this.text(exercise.answer);
			case 'manifest':
				return verbatimLines(exercise.answer, width, style, '  ');
		}
	}
}
