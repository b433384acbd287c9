import {loadCourseFast} from '../content/course-cache.js';
import {drawDiagramStep} from '../render/diagram-step.js';
import {plainLesson} from '../render/plain-lesson.js';
import {detectTextStyle} from '../render/text-style.js';
import {EXIT_OK, EXIT_USAGE, type Subcommand} from './command-io.js';

/** pod-tutor show <lesson-id> [--width N]: the lesson as plain text on stdout. */
export const runShow: Subcommand = async (args, io, options) => {
	let width = 80;
	const ids: string[] = [];
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--width') {
			width = Number(args[++i]);
			if (!Number.isInteger(width) || width < 40 || width > 400) {
				io.stderr('pod-tutor show: --width takes a whole number from 40 to 400\n');
				return EXIT_USAGE;
			}
		} else if (args[i].startsWith('-')) {
			io.stderr(`pod-tutor show: unknown option ${args[i]} (expected: --width N)\n`);
			return EXIT_USAGE;
		} else ids.push(args[i]);
	}
	const course = await loadCourseFast(options.lessonDirs);
	if (ids.length !== 1) {
		io.stderr(
			`pod-tutor show: name one lesson: pod-tutor show <lesson-id>. Lessons: ${course.lessons.map((l) => l.id).join(', ')}\n`,
		);
		return EXIT_USAGE;
	}
	const lesson = course.lessons.find((l) => l.id === ids[0]);
	if (!lesson) {
		const broken = course.broken.find((b) => b.id === ids[0]);
		io.stderr(
			broken
				? `pod-tutor show: lesson "${ids[0]}" is broken: ${broken.problems[0]?.message}. Run pod-tutor validate for details.\n`
				: `pod-tutor show: no lesson "${ids[0]}". Lessons: ${course.lessons.map((l) => l.id).join(', ')}\n`,
		);
		return EXIT_USAGE;
	}
	// Plain text for files and pipes: no attributes; ASCII unless the locale is UTF-8.
	const style = detectTextStyle(io.env, false, options.ascii, true);
	io.stdout(plainLesson(lesson, course, width, style, drawDiagramStep).join('\n') + '\n');
	return EXIT_OK;
};
