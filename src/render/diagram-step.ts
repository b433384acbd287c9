import {renderDiagramStep} from '../diagram/lesson-diagram.js';
import type {StepContext} from './step-lines.js';

/** Draws a lesson's diagram step with the diagram engine, in the terminal's character set. */
export const drawDiagramStep: StepContext['drawDiagram'] = (step, lesson, width, style) => renderDiagramStep(step, lesson.file, width, style.charset);
