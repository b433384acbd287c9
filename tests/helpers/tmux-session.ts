import {execFileSync} from 'node:child_process';
import {waitFor} from './wait-for.js';

/**
 * The built tutor in a real pseudo-terminal: a tmux session of a given size on a private tmux
 * server, driven with send-keys and read with capture-pane, as a learner's terminal would be.
 */
export class TmuxSession {
	private readonly socket = `pod-tutor-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
	private readonly name = 'tutor';

	constructor(
		private readonly columns = 80,
		private readonly rows = 24,
	) {}

	private tmux(...args: string[]): string {
		return execFileSync('tmux', ['-L', this.socket, ...args], {encoding: 'utf8'});
	}

	/** Starts argv with env; the pane stays open after exit and shows an exit marker. */
	start(argv: readonly string[], env: Record<string, string>, cwd: string): void {
		// Ink draws nothing until exit when CI is set, so the tutor runs without it, as on a learner's machine.
		const envArgs = ['-u', 'CI', ...Object.entries(env).map(([k, v]) => `${k}=${v}`)];
		this.newSession(`${quoted(['env', ...envArgs, ...argv])}; echo "[exited $?]"; sleep 60`, cwd);
	}

	/**
	 * An interactive shell (job control, so Ctrl+Z and fg work as for a learner), in which
	 * `run` types commands.
	 */
	startShell(env: Record<string, string>, cwd: string): void {
		const envArgs = [
			'-u',
			'CI',
			'PS1=$ ',
			'HISTFILE=/dev/null',
			...Object.entries(env).map(([k, v]) => `${k}=${v}`),
		];
		this.newSession(quoted(['env', ...envArgs, 'bash', '--norc', '--noprofile', '-i']), cwd);
	}

	private newSession(command: string, cwd: string): void {
		this.tmux(
			'new-session',
			'-d',
			'-s',
			this.name,
			'-x',
			String(this.columns),
			'-y',
			String(this.rows),
			'-c',
			cwd,
			command,
		);
	}

	/** Types a command line into the shell and presses Enter. */
	run(line: string): void {
		this.tmux('send-keys', '-t', this.name, '-l', line);
		this.tmux('send-keys', '-t', this.name, 'Enter');
	}

	/** A tmux format of the pane: #{alternate_on}, #{cursor_flag}, #{pane_pid}, #{pane_title}... */
	pane(format: string): string {
		return this.tmux('display-message', '-p', '-t', this.name, format).trim();
	}

	/** Pastes text as a terminal would (bracketed when the program asked for it). */
	paste(text: string): void {
		execFileSync('tmux', ['-L', this.socket, 'load-buffer', '-'], {input: text});
		this.tmux('paste-buffer', '-p', '-t', this.name);
	}

	/** Bytes typed as they are, escape sequences included. */
	type(bytes: string): void {
		this.tmux('send-keys', '-t', this.name, '-l', bytes);
	}

	screen(): string {
		return this.tmux('capture-pane', '-p', '-t', this.name);
	}

	keys(...keys: string[]): void {
		this.tmux('send-keys', '-t', this.name, ...keys);
	}

	/** Waits until the captured screen passes the test; returns it. */
	waitFor(test: (screen: string) => boolean, what: string, timeoutMs = 10000): Promise<string> {
		// A capture is a tmux process: read the screen less often than an in-process frame.
		return waitFor(() => this.screen(), test, what, timeoutMs, 50);
	}

	/** From now on every byte the program writes to the pane is appended to `file` (escape sequences included). */
	recordOutput(file: string): void {
		this.tmux('pipe-pane', '-o', '-t', this.name, `cat >> '${file.replace(/'/g, `'\\''`)}'`);
	}

	/** The PID of the shell tmux runs the program under (the program is its child). */
	panePid(): number {
		return Number(this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim());
	}

	resize(columns: number, rows: number): void {
		this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
	}

	stop(): void {
		try {
			this.tmux('kill-server');
		} catch {
			// Already gone.
		}
	}
}

/** Words for sh, each in single quotes. */
function quoted(words: readonly string[]): string {
	return words.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
}
