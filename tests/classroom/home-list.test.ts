import {describe, expect, it} from 'vitest';
import {detectTextStyle, visibleWidth} from '../../src/render/text-style.js';
import {emptyProgress} from '../../src/progress/progress-data.js';
import {homeLines} from '../../src/tutor/screen.js';
import {initialState, tutorReducer as reduce} from '../../src/tutor/tutor-state.js';
import {repoCourse} from '../tutor/course-fixture.js';

const style = detectTextStyle({LANG: 'C'}, true);

describe('the home list in a small window', () => {
	it('at 60x20 says which lessons it shows and that more follow', () => {
		const course = repoCourse();
		const state = initialState(course, emptyProgress(), {columns: 60, rows: 20});
		const lines = homeLines(state, style);
		const listed = lines.filter((line) => /^[ >] .{1,3} +\d+\. /.test(line));
		expect(listed.length).toBeLessThan(course.lessons.length);
		expect(
			lines.some((line) => line.includes(`lessons 1-${listed.length} of ${course.lessons.length}, more below`)),
		).toBe(true);
		expect(lines.every((line) => visibleWidth(line) <= 60)).toBe(true);
	});

	it('at the end of the list says where it is, without "more below"', () => {
		const course = repoCourse();
		let state = initialState(course, emptyProgress(), {columns: 60, rows: 20});
		for (let i = 0; i < course.lessons.length; i++) state = reduce(state, {type: 'moveCursor', delta: 1});
		const label = homeLines(state, style).find((line) => line.includes(`of ${course.lessons.length}`));
		expect(label).toMatch(new RegExp(`lessons \\d+-${course.lessons.length} of ${course.lessons.length} `));
		expect(label).not.toContain('more below');
	});

	it('at 80x40 the whole list fits and nothing is said', () => {
		const course = repoCourse();
		const lines = homeLines(initialState(course, emptyProgress(), {columns: 80, rows: 40}), style);
		expect(lines.some((line) => line.includes('more below') || line.includes(`of ${course.lessons.length} `))).toBe(
			false,
		);
	});
});
