/** Splits the command line into the subcommand, its own arguments and the global options. */
export interface ParsedArgs {
	readonly command: string | undefined;
	readonly args: string[];
	readonly lessonDirs: string[];
	readonly ascii: boolean;
	readonly noColor: boolean;
	/** --plain or --no-plain, when given (the choice is remembered). */
	readonly plain: boolean | undefined;
	readonly help: boolean;
	readonly version: boolean;
}

export type ParseResult =
	{readonly ok: true; readonly parsed: ParsedArgs} | {readonly ok: false; readonly error: string};

export function parseArgs(argv: readonly string[]): ParseResult {
	const args: string[] = [];
	const lessonDirs: string[] = [];
	let ascii = false;
	let noColor = false;
	let plain: boolean | undefined;
	let help = false;
	let version = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--') {
			args.push(...argv.slice(i + 1));
			break;
		}
		if (arg === '--lessons' || arg.startsWith('--lessons=')) {
			const value = arg.includes('=') ? arg.slice('--lessons='.length) : argv[++i];
			if (!value || value.startsWith('--'))
				return {ok: false, error: '--lessons needs a folder: pod-tutor --lessons ./my-lessons'};
			lessonDirs.push(value);
		} else if (arg === '--ascii') ascii = true;
		else if (arg === '--no-color' || arg === '--no-colour') noColor = true;
		else if (arg === '--plain') plain = true;
		else if (arg === '--no-plain') plain = false;
		else if (arg === '--help' || arg === '-h') help = true;
		else if (arg === '--version' || arg === '-V') version = true;
		else args.push(arg);
	}
	const command = args.length > 0 && !args[0].startsWith('-') ? args.shift() : undefined;
	return {ok: true, parsed: {command, args, lessonDirs, ascii, noColor, plain, help, version}};
}

export const USAGE = `pod-tutor: learn what a Kubernetes Pod is, and how it differs from a container.

Usage:
  pod-tutor                         open the tutor where you left off
  pod-tutor <lesson-id>             open a lesson
  pod-tutor list [--json]           lessons and exercises with your progress
  pod-tutor show <lesson-id>        print a lesson as plain text
  pod-tutor check <exercise-id> <answer...> [--json]
                                    check an answer (exit 0 right, 1 wrong, 2 bad usage)
  pod-tutor progress [--json]       your progress
  pod-tutor reset (--lesson ID | --exercise ID | --all [--progress-only]) [--yes]
                                    forget progress (asks first unless --yes); --all also
                                    deletes the Pods the tutor created, unless --progress-only
  pod-tutor validate [DIR...]       check lesson files; exit 1 if any problem
  pod-tutor diagram FILE|- [--width N] [--describe] [--view pod|docker|compose]
                                    draw the Pods in a manifest
  pod-tutor diagram --live POD [--backend kubectl|crictl|podman]
                                    draw a running Pod with its measured namespaces
  pod-tutor doctor [--json]         which of kubectl, crictl and podman can be used here
  pod-tutor cleanup [--backend kubectl|podman]
                                    delete what the tutor created (only its labelled objects)
  pod-tutor submit [--to DIR]       hand your progress summary to your instructor
  pod-tutor report DIR [--csv|--json]
                                    instructors: the class table and where students get stuck

Options:
  --lessons DIR     add a folder of lessons (repeatable)
  --ascii           draw with plain ASCII (automatic when the locale is not UTF-8)
  --no-color        no colour (NO_COLOR and TERM=dumb are respected too)
  --plain           plain lines for screen readers and simple terminals: no
                    redraws, answers typed (remembered; --no-plain undoes it;
                    TERM=dumb gets it too)
  --backend NAME, --namespace NS, --context NAME, --image IMAGE
                    live mode settings (see pod-tutor doctor)
  -h, --help        this help
  -V, --version     the version

Progress is kept in your user config folder; POD_TUTOR_CONFIG_DIR moves it.
`;

/**
 * The names `pod-tutor NAME` runs as subcommands (any other NAME is a lesson id); their code,
 * src/commands/index.ts, is imported only when one is named.
 */
export const SUBCOMMAND_NAMES: ReadonlySet<string> = new Set([
	'list',
	'progress',
	'reset',
	'diagram',
	'doctor',
	'cleanup',
	'check',
	'show',
	'validate',
	'submit',
	'report',
]);
