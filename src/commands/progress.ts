import {loadCourseFast} from '../content/course-cache.js';
import {readProgressFile} from '../progress/progress-decode.js';
import {progressFilePath, withConfigDir} from '../progress/progress-path.js';
import {buildProgressReport, formatProgressReport} from '../progress/progress-report.js';
import {EXIT_FAIL, EXIT_OK, EXIT_USAGE, type Subcommand} from './command-io.js';

const USAGE = 'Usage: pod-tutor progress [--json]';

/**
 * pod-tutor progress [--json]: each lesson's state, step reached and exercises, with totals.
 * Read-only: a damaged file is reported (exit 1) and left for the tutor to move aside.
 */
export const runProgress: Subcommand = async (args, io, options) => {
	let json = false;
	for (const arg of args) {
		if (arg === '--json') json = true;
		else {
			io.stderr(`pod-tutor progress: unknown argument "${arg}". ${USAGE}\n`);
			return EXIT_USAGE;
		}
	}
	const file = progressFilePath(withConfigDir(io.env, options.configDir));
	const read = readProgressFile(file);
	if (read.kind !== 'ok') {
		const advice =
			read.kind === 'damaged' ? ' Start pod-tutor to move it aside and continue with empty progress.' : '';
		io.stderr(`pod-tutor progress: ${file}: ${read.error}.${advice}\n`);
		return EXIT_FAIL;
	}
	for (const warning of read.warnings) io.stderr(`pod-tutor progress: ${file}: ${warning}\n`);
	const course = await loadCourseFast(options.lessonDirs);
	const report = buildProgressReport(course, read.data, file);
	io.stdout(json ? `${JSON.stringify(report, null, 2)}\n` : formatProgressReport(report));
	return EXIT_OK;
};
