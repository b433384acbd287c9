/**
 * `pod-tutor [lesson-id] [live options]`: the arguments both tutors take, the full-screen one
 * (src/tutor-start.ts) and plain mode (src/render/plain-start.ts), read the same way, with the
 * same messages for a bad option, a stray argument, a broken lesson and an unknown one.
 */
import {loadCourseFast} from '../content/course-cache.js';
import type {Course} from '../content/types.js';
import {withLabLiveArgs} from '../lab/lab-live.js';
import {parseLiveOptions, type LiveOptions} from '../live/live-options.js';
import {EXIT_USAGE, type CommandIO, type GlobalOptions} from './command-io.js';

export type TutorArguments =
	| {readonly ok: true; readonly live: LiveOptions; readonly course: Course}
	| {readonly ok: false; readonly exitCode: number};

export async function readTutorArguments(
	lessonId: string | undefined,
	rest: readonly string[],
	io: CommandIO,
	options: GlobalOptions,
): Promise<TutorArguments> {
	const usage = (message: string): TutorArguments => {
		io.stderr(`pod-tutor: ${message}\n`);
		return {ok: false, exitCode: EXIT_USAGE};
	};
	const live = parseLiveOptions(withLabLiveArgs(rest, options.lab));
	if (!live.ok) return usage(live.error);
	if (live.rest.length > 0)
		return usage(`unexpected argument "${live.rest[0]}". Run pod-tutor --help for the commands.`);
	const course = await loadCourseFast(options.lessonDirs);
	if (lessonId && !course.lessons.some((l) => l.id === lessonId)) {
		const broken = course.broken.find((b) => b.id === lessonId);
		return usage(
			broken
				? `lesson "${lessonId}" is broken: ${broken.problems[0]?.message ?? ''} (pod-tutor validate lists every problem)`
				: `no lesson or command "${lessonId}". Lessons: ${course.lessons.map((l) => l.id).join(', ')}. ` +
						'Run pod-tutor --help for the commands.',
		);
	}
	return {ok: true, live: live.options, course};
}
