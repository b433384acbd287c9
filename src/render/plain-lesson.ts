import type {Course, Lesson} from '../content/types.js';
import {markupLines} from './markup-lines.js';
import {stepLines, type StepContext} from './step-lines.js';
import {toAscii, type TextStyle} from './text-style.js';

/** A whole lesson as plain text: `pod-tutor show` and the tutor without a terminal. */
export function plainLesson(
	lesson: Lesson,
	course: Course,
	width: number,
	style: TextStyle,
	drawDiagram: StepContext['drawDiagram'],
): string[] {
	const number = course.lessons.indexOf(lesson) + 1;
	const title = `Lesson ${number}: ${style.charset === 'ascii' ? toAscii(lesson.title) : lesson.title}`;
	const lines = [title, '='.repeat(Math.min(width, title.length)), ...markupLines(lesson.summary, width, style)];
	lesson.steps.forEach((step, i) => {
		const heading = `--- Step ${i + 1}/${lesson.steps.length}${step.kind === 'exercise' ? ` (exercise ${step.exercise})` : ''} ---`;
		lines.push('', heading, ...stepLines(step, {lesson, course, width, style, drawDiagram, plain: true}));
	});
	if (lesson.sources.length > 0) lines.push('', 'Sources:', ...lesson.sources.map((s) => `  ${s}`));
	return lines;
}
