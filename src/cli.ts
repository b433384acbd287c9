import {join} from 'node:path';
import {parseArgs, SUBCOMMAND_NAMES, USAGE} from './cli-args.js';
import {EXIT_USAGE, type CommandIO, type GlobalOptions} from './commands/command-io.js';
import {bundledLessonDir} from './content/package-root.js';
import {terminalSafeText} from './text/terminal-sanitiser.js';
import {loadLabConfig} from './lab/lab-config.js';
import {plainModeWanted} from './lab/plain-choice.js';
import {progressDirectory} from './progress/progress-path.js';
// The tutor itself is what `pod-tutor` alone runs: imported with the entry, so its first frame
// waits for one round of module loading, not three.
import {runTutor} from './tutor-start.js';
import {oneLine, saveErrorDetails} from './error-report.js';

async function main(argv: readonly string[]): Promise<number> {
	// Messages echo ids, paths, answers and file contents: every one passes the one sanitiser. Only
	// the diagram draws its own colours (and the tutor's screen is written by its frame writer).
	let colours = false;
	const io: CommandIO = {
		stdout: (text) => void process.stdout.write(terminalSafeText(text, colours)),
		stderr: (text) => void process.stderr.write(terminalSafeText(text)),
		stdin: process.stdin,
		interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
		env: process.env,
		cwd: process.cwd(),
	};
	const result = parseArgs(argv);
	colours = result.ok && result.parsed.command === 'diagram';
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
		const {packageRoot} = await import('./content/package-root.js');
		const {readFileSync} = await import('node:fs');
		io.stdout(`${JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')).version}\n`);
		return 0;
	}
	const {existsSync, statSync} = await import('node:fs');
	const missing = parsed.lessonDirs.find((dir) => !existsSync(dir) || !statSync(dir).isDirectory());
	if (missing) {
		io.stderr(
			`pod-tutor: --lessons ${missing}: no such folder. Give a folder of lesson files (or one holding lessons/ and exercises/).\n`,
		);
		return EXIT_USAGE;
	}
	// The classroom settings (/etc/pod-tutor/config.yaml under the learner's own config.yaml).
	const lab = await loadLabConfig({env: process.env, configDir: progressDirectory(process.env)});
	const options: GlobalOptions = {
		// The lab's extra packs that exist on this machine (doctor lists the setting either way).
		lessonDirs: [bundledLessonDir(), ...lab.settings.lessons.filter(existsSync), ...parsed.lessonDirs],
		configDir: process.env.POD_TUTOR_CONFIG_DIR,
		ascii: parsed.ascii,
		noColor: parsed.noColor,
		lab,
	};
	if (parsed.command && SUBCOMMAND_NAMES.has(parsed.command)) {
		const {SUBCOMMANDS} = await import('./commands/index.js');
		return SUBCOMMANDS[parsed.command](parsed.args, io, options);
	}
	// Plain lines (screen readers, TERM=dumb) before anything that takes over the screen.
	if (plainModeWanted(parsed.plain, io, lab)) {
		const {runPlainTutor} = await import('./render/plain-start.js');
		return runPlainTutor(parsed.command, parsed.args, io, options, lab);
	}
	return runTutor(parsed.command, parsed.args, io, options);
}

// `pod-tutor list | head` closes the pipe early: that is the reader's choice, not an error.
// EIO: the terminal hung up; the tutor's session ends on the SIGHUP that comes with it.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	if (error.code === 'EIO') return;
	throw error;
});

main(process.argv.slice(2)).then(
	(code) => {
		// 128 + n: a signal ended the tutor. Exit now rather than wait for what the signal cut short
		// (a detection still running, a read that will never finish).
		if (code >= 128) process.exit(code);
		process.exitCode = code;
	},
	(error: unknown) => {
		// The last line of defence, reached with the terminal already restored: a learner sees one
		// sentence and where the details are, never a stack trace.
		const message = error instanceof Error ? error.message : String(error);
		const details = saveErrorDetails(error);
		process.stderr.write(terminalSafeText(`pod-tutor: something went wrong: ${oneLine(message)}\n`));
		if (process.env.POD_TUTOR_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
		else if (details)
			process.stderr.write(`Your progress is saved. The details are in ${details}; please report them.\n`);
		else
			process.stderr.write(
				'Your progress is saved. Run again with POD_TUTOR_DEBUG=1 to see the details, and please report it.\n',
			);
		process.exitCode = 70;
	},
);
