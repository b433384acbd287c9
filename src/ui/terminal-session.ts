import {constants} from 'node:os';
import {cancelAllCommands} from '../live/command-runner.js';
import {FrameWriter} from './frame-writer.js';
import {suspendIsSafe} from './job-control.js';
import {TerminalReader, type InputToken} from './terminal-input.js';
import {ENTER_SCREEN, LEAVE_SCREEN} from './terminal-screen.js';

export interface TerminalIO {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	/**
	 * Whether stopping on Ctrl+Z leaves a shell that can `fg` the tutor (job-control.ts).
	 * @default suspendIsSafe
	 */
	readonly canSuspend?: () => boolean;
}

/** Said instead of stopping where no shell could resume the tutor (`ssh host pod-tutor`, a ForceCommand). */
export const SUSPEND_UNAVAILABLE = 'Suspending is not available here (no shell to fg). q quits, progress is saved.';

/** The signals that end the tutor, and the exit code each gives (128 + its number). */
const ENDING_SIGNALS = ['SIGHUP', 'SIGINT', 'SIGTERM'] as const;
type EndingSignal = (typeof ENDING_SIGNALS)[number];

export function signalExitCode(signal: EndingSignal): number {
	return 128 + constants.signals[signal];
}

/** How long commands still running at exit get to stop before the session ends anyway. */
const COMMAND_STOP_WAIT_MS = 3000;

/**
 * The one owner of the terminal while the tutor runs: raw mode, the alternate screen, the cursor,
 * what is read from the keyboard and what is drawn. Everything that leaves or retakes the terminal
 * (quit, a failure, SIGHUP/SIGINT/SIGTERM, Ctrl+Z, another program in the foreground) goes
 * through it, so the terminal is put back the same way on every path.
 */
export class TerminalSession {
	readonly writer: FrameWriter;
	private reader: TerminalReader | undefined;
	private consumer: (sequence: string) => void = () => {};
	private readonly interruptHandlers: Array<() => void> = [];
	private refused: () => void = () => {};
	private onScreen = false;
	private resumedInline = false;
	private ended = false;
	private stopping = false;
	private settle!: {resolve: (code: number) => void; reject: (error: unknown) => void};
	/** Settles when a signal ends the session (with its exit code) or something unexpected fails. */
	readonly interrupted: Promise<number>;
	private readonly handlers: Array<[string, (...args: unknown[]) => void]> = [];

	constructor(private readonly io: TerminalIO) {
		this.writer = new FrameWriter(io.stdout);
		this.interrupted = new Promise<number>((resolve, reject) => {
			this.settle = {resolve, reject};
		});
		// Handled or not, the promise must never count as an unhandled rejection of its own.
		this.interrupted.catch(() => {});
	}

	/** False once a signal or a failure has ended the session: nothing may take the screen again. */
	get active(): boolean {
		return !this.ended && !this.stopping;
	}

	/** Where keys go from now on (the early key handler, then Ink). */
	setConsumer(consumer: (sequence: string) => void): void {
		this.consumer = consumer;
	}

	/** Called when a signal ends the session, before the terminal is restored (Ink unmounts). */
	onInterrupt(handler: () => void): void {
		this.interruptHandlers.push(handler);
	}

	/**
	 * Called instead of stopping when stopping is not safe: the screen stays as it is and the
	 * handler shows SUSPEND_UNAVAILABLE (the early key handler, then the app).
	 */
	onSuspendRefused(handler: () => void): void {
		this.refused = handler;
	}

	/** Ends the session because something failed that nobody handled. */
	fail(error: unknown): void {
		this.stopping = true;
		this.settle.reject(error);
	}

	/** Signal handlers first, so a signal at any later moment finds the terminal owned. */
	installHandlers(): void {
		for (const signal of ENDING_SIGNALS) this.listen(signal, () => this.interrupt(signalExitCode(signal)));
		// Ctrl+Z arrives as a key in raw mode (see onToken); `kill -TSTP` arrives as this signal.
		this.listen('SIGTSTP', () => this.suspend());
		this.listen('SIGCONT', () => {
			if (this.resumedInline) this.resumedInline = false;
			else if (!this.ended) this.retake();
		});
		this.listen('uncaughtException', (error) => this.fail(error));
		this.listen('unhandledRejection', (reason) => this.fail(reason));
	}

