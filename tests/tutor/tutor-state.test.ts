import {describe, expect, it} from 'vitest';
import {emptyProgress} from '../../src/progress/progress-data.js';
import {initialState, initialView, lessonStatus, tutorReducer, type TutorState} from '../../src/tutor/tutor-state.js';
import {findExerciseStep, repoCourse} from './course-fixture.js';

const size = {columns: 80, rows: 24};

function state(): TutorState {
	return initialState(repoCourse(), emptyProgress(), size);
}

describe('initial view', () => {
	it('opens the home screen on the first lesson for a new learner', () => {
		expect(initialView(repoCourse(), emptyProgress())).toEqual({name: 'home', cursor: 0});
	});

	it('resumes at the exact step saved as the last position', () => {
		const course = repoCourse();
		const lesson = course.lessons[2];
		const progress = {...emptyProgress(), last: {lessonId: lesson.id, step: 3, at: '2026-01-01T00:00:00Z'}};
		expect(initialView(course, progress)).toEqual({name: 'reader', lessonId: lesson.id, step: 3, scroll: 0});
	});

	it('clamps a saved step that no longer exists (the lesson got shorter)', () => {
		const course = repoCourse();
		const lesson = course.lessons[0];
		const progress = {...emptyProgress(), last: {lessonId: lesson.id, step: 999, at: '2026-01-01T00:00:00Z'}};
		expect(initialView(course, progress)).toMatchObject({step: lesson.steps.length - 1});
	});

	it('ignores a last position in a lesson that is gone', () => {
		const progress = {...emptyProgress(), last: {lessonId: 'no-such-lesson', step: 2, at: '2026-01-01T00:00:00Z'}};
		expect(initialView(repoCourse(), progress).name).toBe('home');
	});

	it('opens a named lesson at its own saved step', () => {
		const course = repoCourse();
		const lesson = course.lessons[1];
		const progress = {
			...emptyProgress(),
			lessons: {[lesson.id]: {currentStep: 2, furthestStep: 4, completed: false, updatedAt: ''}},
		};
		expect(initialView(course, progress, lesson.id)).toEqual({
			name: 'reader',
			lessonId: lesson.id,
			step: 2,
			scroll: 0,
		});
	});
});

describe('reducer', () => {
	it('moves the home cursor within the list', () => {
		let s = state();
		s = tutorReducer(s, {type: 'moveCursor', delta: -1});
		expect(s.view).toEqual({name: 'home', cursor: 0});
		s = tutorReducer(s, {type: 'moveCursor', delta: 100});
		expect(s.view).toEqual({name: 'home', cursor: repoCourse().lessons.length - 1});
	});

	it('pages through steps and returns home after the last one, on the next lesson', () => {
		const course = repoCourse();
		let s = tutorReducer(state(), {type: 'open', lessonId: course.lessons[0].id});
		expect(s.view).toMatchObject({name: 'reader', step: 0});
		s = tutorReducer(s, {type: 'step', delta: -1});
		expect(s.view).toMatchObject({step: 0});
		for (let i = 1; i < course.lessons[0].steps.length; i++) s = tutorReducer(s, {type: 'step', delta: 1});
		expect(s.view).toMatchObject({step: course.lessons[0].steps.length - 1});
		s = tutorReducer(s, {type: 'step', delta: 1});
		expect(s.view).toEqual({name: 'home', cursor: 1});
	});

	it('scrolls within bounds and resets the scroll on a new step', () => {
		let s = tutorReducer(state(), {type: 'open', lessonId: repoCourse().lessons[0].id});
		s = tutorReducer(s, {type: 'scroll', delta: 5, max: 3});
		expect(s.view).toMatchObject({scroll: 3});
		s = tutorReducer(s, {type: 'scroll', delta: -10, max: 3});
		expect(s.view).toMatchObject({scroll: 0});
		s = tutorReducer(s, {type: 'scroll', delta: 2, max: 3});
		s = tutorReducer(s, {type: 'step', delta: 1});
		expect(s.view).toMatchObject({step: 1, scroll: 0});
	});

	it('shows hints one at a time, never more than there are', () => {
		const {exercise} = findExerciseStep('single-choice');
		let s = state();
		for (let i = 0; i < exercise.hints.length + 3; i++)
			s = tutorReducer(s, {type: 'hint', exerciseId: exercise.id, hintCount: exercise.hints.length});
		expect(s.sessions[exercise.id].hintsShown).toBe(exercise.hints.length);
	});

	it('refuses to reveal the solution before an attempt, then allows it', () => {
		const {exercise} = findExerciseStep('single-choice');
		let s = tutorReducer(state(), {type: 'reveal', exerciseId: exercise.id});
		expect(s.sessions[exercise.id]?.revealed ?? false).toBe(false);
		expect(s.notice).toMatch(/attempt/);
		s = tutorReducer(s, {
			type: 'checked',
			exerciseId: exercise.id,
			result: {id: exercise.id, correct: false, malformed: false, checks: [], feedback: 'no'},
		});
		s = tutorReducer(s, {type: 'reveal', exerciseId: exercise.id});
		expect(s.sessions[exercise.id].revealed).toBe(true);
	});

	it('counts a saved attempt from an earlier session as an attempt for revealing', () => {
		const {exercise} = findExerciseStep('single-choice');
		const progress = {
			...emptyProgress(),
			exercises: {[exercise.id]: {attempts: 1, correct: false, hintsUsed: 0, revealed: false}},
		};
		const s = tutorReducer(initialState(repoCourse(), progress, size), {type: 'reveal', exerciseId: exercise.id});
		expect(s.sessions[exercise.id].revealed).toBe(true);
	});

	it('toggles help and closes it when a lesson opens', () => {
		let s = tutorReducer(state(), {type: 'toggleHelp'});
		expect(s.help).toBe(true);
		s = tutorReducer(s, {type: 'open', lessonId: repoCourse().lessons[0].id});
		expect(s.help).toBe(false);
	});
});

describe('lesson status', () => {
	it('is not started, in progress, then done', () => {
		const lesson = repoCourse().lessons[0];
		const progress = emptyProgress();
		expect(lessonStatus(lesson, progress)).toBe('not-started');
		progress.lessons[lesson.id] = {currentStep: 1, furthestStep: 1, completed: false, updatedAt: ''};
		expect(lessonStatus(lesson, progress)).toBe('in-progress');
		progress.lessons[lesson.id] = {
			currentStep: 1,
			furthestStep: lesson.steps.length - 1,
			completed: true,
			updatedAt: '',
		};
		expect(lessonStatus(lesson, progress)).toBe('done');
	});

	it('counts an attempted exercise as progress even on the first step', () => {
		const {lesson, exercise} = findExerciseStep('multiple-choice');
		const progress = {
			...emptyProgress(),
			exercises: {[exercise.id]: {attempts: 1, correct: false, hintsUsed: 0, revealed: false}},
		};
		expect(lessonStatus(lesson, progress)).toBe('in-progress');
	});
});
