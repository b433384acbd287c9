/**
 * Runs external tools (kubectl, crictl, podman) as argument arrays, never through a shell, in
 * their own process group so that cancelling also stops whatever they started. Every run has a
 * timeout, keeps only the last part of its output, and hands out text already cleaned of
 * terminal control sequences.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {StringDecoder} from 'node:string_decoder';
import {COMMAND_PLACEHOLDERS, placeholdersIn, type CommandPlaceholder} from '../content/types.js';
import {DEFAULT_OUTPUT_CAP, OutputTail} from './output-tail.js';
import {StreamSanitiser} from '../text/terminal-sanitiser.js';

export type OutputStream = 'stdout' | 'stderr';

export interface RunRequest {
	readonly file: string;
	readonly args: readonly string[];
	/** Hard limit; the process group is killed when it passes. */
	readonly timeoutMs: number;
	readonly env?: NodeJS.ProcessEnv;
	readonly cwd?: string;
	/** Written to the command's stdin, which is then closed. Without it stdin is closed at once. */
	readonly input?: string;
	/** Characters kept per stream (the last ones). */
	readonly maxOutputChars?: number;
	/** Called with each piece of cleaned output as it arrives. */
	readonly onOutput?: (stream: OutputStream, text: string) => void;
	/** Time between SIGTERM and SIGKILL when stopping the group. */
	readonly killGraceMs?: number;
}

/**
 * exited: ran to its end (any exit code); signalled: killed by a signal the tutor did not send;
 * timed-out / cancelled: stopped by the tutor; not-found: no such program; failed-to-start: other spawn errors.
 */
export type RunOutcome = 'exited' | 'signalled' | 'timed-out' | 'cancelled' | 'not-found' | 'failed-to-start';

export interface RunResult {
	readonly outcome: RunOutcome;
	readonly exitCode: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
	/** Bytes dropped from the front of each stream. */
	readonly cut: {readonly stdout: number; readonly stderr: number};
	readonly durationMs: number;
	/** For not-found / failed-to-start / timed-out: what went wrong, for a learner. */
	readonly error?: string;
}

export interface RunningCommand {
	readonly pid: number | undefined;
	readonly done: Promise<RunResult>;
	/** Stops the whole process group: SIGTERM, then SIGKILL after the grace time. */
	cancel(): void;
}

const running = new Set<RunningCommand>();

/** Stops every command still running (the terminal owner calls this on exit); settles once all are gone. */
export function cancelAllCommands(): Promise<void> {
	const stopping = [...running];
	for (const command of stopping) command.cancel();
	return Promise.all(stopping.map((command) => command.done)).then(() => undefined);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
	if (child.pid === undefined) return;
	try {
		process.kill(-child.pid, signal);
	} catch {
		// The group is already gone.
	}
}

