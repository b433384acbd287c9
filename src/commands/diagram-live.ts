/**
 * `pod-tutor diagram --live POD [--backend kubectl|crictl|podman] [--width N] [--ascii] [--no-color]`:
 * the diagram of a real Pod, with the namespace inodes measured on it. The pause container is
 * measured where the backend exposes it (podman's infra container, crictl's sandbox); kubectl
 * never shows it.
 */
import {chooseCharset, colorEnabled} from '../diagram/terminal-caps.js';
import type {DetectOptions} from '../live/detect-backends.js';
import {detectBackends} from '../live/detect-backends.js';
import {findPod} from '../live/find-pod.js';
import {drawLivePod} from '../live/live-diagram.js';
import {parseLiveOptions} from '../live/live-options.js';
import {EXIT_FAIL, EXIT_OK, EXIT_USAGE, type CommandIO, type GlobalOptions} from './command-io.js';

const USAGE =
	'usage: pod-tutor diagram --live POD [--backend kubectl|crictl|podman] [--width N] [--ascii] [--no-color]';
const MIN_WIDTH = 40;
const MAX_WIDTH = 500;

interface LiveDiagramArgs {
	readonly pod: string;
	readonly width?: number;
	readonly ascii: boolean;
	readonly noColor: boolean;
}

function parseArgs(args: readonly string[]): {ok: true; value: LiveDiagramArgs} | {ok: false; error: string} {
	let pod: string | undefined;
	let width: number | undefined;
	let ascii = false;
	let noColor = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const flag = eq > 0 ? arg.slice(0, eq) : arg;
		const value = () => (eq > 0 ? arg.slice(eq + 1) : args[++i]);
		if (flag === '--ascii') ascii = true;
		else if (flag === '--no-color') noColor = true;
		else if (flag === '--live') {
			const name = value();
			if (name === undefined || name.startsWith('-'))
				return {ok: false, error: '--live needs the name of a Pod, e.g. --live web-app'};
			pod = name;
		} else if (flag === '--width') {
			const raw = value();
			if (raw === undefined || !/^\d+$/.test(raw))
				return {
					ok: false,
					error: `--width ${raw ?? ''}: give a whole number of columns, e.g. --width 80`.replace(' :', ':'),
				};
			width = Number(raw);
			if (width < MIN_WIDTH || width > MAX_WIDTH)
				return {ok: false, error: `--width ${raw}: use between ${MIN_WIDTH} and ${MAX_WIDTH} columns`};
		} else if (!arg.startsWith('-') && pod === undefined) pod = arg;
		else return {ok: false, error: `unknown argument ${arg}`};
	}
	if (!pod) return {ok: false, error: 'name the Pod to draw: --live POD'};
	return {ok: true, value: {pod, width, ascii, noColor}};
}

export async function runLiveDiagram(
	args: readonly string[],
	io: CommandIO,
	options: GlobalOptions,
	extra: Partial<DetectOptions> = {},
): Promise<number> {
	const live = parseLiveOptions(args);
	if (!live.ok) {
		io.stderr(`diagram: ${live.error}\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	const parsed = parseArgs(live.rest);
	if (!parsed.ok) {
		io.stderr(`diagram: ${parsed.error}\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	const {pod: name, ascii, noColor} = parsed.value;
	const detected = await detectBackends({live: live.options, env: io.env, configDir: options.configDir, ...extra});
	const found = await findPod(detected, name);
	if (!found.ok) {
		io.stderr(`diagram: ${found.error}\n`);
		return EXIT_FAIL;
	}
	const {backend, pod} = found;
	const stdoutColumns = (process.stdout as {columns?: number}).columns;
	const width =
		parsed.value.width ??
		Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, io.interactive && stdoutColumns ? stdoutColumns : 80));
	const charset = ascii || options.ascii ? 'ascii' : chooseCharset(io.env);
	const color = !noColor && !options.noColor && colorEnabled(io.env, io.interactive);
	const drawn = await drawLivePod(backend, pod, {width, charset, color});
	if (!drawn.ok) {
		io.stderr(`diagram: ${drawn.error}\n`);
		return EXIT_FAIL;
	}
	const lines = drawn.lines;
	io.stdout(`${lines.join('\n')}\n`);
	return EXIT_OK;
}
