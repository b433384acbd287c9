import type {StepContext} from '../render/step-lines.js';
import type {TextStyle} from '../render/text-style.js';
import {screenLines} from './screen.js';
import type {TutorState} from './tutor-state.js';

/**
 * The screen as the app will draw it, printed before Ink has loaded: the same text functions as
 * the app's (src/tutor/screen.ts), widgets included; a command pane's rows are left blank. The
 * environment names the editor on a manifest exercise, as the app's default does.
 */
export function firstFrame(state: TutorState, style: TextStyle, drawDiagram: StepContext['drawDiagram'], env: NodeJS.ProcessEnv = process.env): string[] {
	return screenLines(state, style, drawDiagram, env);
}
