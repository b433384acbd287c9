import {describe, expect, it} from 'vitest';
import {drawDiagramStep} from '../../src/render/diagram-step.js';
import {plainLesson} from '../../src/render/plain-lesson.js';
import {visibleWidth} from '../../src/render/text-style.js';
import {repoCourse} from '../tutor/course-fixture.js';

describe('every lesson as plain text (pod-tutor show, a pipe, plain mode)', () => {
	const course = repoCourse();
	for (const width of [80, 60]) {
		it.each(course.lessons.map((l) => [l.id, l] as const))(`%s fits ${width} columns`, (_, lesson) => {
			const style = {charset: 'ascii', attributes: false, color: false} as const;
			const lines = plainLesson(lesson, course, width, style, drawDiagramStep);
			// A source's address cannot be broken; everything else wraps.
			const over = lines.filter((line) => visibleWidth(line) > width && !/^\s*https?:\/\/\S+$/.test(line));
			expect(over).toEqual([]);
		});
	}
});
