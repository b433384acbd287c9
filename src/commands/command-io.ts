import type {LabConfig} from '../lab/lab-config.js';

/**
 * What a subcommand gets from the CLI entry: its own arguments (global options already taken
 * out), the streams, and the global settings. Subcommands return an exit code and never call
 * process.exit: src/cli.ts owns the exit.
 */
export interface CommandIO {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly stdin: NodeJS.ReadableStream & {isTTY?: boolean};
	/** True when both stdin and stdout are terminals. */
	readonly interactive: boolean;
	readonly env: NodeJS.ProcessEnv;
	readonly cwd: string;
}

export interface GlobalOptions {
	/** Lesson folders: the bundled lessons/ first, then every --lessons DIR. */
	readonly lessonDirs: readonly string[];
	/** Where progress is stored (POD_TUTOR_CONFIG_DIR, else conf's per-user location). */
	readonly configDir?: string;
	/** Force ASCII output (also chosen automatically for non-UTF-8 locales and TERM=dumb). */
	readonly ascii: boolean;
	readonly noColor: boolean;
	/** The classroom settings (src/lab/lab-config.ts); absent in tests that do not need them. */
	readonly lab?: LabConfig;
}

export type Subcommand = (args: readonly string[], io: CommandIO, options: GlobalOptions) => Promise<number>;

/** Exit codes shared by all subcommands. */
export const EXIT_OK = 0;
export const EXIT_FAIL = 1;
export const EXIT_USAGE = 2;
/** The command did its work but could not save it (check: the answer was judged, not recorded). */
export const EXIT_NOT_SAVED = 3;
