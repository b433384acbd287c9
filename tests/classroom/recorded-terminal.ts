/**
 * The built tutor in a real pseudo-terminal (tmux) with every byte it writes recorded, so a test
 * can check what reached the terminal: colour codes, cursor addressing, the alternate screen.
 * The tutor waits on a FIFO until the recording runs, so not one byte of its first frame is missed.
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {TmuxSession} from '../helpers/tmux-session.js';
import {builtBin, repoRoot} from './built-cli.js';

export class RecordedTerminal {
	readonly session: TmuxSession;
	private readonly dir = mkdtempSync(join(tmpdir(), 'pod-tutor-rec-'));
	private readonly file = join(this.dir, 'output');

	/** `argv` runs in the pane (see tutorArgv); `env` is set for it. */
	constructor(argv: readonly string[], env: Record<string, string>, size: [number, number] = [80, 24]) {
		const gate = join(this.dir, 'gate');
		execFileSync('mkfifo', [gate]);
		this.session = new TmuxSession(...size);
		this.session.start(['sh', '-c', 'read _ < "$0"; exec "$@"', gate, ...argv], env, repoRoot);
		this.session.recordOutput(this.file);
		writeFileSync(gate, 'go\n');
	}

	/** Everything written to the terminal so far. */
	output(): string {
		return existsSync(this.file) ? readFileSync(this.file, 'latin1') : '';
	}

	stop(): void {
		this.session.stop();
		rmSync(this.dir, {recursive: true, force: true});
	}
}

/** The built tutor with these arguments. */
export function tutorArgv(args: readonly string[] = []): string[] {
	return [process.execPath, builtBin, ...args];
}

/** SGR sequences that set a foreground or background colour (30-37, 38;..., 40-47, 90-97, 100-107). */
export const COLOUR_SGR = /\u001B\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;
/** The alternate screen, cursor addressing and line erasing: what a dumb terminal cannot do. */
export const SCREEN_CONTROL = /\u001B\[\?1049[hl]|\u001B\[\d*(?:;\d*)?[HfABCDGJK]/;