export function startCommand(request: RunRequest): RunningCommand {
	const started = Date.now();
	const cap = request.maxOutputChars ?? DEFAULT_OUTPUT_CAP;
	const tails = {stdout: new OutputTail(cap), stderr: new OutputTail(cap)};
	let stoppedBy: 'timed-out' | 'cancelled' | undefined;
	let killTimer: NodeJS.Timeout | undefined;
	let child: ChildProcess;
	let resolveDone!: (result: RunResult) => void;
	const done = new Promise<RunResult>((resolve) => {
		resolveDone = resolve;
	});

	const finish = (partial: Pick<RunResult, 'outcome' | 'exitCode' | 'signal'> & {error?: string}): void => {
		clearTimeout(timeout);
		clearTimeout(killTimer);
		running.delete(handle);
		resolveDone({
			...partial,
			stdout: tails.stdout.kept(),
			stderr: tails.stderr.kept(),
			cut: {stdout: tails.stdout.cut, stderr: tails.stderr.cut},
			durationMs: Date.now() - started,
		});
	};

	const stop = (reason: 'timed-out' | 'cancelled'): void => {
		if (stoppedBy) return;
		stoppedBy = reason;
		if (child.exitCode !== null || child.signalCode !== null) {
			// The leader is gone but something it started still holds the pipes open.
			killGroup(child, 'SIGKILL');
			return;
		}
		killGroup(child, 'SIGTERM');
		killTimer = setTimeout(() => killGroup(child, 'SIGKILL'), request.killGraceMs ?? 2000);
	};

	const timeout = setTimeout(() => stop('timed-out'), request.timeoutMs);

	const handle: RunningCommand = {
		get pid() {
			return child.pid;
		},
		done,
		cancel: () => stop('cancelled'),
	};

	try {
		child = spawn(request.file, [...request.args], {
			shell: false,
			detached: true,
			env: request.env ?? process.env,
			cwd: request.cwd,
			stdio: ['pipe', 'pipe', 'pipe'],
			windowsHide: true,
		});
	} catch (error) {
		clearTimeout(timeout);
		const message = error instanceof Error ? error.message : String(error);
		resolveDone({
			outcome: 'failed-to-start',
			exitCode: null,
			signal: null,
			stdout: '',
			stderr: '',
			cut: {stdout: 0, stderr: 0},
			durationMs: 0,
			error: `could not start ${request.file}: ${message}`,
		});
		return {pid: undefined, done, cancel: () => undefined};
	}
	running.add(handle);

	for (const stream of ['stdout', 'stderr'] as const) {
		const decoder = new StringDecoder('utf8');
		const sanitiser = new StreamSanitiser();
		const source = child[stream];
		const take = (text: string): void => {
			if (text === '') return;
			tails[stream].append(text);
			request.onOutput?.(stream, text);
		};
		source?.on('data', (data: Buffer) => take(sanitiser.push(decoder.write(data))));
		source?.on('end', () => take(sanitiser.push(decoder.end()) + sanitiser.end()));
	}
	child.stdin?.on('error', () => undefined);
	child.stdin?.end(request.input ?? '');

	child.on('error', (error: NodeJS.ErrnoException) => {
		const notFound = error.code === 'ENOENT';
		finish({
			outcome: notFound ? 'not-found' : 'failed-to-start',
			exitCode: null,
			signal: null,
			error: notFound
				? `${request.file} was not found on this machine (not on PATH)`
				: `could not start ${request.file}: ${error.message}`,
		});
	});
	child.on('close', (code, signal) => {
		if (stoppedBy) {
			finish({
				outcome: stoppedBy,
				exitCode: code,
				signal,
				error:
					stoppedBy === 'timed-out'
						? `${request.file} gave no answer within ${Math.round(request.timeoutMs / 100) / 10} s and was stopped`
						: undefined,
			});
			return;
		}
		finish({outcome: signal ? 'signalled' : 'exited', exitCode: code, signal});
	});
	return handle;
}

export function runCommand(request: RunRequest): Promise<RunResult> {
	return startCommand(request).done;
}

/** The command ran to its end and said it succeeded (exit code 0). */
export function succeeded(result: RunResult): boolean {
	return result.outcome === 'exited' && result.exitCode === 0;
}

/** One message for a run that did not succeed: the runner's own error, or the exit and the last stderr lines. */
export function describeFailure(result: RunResult, what: string): string {
	if (result.error) return `${what}: ${result.error}`;
	const stderr = lastLines(result.stderr, 6);
	if (result.outcome === 'signalled') return `${what}: stopped by ${result.signal}${stderr ? `\n${stderr}` : ''}`;
	return `${what}: exit code ${result.exitCode}${stderr ? `\n${stderr}` : ''}`;
}

export function lastLines(text: string, count: number): string {
	return text.trimEnd().split('\n').slice(-count).join('\n');
}

export type PlaceholderValues = Partial<Record<CommandPlaceholder, string>>;

export type ExpandResult =
	{readonly ok: true; readonly args: readonly string[]} | {readonly ok: false; readonly error: string};

/**
 * Fills {pod} {namespace} {container} {image} into a command's arguments. A `{word}` of
 * lower-case letters is a placeholder and must be one of those; other braces are literal, as in
 * kubectl's `-o jsonpath={.status.phase}` (the same rule as the lesson validator's).
 */
export function expandPlaceholders(args: readonly string[], values: PlaceholderValues): ExpandResult {
	const known = new Set<string>(COMMAND_PLACEHOLDERS);
	const out: string[] = [];
	for (const [index, arg] of args.entries()) {
		const unknown = placeholdersIn(arg).find((name) => !known.has(name));
		if (unknown) {
			return {
				ok: false,
				error: `args[${index}] "${arg}" uses {${unknown}}, which is not a placeholder; only {pod} {namespace} {container} {image} are`,
			};
		}
		let problem: string | undefined;
		const expanded = arg.replace(/\{([a-z]+)\}/g, (_whole, name: string) => {
			const value = values[name as CommandPlaceholder];
			if (value === undefined || value === '') {
				problem ??= `args[${index}] "${arg}" needs a value for {${name}}, and none is set`;
				return `{${name}}`;
			}
			return value;
		});
		if (problem) return {ok: false, error: problem};
		out.push(expanded);
	}
	return {ok: true, args: out};
}
