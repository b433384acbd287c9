/**
 * `pod-tutor report DIR [--csv|--json]`: the class table from the students' submissions, and
 * where they get stuck. DIR is writable by every student, so each entry is read as hostile:
 * only plain files (no links, FIFOs or devices: src/files/bounded-read.ts with noFollow), at most
 * MAX_SUBMISSION_BYTES, checked field by field, named after the user inside and
 * owned by the uid inside. Anything else is skipped and said so, its name cleaned for the terminal.
 */
import {readdirSync} from 'node:fs';
import {readFileBounded} from '../files/bounded-read.js';
import {join, resolve} from 'node:path';
import {buildClassReport, classCsv, formatClassReport, type SkippedFile} from '../lab/class-report.js';
import {MAX_SUBMISSION_BYTES, readSubmission, type Submission} from '../lab/submission.js';
import {fail, ok, type Result} from '../result.js';
import {sanitiseTerminalText} from '../text/terminal-sanitiser.js';
import {EXIT_FAIL, EXIT_OK, EXIT_USAGE, type Subcommand} from './command-io.js';

const USAGE = 'usage: pod-tutor report DIR [--csv|--json]';
/** A class is tens of students; a folder of more entries than this is not read to the end. */
const MAX_ENTRIES = 5000;
const FOLDER_ERRORS: Readonly<Record<string, string>> = {
	ENOENT: 'no such folder',
	ENOTDIR: 'not a folder',
	EACCES: 'permission denied (run it as the instructor who owns the folder)',
};

/** A name or message from the folder, safe to print on one line. */
export function shown(text: string): string {
	return JSON.stringify(sanitiseTerminalText(text)).slice(1, -1);
}

type Read = Result<Submission>;

export function readSubmissionFile(dir: string, name: string): Read {
	if (!name.endsWith('.json')) return fail('not a .json file');
	const file = readFileBounded(join(dir, name), {limit: MAX_SUBMISSION_BYTES, noFollow: true});
	if (!file.ok) return fail(file.reason);
	let value: unknown;
	try {
		value = JSON.parse(file.text);
	} catch (error) {
		// RangeError too: JSON nested deep enough to exhaust the stack.
		return fail(`not valid JSON (${error instanceof Error ? error.message.slice(0, 80) : 'unreadable'})`);
	}
	const read = readSubmission(value);
	if (!read.ok) return fail(`not a pod-tutor submission: ${read.error}`);
	const {submission} = read;
	if (name !== `${submission.user}.json`) return fail(`says it is from ${submission.user}, but is named ${name}`);
	if (process.getuid?.() !== undefined) {
		if (submission.uid === undefined) return fail('does not say which uid wrote it');
		if (submission.uid !== file.owner)
			return fail(`says it was written by uid ${submission.uid}, but uid ${file.owner} owns it`);
	}
	return ok(submission);
}

export const runReport: Subcommand = async (args, io) => {
	const formats = args.filter((a) => a === '--csv' || a === '--json');
	const rest = args.filter((a) => a !== '--csv' && a !== '--json');
	if (formats.length > 1 || rest.length !== 1 || rest[0].startsWith('-')) {
		const unexpected = rest.find((a) => a.startsWith('-')) ?? rest[1];
		const problem =
			rest.length === 0
				? 'name the submit folder'
				: formats.length > 1
					? 'choose one of --csv and --json'
					: `unexpected argument ${unexpected}`;
		io.stderr(`report: ${problem}\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	const dir = resolve(io.cwd, rest[0]);
	let names: string[];
	try {
		names = readdirSync(dir).sort();
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		io.stderr(`report: cannot read the folder ${shown(dir)}: ${FOLDER_ERRORS[code ?? ''] ?? code}\n`);
		return EXIT_FAIL;
	}
	const skipped: SkippedFile[] = [];
	if (names.length > MAX_ENTRIES) {
		skipped.push({
			file: `${names.length - MAX_ENTRIES} more entries`,
			reason: `only the first ${MAX_ENTRIES} are read`,
		});
		names = names.slice(0, MAX_ENTRIES);
	}
	const submissions: Submission[] = [];
	for (const name of names) {
		// Temp files of a submit in progress (or one killed midway).
		if (name.startsWith('.')) continue;
		const read = readSubmissionFile(dir, name);
		if (read.ok) submissions.push(read.value);
		else skipped.push({file: shown(name), reason: read.error});
	}
	const report = buildClassReport(submissions, skipped);
	for (const skip of skipped) io.stderr(`report: skipped ${skip.file}: ${shown(skip.reason)}\n`);
	if (formats[0] === '--json') io.stdout(`${JSON.stringify(report, null, 2)}\n`);
	else if (formats[0] === '--csv') io.stdout(classCsv(report));
	else io.stdout(sanitiseTerminalText(formatClassReport(report)));
	return EXIT_OK;
};