	/** Raw mode, the alternate screen with the cursor hidden, bracketed paste, and the keyboard read. */
	enter(): void {
		this.takeScreen();
		this.reader = new TerminalReader(this.io.stdin, (token) => this.onToken(token));
	}

	/**
	 * Hands the terminal to another program (spawned synchronously, so nothing of the tutor runs
	 * meanwhile) and takes it back with a full redraw.
	 */
	lend<T>(run: () => T): T {
		this.giveScreen();
		this.reader?.pause();
		try {
			return run();
		} finally {
			this.reader?.resume();
			this.takeScreen();
			this.writer.resized();
		}
	}

	/**
	 * Ctrl+Z: the terminal as the shell had it, the process stopped; on `fg`, back as it was. With
	 * no job-control shell to `fg` it, a stopped tutor would stay stopped for good: it stays running.
	 */
	suspend(): void {
		if (this.ended) return;
		if (!(this.io.canSuspend ?? suspendIsSafe)()) return this.refused();
		this.giveScreen();
		this.resumedInline = true;
		// SIGSTOP cannot be caught: the process stops here, and continues here on SIGCONT.
		process.kill(process.pid, 'SIGSTOP');
		this.retake();
	}

	/** Restores the terminal, whatever state it is in. Safe to call more than once. */
	async leave(): Promise<void> {
		if (this.ended) return;
		this.ended = true;
		this.reader?.stop();
		this.writer.dispose();
		// The terminal first: the learner gets the shell back while the commands are stopped.
		this.giveScreen();
		await stopCommands();
		for (const [event, handler] of this.handlers) process.off(event, handler);
	}

	private listen(event: string, handler: (...args: unknown[]) => void): void {
		this.handlers.push([event, handler]);
		process.on(event, handler);
	}

	private interrupt(code: number): void {
		this.stopping = true;
		for (const handler of this.interruptHandlers) {
			try {
				handler();
			} catch {
				// The exit code and the restored terminal matter more than a clean unmount.
			}
		}
		this.settle.resolve(code);
	}

	private onToken(token: InputToken): void {
		if (token.kind === 'suspend') return this.suspend();
		this.consumer(token.sequence);
	}

	private retake(): void {
		this.takeScreen();
		// The window may have changed size while the tutor was stopped.
		this.writer.resized();
	}

	private takeScreen(): void {
		if (this.onScreen) return;
		this.onScreen = true;
		if (this.io.stdin.isTTY) this.io.stdin.setRawMode(true);
		this.write(`${ENTER_SCREEN}\u001B[?2004h`);
	}

	private giveScreen(): void {
		if (!this.onScreen) return;
		this.onScreen = false;
		this.write(`\u001B[?2004l${LEAVE_SCREEN}`);
		try {
			if (this.io.stdin.isTTY) this.io.stdin.setRawMode(false);
		} catch {
			// A terminal that hung up has no modes left to restore.
		}
	}

	private write(text: string): void {
		try {
			this.io.stdout.write(text);
		} catch {
			// The terminal is gone (SIGHUP); there is nothing left to restore on it.
		}
	}
}

/** Stops the commands the tutor started (their whole process groups) and waits, briefly, until they are gone. */
async function stopCommands(): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([
		cancelAllCommands(),
		new Promise<void>((resolve) => (timer = setTimeout(resolve, COMMAND_STOP_WAIT_MS))),
	]);
	clearTimeout(timer);
}

/**
 * Runs `body` with the terminal owned by one session: handlers installed before raw mode and the
 * alternate screen are entered, both left in `finally` on every path. A signal resolves with
 * 128 + its number; anything unexpected rejects after the terminal is restored.
 */
export async function withTerminal(
	io: TerminalIO,
	body: (terminal: TerminalSession) => Promise<number>,
): Promise<number> {
	const session = new TerminalSession(io);
	session.installHandlers();
	try {
		session.enter();
		return await Promise.race([body(session), session.interrupted]);
	} finally {
		await session.leave();
	}
}
