import {spawnSync} from 'node:child_process';
import {CLEAR_HOME, ENTER_SCREEN, LEAVE_SCREEN} from './terminal-screen.js';

export interface HandoverResult {
	readonly exitCode: number | null;
	/** Set when the program could not be started at all. */
	readonly error?: string;
}

/**
 * Gives the terminal to another program (an editor, `kubectl exec -it`) and takes it back.
 * spawnSync blocks the event loop, so Ink's stdin reader cannot steal the child's keystrokes;
 * raw mode is off while the child runs and the screen is redrawn from scratch afterwards.
 */
export function runInTerminal(
	argv: readonly string[],
	io: {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream},
	env: NodeJS.ProcessEnv = process.env,
): HandoverResult {
	const [file, ...args] = argv;
	const wasRaw = io.stdin.isTTY ? io.stdin.isRaw : false;
	if (io.stdin.isTTY) io.stdin.setRawMode(false);
	io.stdout.write(LEAVE_SCREEN);
	try {
		const result = spawnSync(file, args, {stdio: 'inherit', env});
		if (result.error) return {exitCode: null, error: `${file}: ${(result.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : result.error.message}`};
		return {exitCode: result.status};
	} finally {
		io.stdout.write(ENTER_SCREEN + CLEAR_HOME);
		if (io.stdin.isTTY) io.stdin.setRawMode(wasRaw);
	}
}
