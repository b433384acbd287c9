/**
 * `pod-tutor submit [--to DIR]`: hands the learner's progress summary to the instructor as
 * DIR/<user>.json (DIR from --to, else the lab config's `submit`). The folder is shared by a
 * whole class (docs/CLASSROOM.md: sticky, setgid to the instructors' group, not listable), so:
 * - the file is written to a temp file opened O_EXCL (never through a planted link) and renamed
 *   over the old one: the instructor reads the old summary or the new one, never half of one;
 * - its mode is 0600, or 0640 when the folder is setgid (the group is then the instructors'),
 *   set with fchmod so the umask cannot widen or narrow it;
 * - a <user>.json that another account owns is never replaced; the learner is told to ask.
 */
import {randomBytes} from 'node:crypto';
import {
	closeSync,
	fchmodSync,
	fsyncSync,
	lstatSync,
	openSync,
	renameSync,
	statSync,
	unlinkSync,
	writeSync,
} from 'node:fs';
import {join, resolve} from 'node:path';
import {loadCourseFast} from '../content/course-cache.js';
import {buildSubmission} from '../lab/submission.js';
import {currentUserLabel} from '../live/tutor-labels.js';
import {readProgressSnapshot} from '../progress/progress-snapshot.js';
import {EXIT_FAIL, EXIT_OK, EXIT_USAGE, type Subcommand} from './command-io.js';

const USAGE = "usage: pod-tutor submit [--to DIR]   (DIR defaults to the lab config's submit folder)";

type Written = {readonly ok: true; readonly file: string} | {readonly ok: false; readonly error: string};

function errorCode(error: unknown): string | undefined {
	return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Writes `text` as DIR/NAME atomically with `mode`; exported for the tests of hostile folders. */
export function writeSubmissionFile(dir: string, name: string, text: string, mode: number): Written {
	const file = join(dir, name);
	const uid = process.getuid?.();
	try {
		const existing = lstatSync(file);
		if (!existing.isFile() || (uid !== undefined && existing.uid !== uid)) {
			const what = existing.isFile() ? `owned by uid ${existing.uid}` : 'not a plain file';
			const error = `${file} is there already and is not yours (${what}); ask your instructor to remove it`;
			return {ok: false, error};
		}
	} catch (error) {
		if (errorCode(error) !== 'ENOENT') return {ok: false, error: `${file}: ${(error as Error).message}`};
	}
	const temp = join(dir, `.${name}.tmp-${randomBytes(6).toString('hex')}`);
	let fd: number;
	try {
		fd = openSync(temp, 'wx', 0o600);
	} catch (error) {
		const code = errorCode(error);
		const why =
			code === 'EACCES' || code === 'EPERM'
				? 'you may not write there (ask your instructor for write access)'
				: code === 'ENOENT'
					? 'no such folder'
					: (error as Error).message;
		return {ok: false, error: `cannot write in ${dir}: ${why}`};
	}
	try {
		fchmodSync(fd, mode);
		writeSync(fd, text);
		fsyncSync(fd);
	} catch (error) {
		closeSync(fd);
		unlinkSync(temp);
		return {ok: false, error: `cannot write ${temp}: ${(error as Error).message}`};
	}
	closeSync(fd);
	try {
		renameSync(temp, file);
	} catch (error) {
		unlinkSync(temp);
		return {ok: false, error: `cannot replace ${file}: ${(error as Error).message}`};
	}
	return {ok: true, file};
}

export const runSubmit: Subcommand = async (args, io, options) => {
	let to: string | undefined;
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--to') to = args[++i];
		else if (args[i].startsWith('--to=')) to = args[i].slice('--to='.length);
		else {
			io.stderr(`submit: unknown argument ${args[i]}\n${USAGE}\n`);
			return EXIT_USAGE;
		}
		if (!to) {
			io.stderr(`submit: --to needs a folder\n${USAGE}\n`);
			return EXIT_USAGE;
		}
	}
	const dir = to ?? options.lab?.settings.submit;
	if (!dir) {
		io.stderr(
			'submit: no submit folder is set. Your instructor names one in the lab config ' +
				'(submit: /srv/pod-tutor/submit), or give it: pod-tutor submit --to DIR\n',
		);
		return EXIT_USAGE;
	}
	const folder = resolve(io.cwd, dir);
	let setgid = false;
	try {
		const stat = statSync(folder);
		if (!stat.isDirectory()) {
			io.stderr(`submit: ${folder} is not a folder\n`);
			return EXIT_USAGE;
		}
		setgid = (stat.mode & 0o2000) !== 0;
	} catch {
		io.stderr(`submit: the submit folder ${folder} does not exist; ask your instructor (docs/CLASSROOM.md)\n`);
		return EXIT_FAIL;
	}
	const snapshot = readProgressSnapshot(io.env);
	if (snapshot.warning) io.stderr(`pod-tutor: ${snapshot.warning}\n`);
	const course = await loadCourseFast(options.lessonDirs);
	const user = currentUserLabel(io.env);
	const submission = buildSubmission(course, snapshot.data, user, new Date().toISOString(), process.getuid?.());
	const written = writeSubmissionFile(
		folder,
		`${user}.json`,
		`${JSON.stringify(submission, null, '\t')}\n`,
		setgid ? 0o640 : 0o600,
	);
	if (!written.ok) {
		io.stderr(`submit: ${written.error}\n`);
		return EXIT_FAIL;
	}
	const done = submission.lessons.filter((l) => l.state === 'done').length;
	const right = submission.exercises.filter((e) => e.correct).length;
	io.stdout(
		`Handed in ${written.file}: ${done} of ${submission.lessons.length} lessons done, ` +
			`${right} of ${submission.exercises.length} exercises right. Submit again any time: the newest counts.\n`,
	);
	return EXIT_OK;
};
