import {spawnSync} from 'node:child_process';

export interface HandoverResult {
	readonly exitCode: number | null;
	/** Set when the program could not be started at all. */
	readonly error?: string;
}

/**
 * Runs another program (an editor, `kubectl exec -it`) on the terminal, inside
 * TerminalSession.lend, which gives it the terminal and takes it back. spawnSync blocks the
 * event loop, so the tutor reads none of the child's keystrokes.
 */
export function runInTerminal(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): HandoverResult {
	const [file, ...args] = argv;
	const result = spawnSync(file, args, {stdio: 'inherit', env});
	if (result.error)
		return {
			exitCode: null,
			error: `${file}: ${(result.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : result.error.message}`,
		};
	return {exitCode: result.status};
}
