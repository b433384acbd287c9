import {describe, expect, it} from 'vitest';
import {checkAnswer} from '../../src/exercises/check-answer.js';
import {emptyProgress} from '../../src/progress/progress-data.js';
import {drawDiagramStep} from '../../src/render/diagram-step.js';
import {visibleWidth, type TextStyle} from '../../src/render/text-style.js';
import {BINDINGS} from '../../src/tutor/keymap.js';
import {firstFrame} from '../../src/tutor/first-frame.js';
import {feedbackLines, helpLines, homeLines} from '../../src/tutor/screen.js';
import {initialState, tutorReducer, type TutorState} from '../../src/tutor/tutor-state.js';
import {repoCourse} from './course-fixture.js';

const unicode: TextStyle = {charset: 'unicode', attributes: true, color: true};
const ascii: TextStyle = {charset: 'ascii', attributes: false, color: false};
const SIZES = [
	{columns: 80, rows: 24},
	{columns: 60, rows: 16},
	{columns: 120, rows: 40},
];

function at(size: {columns: number; rows: number}): TutorState {
	return initialState(repoCourse(), emptyProgress(), size);
}

/** Every screen of every step of every lesson, at this size and style. */
function everyFrame(size: {columns: number; rows: number}, style: TextStyle): Array<{where: string; lines: string[]}> {
	const frames = [{where: 'home', lines: firstFrame(at(size), style, drawDiagramStep)}];
	frames.push({
		where: 'help',
		lines: firstFrame(tutorReducer(at(size), {type: 'toggleHelp'}), style, drawDiagramStep),
	});
	for (const lesson of repoCourse().lessons) {
		let s = tutorReducer(at(size), {type: 'open', lessonId: lesson.id, step: 0});
		for (let step = 0; step < lesson.steps.length; step++) {
			frames.push({where: `${lesson.id} step ${step + 1}`, lines: firstFrame(s, style, drawDiagramStep)});
			s = tutorReducer(s, {type: 'step', delta: 1});
		}
	}
	return frames;
}

describe('screens fit the terminal', () => {
	for (const size of SIZES) {
		for (const style of [unicode, ascii]) {
			it(`every screen at ${size.columns}x${size.rows} (${style.charset}) is at most ${size.columns} wide and ${size.rows - 1} high`, () => {
				for (const {where, lines} of everyFrame(size, style)) {
					expect(lines.length, where).toBeLessThanOrEqual(size.rows - 1);
					for (const line of lines)
						expect(visibleWidth(line), `${where}: ${line}`).toBeLessThanOrEqual(size.columns);
				}
			});
		}
	}

	it('uses only ASCII bytes and no escape sequences in the plain style', () => {
		for (const {where, lines} of everyFrame({columns: 80, rows: 24}, ascii)) {
			for (const line of lines) expect(line, where).toMatch(/^[\x20-\x7E]*$/);
		}
	});

	it('says the terminal is too small below 60x16 instead of drawing a broken layout', () => {
		for (const size of [
			{columns: 59, rows: 24},
			{columns: 80, rows: 15},
			{columns: 20, rows: 5},
		]) {
			const text = firstFrame(at(size), unicode, drawDiagramStep).join(' ');
			expect(text).toContain('Terminal too small');
			expect(text).toContain(`${size.columns}x${size.rows}`);
		}
	});
});

describe('home screen', () => {
	it('shows each lesson state by a symbol and a word, never by colour alone', () => {
		const course = repoCourse();
		const progress = emptyProgress();
		progress.lessons[course.lessons[0].id] = {currentStep: 9, furthestStep: 9, completed: true, updatedAt: ''};
		progress.lessons[course.lessons[1].id] = {currentStep: 2, furthestStep: 3, completed: false, updatedAt: ''};
		const lines = homeLines(initialState(course, progress, {columns: 80, rows: 40}), ascii);
		const row = (title: string) => lines.find((l) => l.includes(title)) ?? '';
		expect(row(course.lessons[0].title)).toMatch(/\[x\].*done/);
		expect(row(course.lessons[1].title)).toMatch(/\[~\].*in progress \(step 3\//);
		expect(row(course.lessons[2].title)).toMatch(/\[ \].*not started/);
		expect(lines[0]).toContain(`1/${course.lessons.length} lessons done`);
		expect(lines[1]).toMatch(new RegExp(`^\\[#+\\.+\\]\\s+${Math.round(100 / course.lessons.length)}%$`));
	});

	it('lists a broken lesson by name with a pointer to validate', () => {
		const course = {
			...repoCourse(),
			broken: [{id: 'oops', file: 'lessons/99-oops.yaml', problems: [{file: 'x', path: '', message: 'bad'}]}],
		};
		const text = homeLines(initialState(course, emptyProgress(), {columns: 80, rows: 24}), ascii).join('\n');
		expect(text).toContain('oops');
		expect(text).toContain('pod-tutor validate');
	});
});

describe('help overlay', () => {
	it('says how many lines it could not show on a short window, instead of cutting silently', () => {
		const {lesson, step} = {lesson: repoCourse().lessons[0], step: 0};
		const s = tutorReducer(tutorReducer(at({columns: 60, rows: 16}), {type: 'open', lessonId: lesson.id, step}), {
			type: 'toggleHelp',
		});
		const lines = helpLines(s, ascii);
		expect(lines.length).toBeLessThanOrEqual(15);
		const full = helpLines(
			tutorReducer(tutorReducer(at({columns: 60, rows: 60}), {type: 'open', lessonId: lesson.id, step}), {
				type: 'toggleHelp',
			}),
			ascii,
		);
		if (full.length > 15) expect(lines[lines.length - 1]).toMatch(/\d+ more lines: make the window taller/);
		else expect(lines).toEqual(full);
	});

	it('is generated from the keymap: every binding of the reader is listed', () => {
		const s = tutorReducer(
			tutorReducer(at({columns: 80, rows: 40}), {type: 'open', lessonId: repoCourse().lessons[0].id, step: 0}),
			{type: 'toggleHelp'},
		);
		// Long help texts wrap onto a second line: compare with white space folded.
		const text = helpLines(s, ascii).join('\n').replace(/\s+/g, ' ');
		for (const binding of BINDINGS.filter((b) => b.contexts.includes('reader') || b.contexts.includes('global'))) {
			expect(text).toContain(binding.help);
		}
	});
});

describe("a predict exercise's recorded output, labelled by what it is", () => {
	const checked = (exerciseId: string) => {
		const exercise = repoCourse().exercises.get(exerciseId);
		if (exercise?.kind !== 'predict') throw new Error(`${exerciseId} is not a predict exercise`);
		const state = tutorReducer(at({columns: 100, rows: 30}), {
			type: 'checked',
			exerciseId,
			result: checkAnswer(exercise, {kind: 'choice', selected: [exercise.answer]}),
		});
		return feedbackLines(exercise, state, 100, ascii).join('\n');
	};

	it('an illustrative sample (kubectl, from: sample) is not passed off as printed on a real system', () => {
		const text = checked('ns-pid-predict');
		expect(text).toContain("sample output (an illustration in kubectl's format, not recorded from a real system):");
		expect(text).not.toContain('printed on a real system');
		// The measurement it is compared with, recorded in the same run, and the command filled in.
		expect(text).toContain('$ kubectl exec web-app -c app -- readlink /proc/self/ns/pid');
		expect(text).toContain('pid:[4026532254]');
	});

	it('a real recording (podman, from: real) says it was printed on a real system', () => {
		expect(checked('pause-infra-count')).toContain('recorded output (what podman printed on a real system):');
	});
});
