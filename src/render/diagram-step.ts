import {renderDiagramStep} from '../diagram/lesson-diagram.js';
import type {StepContext} from './step-lines.js';

type Drawn = ReturnType<StepContext['drawDiagram']>;

/**
 * The reader draws the current step on every key; a diagram step would re-read and re-parse its
 * spec file each time. Drawings are kept per step, width and character set (the last few only).
 */
const drawn = new Map<string, Drawn>();
const KEEP = 16;

/** Draws a lesson's diagram step with the diagram engine, in the terminal's character set. */
export const drawDiagramStep: StepContext['drawDiagram'] = (step, lesson, width, style) => {
	const key = `${lesson.file}\0${lesson.steps.indexOf(step)}\0${width}\0${style.charset}`;
	const cached = drawn.get(key);
	if (cached) return cached;
	const result = renderDiagramStep(step, lesson.file, width, style.charset);
	if (drawn.size >= KEEP) drawn.delete(drawn.keys().next().value as string);
	drawn.set(key, result);
	return result;
};
