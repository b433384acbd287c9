import type {CommandSpec} from '../content/types.js';
import {sanitiseTerminalText} from '../text/terminal-sanitiser.js';
import {offlineReason} from '../live/live-context.js';
import type {StepContext} from '../render/step-lines.js';
import type {TextStyle} from '../render/text-style.js';
import {commandLine, cutLine, visibleLines, wrapOutput} from './command-pane-state.js';
import {screenLines} from './screen.js';
import type {TutorState} from './tutor-state.js';

/**
 * The screen as the app will draw it, printed before Ink has loaded, and redrawn by the early key
 * handler (src/ui/terminal-typeahead.ts): the same text functions as the app's
 * (src/tutor/screen.ts), widgets included, and the command pane as it looks before anything
 * runs. tests/ui/first-frame-ink.test.tsx compares every kind of screen with the frame Ink draws.
 * The environment names the editor on a manifest exercise, as the app's default does.
 */
export function firstFrame(state: TutorState, style: TextStyle, drawDiagram: StepContext['drawDiagram'], env: NodeJS.ProcessEnv = process.env): string[] {
	return screenLines(state, style, drawDiagram, env, commandPaneLines);
}

/** A command step's pane before anything runs: the command, its recorded output, what Enter does. */
function commandPaneLines(command: CommandSpec, width: number, height: number, style: TextStyle): string[] {
	const outputRows = Math.max(1, height - 3);
	const lines = wrapOutput(sanitiseTerminalText(command.recorded.output), Math.max(10, width - 2));
	const view = visibleLines(lines, outputRows, 0);
	const body = view.above > 0 ? [`(up: ${view.above} more lines)`, ...view.lines.slice(1)] : view.lines;
	const output = [...body, ...Array<string>(Math.max(0, outputRows - body.length)).fill('')].slice(0, outputRows);
	return [
		cut(`$ ${commandLine(command.tool, command.args)}`, width, style),
		...output,
		// Nothing is detected before the first frame: the pane says no more than that (as Ink's does).
		cut(`${offlineReason(command.tool, undefined)}, exit code ${command.recorded.exitCode}`, width, style),
		cut('Enter: continue, Up/Down: scroll', width, style),
	];
}

function cut(text: string, width: number, style: TextStyle): string {
	return cutLine(text, width, style.charset === 'ascii');
}
