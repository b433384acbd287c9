import {recordedName, type CommandSpec} from '../content/types.js';
import {sanitiseTerminalText} from '../text/terminal-sanitiser.js';
import type {StepContext} from '../render/step-lines.js';
import type {TextStyle} from '../render/text-style.js';
import {shownArgs} from '../live/step-plan.js';
import {
	commandLine,
	cutLine,
	recordedPaneText,
	visibleLines,
	wideOutputHint,
	wrapOutput,
} from './command-pane-state.js';
import {screenLines} from './screen.js';
import type {TutorState} from './tutor-state.js';

/**
 * The screen as the app will draw it, printed before Ink has loaded, and redrawn by the early key
 * handler (src/ui/terminal-typeahead.ts): the same text functions as the app's
 * (src/tutor/screen.ts), widgets included, and the command pane as it looks before anything
 * runs. tests/ui/first-frame-ink.test.tsx compares every kind of screen with the frame Ink draws.
 * The environment names the editor on a manifest exercise, as the app's default does.
 */
export function firstFrame(
	state: TutorState,
	style: TextStyle,
	drawDiagram: StepContext['drawDiagram'],
	env: NodeJS.ProcessEnv = process.env,
): string[] {
	return screenLines(state, style, drawDiagram, env, commandPaneLines);
}

/** A command step's pane before anything runs: the command, its recorded output, what Enter does. */
function commandPaneLines(command: CommandSpec, width: number, height: number, style: TextStyle): string[] {
	const outputRows = Math.max(1, height - 3);
	const recorded = sanitiseTerminalText(command.recorded.output);
	const lines = wrapOutput(recorded, Math.max(10, width - 2));
	// The tutor looks for live mode only when asked: until then Enter runs the step for real.
	const {status, hint} = recordedPaneText(
		command.tool,
		command.recorded.exitCode,
		true,
		wideOutputHint(recorded, Math.max(10, width - 2), true),
		recordedName(command.recorded),
	);
	const view = visibleLines(lines, outputRows, 0);
	const body = view.above > 0 ? [`(up: ${view.above} more lines)`, ...view.lines.slice(1)] : view.lines;
	const output = [...body, ...Array<string>(Math.max(0, outputRows - body.length)).fill('')].slice(0, outputRows);
	return [
		cut(`$ ${commandLine(command.tool, shownArgs(command))}`, width, style),
		...output,
		cut(status, width, style),
		cut(hint, width, style),
	];
}

function cut(text: string, width: number, style: TextStyle): string {
	return cutLine(text, width, style.charset === 'ascii');
}
