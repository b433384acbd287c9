/**
 * `pod-tutor diagram FILE|- [--ascii] [--width N] [--no-color] [--describe] [--view pod|docker|compose]`:
 * draws each Pod spec in a manifest. `--live` hands over to the live-mode command.
 */
import {resolve} from 'node:path';
import type {DiagramView} from '../content/types.js';
import {chooseCharset, colorEnabled} from '../diagram/terminal-caps.js';
import {MAX_SPEC_FILE_BYTES} from '../diagram/lesson-diagram.js';
import {describeView, drawView, modelsFromYaml} from '../diagram/manifest-diagrams.js';
import {readFileBoundedAsync, readStreamBounded} from '../files/bounded-read.js';
import {EXIT_OK, EXIT_USAGE, type CommandIO, type GlobalOptions, type Subcommand} from './command-io.js';

export const MIN_WIDTH = 40;
const MAX_WIDTH = 500;
const VIEWS: readonly DiagramView[] = ['pod', 'docker', 'compose'];
const USAGE =
	'usage: pod-tutor diagram FILE|- [--ascii] [--width N] [--no-color] [--describe] [--view pod|docker|compose]';

interface DiagramArgs {
	readonly file: string;
	readonly ascii: boolean;
	readonly width?: number;
	readonly noColor: boolean;
	readonly describe: boolean;
	readonly view: DiagramView;
}

type Parsed = {readonly ok: true; readonly value: DiagramArgs} | {readonly ok: false; readonly error: string};

function parseArgs(args: readonly string[]): Parsed {
	let file: string | undefined;
	let ascii = false;
	let width: number | undefined;
	let noColor = false;
	let describe = false;
	let view: DiagramView = 'pod';
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		const [flag, inline] =
			arg.startsWith('--') && arg.includes('=')
				? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
				: [arg, undefined];
		const value = () => inline ?? args[++i];
		if (flag === '--ascii') ascii = true;
		else if (flag === '--no-color') noColor = true;
		else if (flag === '--describe') describe = true;
		else if (flag === '--width') {
			const raw = value();
			if (raw === undefined) return {ok: false, error: '--width needs a number of columns, e.g. --width 80'};
			if (!/^\d+$/.test(raw))
				return {ok: false, error: `--width ${raw}: give a whole number of columns, e.g. --width 80`};
			const n = Number(raw);
			if (n < MIN_WIDTH)
				return {
					ok: false,
					error: `--width ${raw}: too narrow; the diagram needs at least ${MIN_WIDTH} columns`,
				};
			if (n > MAX_WIDTH) return {ok: false, error: `--width ${raw}: too wide; use at most ${MAX_WIDTH} columns`};
			width = n;
		} else if (flag === '--view') {
			const raw = value();
			if (raw === undefined || !(VIEWS as readonly string[]).includes(raw)) {
				return {
					ok: false,
					error: `--view ${raw ?? ''}: choose pod, docker or compose`.replace('--view :', '--view:'),
				};
			}
			view = raw as DiagramView;
		} else if (arg === '-' || !arg.startsWith('-')) {
			if (file !== undefined) return {ok: false, error: `${arg}: one file at a time (already drawing ${file})`};
			file = arg;
		} else {
			return {ok: false, error: `${arg}: unknown option. ${USAGE}`};
		}
	}
	if (file === undefined) return {ok: false, error: `which manifest? ${USAGE}`};
	return {ok: true, value: {file, ascii, noColor, describe, view, ...(width !== undefined ? {width} : {})}};
}

function terminalColumns(io: CommandIO): number | undefined {
	if (!io.interactive || !process.stdout.isTTY) return undefined;
	return process.stdout.columns;
}

export const diagramCommand: Subcommand = async (args, io, options: GlobalOptions) => {
	if (args.includes('--live')) {
		return (await import('./diagram-live.js')).runLiveDiagram(args, io, options);
	}
	const parsed = parseArgs(args);
	if (!parsed.ok) {
		io.stderr(`pod-tutor diagram: ${parsed.error}\n`);
		return EXIT_USAGE;
	}
	const {file, view, describe} = parsed.value;
	const label = file === '-' ? 'standard input' : file;
	// A manifest, so the manifest limit; regular files only (a FIFO or /dev/zero is refused by name).
	const read =
		file === '-'
			? await readStreamBounded(io.stdin, MAX_SPEC_FILE_BYTES)
			: await readFileBoundedAsync(resolve(io.cwd, file), {limit: MAX_SPEC_FILE_BYTES});
	if (!read.ok) {
		io.stderr(`${label}: ${read.problem === 'folder' ? 'it is a folder, give a YAML file' : read.reason}\n`);
		return EXIT_USAGE;
	}
	const result = modelsFromYaml(read.text);
	if (!result.ok) {
		io.stderr(`${label}: ${result.error}\n`);
		return EXIT_USAGE;
	}
	for (const note of result.value.skipped) io.stderr(`${label}: ${note}\n`);

	const width = parsed.value.width ?? Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, terminalColumns(io) ?? 80));
	const charset = parsed.value.ascii || options.ascii ? 'ascii' : chooseCharset(io.env);
	const color = !parsed.value.noColor && !options.noColor && colorEnabled(io.env, io.interactive);
	const blocks = result.value.models.map((model) =>
		describe ? describeView(model, view) : drawView(model, view, {width, charset, color}).join('\n'),
	);
	io.stdout(`${blocks.join('\n\n')}\n`);
	return EXIT_OK;
};
