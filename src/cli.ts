import {join} from 'node:path';
import {parseArgs, USAGE} from './cli-args.js';
import {EXIT_USAGE, type CommandIO, type GlobalOptions, type Subcommand} from './commands/command-io.js';

/**
 * The one entry and the one exit: every subcommand returns its exit code here. Subcommands are
 * imported only when named, so `pod-tutor` alone loads just what its first screen needs.
 */
const SUBCOMMANDS: Record<string, () => Promise<Subcommand>> = {
	list: async () => (await import('./commands/list.js')).runList,
	progress: async () => (await import('./commands/progress.js')).runProgress,
	reset: async () => (await import('./commands/reset.js')).runReset,
	diagram: async () => (await import('./commands/diagram.js')).diagramCommand,
	doctor: async () => (await import('./commands/doctor.js')).runDoctor,
	cleanup: async () => (await import('./commands/cleanup.js')).runCleanup,
	check: async () => (await import('./commands/check.js')).runCheck,
	show: async () => (await import('./commands/show.js')).runShow,
	validate: async () => (await import('./commands/validate.js')).runValidate,
};

async function main(argv: readonly string[]): Promise<number> {
	const io: CommandIO = {
		stdout: (text) => void process.stdout.write(text),
		stderr: (text) => void process.stderr.write(text),
		stdin: process.stdin,
		interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
		env: process.env,
		cwd: process.cwd(),
	};
	const result = parseArgs(argv);
	if (!result.ok) {
		io.stderr(`pod-tutor: ${result.error}\n`);
		return EXIT_USAGE;
	}
	const {parsed} = result;
	if (parsed.help || parsed.command === 'help') {
		io.stdout(USAGE);
		return 0;
	}
	if (parsed.version) {
		const {packageRoot} = await import('./content/course-loader.js');
		const {readFileSync} = await import('node:fs');
		io.stdout(`${JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version}\n`);
		return 0;
	}
	const {existsSync, statSync} = await import('node:fs');
	const missing = parsed.lessonDirs.find((dir) => !existsSync(dir) || !statSync(dir).isDirectory());
	if (missing) {
		io.stderr(`pod-tutor: --lessons ${missing}: no such folder. Give a folder of lesson files (or one holding lessons/ and exercises/).\n`);
		return EXIT_USAGE;
	}
	const {bundledLessonDir} = await import('./content/course-loader.js');
	const options: GlobalOptions = {
		lessonDirs: [bundledLessonDir(), ...parsed.lessonDirs],
		configDir: process.env.POD_TUTOR_CONFIG_DIR,
		ascii: parsed.ascii,
		noColor: parsed.noColor,
	};
	const load = parsed.command ? SUBCOMMANDS[parsed.command] : undefined;
	if (load) return (await load())(parsed.args, io, options);
	const {runTutor} = await import('./tutor-start.js');
	return runTutor(parsed.command, parsed.args, io, options);
}

// `pod-tutor list | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		// The last line of defence: a learner sees one sentence, a developer can ask for the stack.
		const message = error instanceof Error ? error.message : String(error);
		process.stderr.write(`pod-tutor: something went wrong: ${message}\n`);
		if (process.env.POD_TUTOR_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
		else process.stderr.write('Run again with POD_TUTOR_DEBUG=1 to see the details, and please report it.\n');
		process.exitCode = 70;
	},
);
