import {describe, expect, it} from 'vitest';
import {emptyProgress} from '../../src/progress/progress-data.js';
import {drawDiagramStep} from '../../src/render/diagram-step.js';
import type {TextStyle} from '../../src/render/text-style.js';
import {firstFrame} from '../../src/tutor/first-frame.js';
import {initialState, tutorReducer} from '../../src/tutor/tutor-state.js';
import {KEY} from '../../src/ui/terminal-input.js';
import {Typeahead} from '../../src/ui/terminal-typeahead.js';
import {findExerciseStep, repoCourse} from '../tutor/course-fixture.js';

const style: TextStyle = {charset: 'ascii', attributes: false, color: false};
const size = {columns: 80, rows: 24};

function typeahead(state = initialState(repoCourse(), emptyProgress(), size)) {
	const frames: string[][] = [];
	const t = new Typeahead(state, style, drawDiagramStep, (lines) => frames.push([...lines]));
	return {t, frames};
}

describe('Typeahead (keys before Ink)', () => {
	it("moves, opens and pages with the app's reducer and draws the app's screens", () => {
		const {t, frames} = typeahead();
		for (const key of ['j', KEY.down, '\r', 'l']) t.take(key);
		expect(t.queued).toEqual([]);
		expect(t.state.view).toMatchObject({name: 'reader', lessonId: repoCourse().lessons[2].id, step: 1});
		expect(frames.at(-1)).toEqual(firstFrame(t.state, style, drawDiagramStep));
		expect(t.visited.map((v) => v.step)).toEqual([0, 1]);
	});

	it('leaves to the app what needs it (quit, exercises), and every key after it, in order', () => {
		const {t} = typeahead();
		t.take('j');
		t.take('q');
		t.take('j');
		expect(t.queued).toEqual(['q', 'j']);
		expect(t.state.view).toMatchObject({name: 'home', cursor: 1});
	});

	it('does not touch an exercise step: its widget holds state only the app has', () => {
		const {lesson, step} = findExerciseStep('single-choice');
		const base = initialState(repoCourse(), emptyProgress(), size);
		const {t, frames} = typeahead(tutorReducer(base, {type: 'open', lessonId: lesson.id, step}));
		t.take(KEY.down);
		t.take('l');
		expect(t.queued).toEqual([KEY.down, 'l']);
		expect(frames).toEqual([]);
	});

	it('redraws at a new size', () => {
		const {t, frames} = typeahead();
		t.resize({columns: 60, rows: 16});
		expect(frames.at(-1)?.[0].length).toBeLessThanOrEqual(60);
	});
});
