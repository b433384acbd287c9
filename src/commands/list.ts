import {loadCourseFast} from '../content/course-cache.js';
import type {Course, Lesson} from '../content/types.js';
import type {ProgressData} from '../progress/progress-data.js';
import {readProgressSnapshot} from '../progress/progress-snapshot.js';
import {lessonStatus} from '../tutor/tutor-state.js';
import {EXIT_OK, EXIT_USAGE, type Subcommand} from './command-io.js';

export type ExerciseState = 'correct' | 'attempted' | 'not-started';

export function exerciseState(progress: ProgressData, id: string): ExerciseState {
	const record = progress.exercises[id];
	if (record?.correct) return 'correct';
	return record && record.attempts > 0 ? 'attempted' : 'not-started';
}

export function lessonListing(course: Course, progress: ProgressData) {
	return course.lessons.map((lesson: Lesson, index) => {
		const record = progress.lessons[lesson.id];
		return {
			number: index + 1,
			id: lesson.id,
			title: lesson.title,
			state: lessonStatus(lesson, progress),
			step: (record?.currentStep ?? 0) + 1,
			steps: lesson.steps.length,
			exercises: lesson.steps.flatMap((s) => {
				if (s.kind !== 'exercise') return [];
				const exercise = course.exercises.get(s.exercise);
				return exercise
					? [
							{
								id: exercise.id,
								kind: exercise.kind,
								state: exerciseState(progress, exercise.id),
								attempts: progress.exercises[exercise.id]?.attempts ?? 0,
							},
						]
					: [];
			}),
		};
	});
}

const STATE_WORD = {done: 'done', 'in-progress': 'in progress', 'not-started': 'not started'} as const;
const EXERCISE_WORD = {correct: 'right', attempted: 'tried', 'not-started': 'new'} as const;

/** pod-tutor list [--json]: lessons with their state, and each lesson's exercises with theirs. */
export const runList: Subcommand = async (args, io, options) => {
	const unknown = args.find((a) => a !== '--json');
	if (unknown) {
		io.stderr(`pod-tutor list: unexpected "${unknown}" (the only option is --json)\n`);
		return EXIT_USAGE;
	}
	const course = await loadCourseFast(options.lessonDirs);
	const snapshot = readProgressSnapshot(io.env);
	if (snapshot.warning) io.stderr(`pod-tutor: ${snapshot.warning}\n`);
	const lessons = lessonListing(course, snapshot.data);
	const broken = course.broken.map((b) => ({id: b.id ?? null, file: b.file, problem: b.problems[0]?.message ?? ''}));
	if (args.includes('--json')) {
		io.stdout(`${JSON.stringify({lessons, broken}, null, 2)}\n`);
		return EXIT_OK;
	}
	const idWidth = Math.max(...lessons.map((l) => l.id.length), 2);
	for (const lesson of lessons) {
		const mark = lesson.state === 'done' ? '[x]' : lesson.state === 'in-progress' ? '[~]' : '[ ]';
		const where = lesson.state === 'in-progress' ? ` (step ${lesson.step}/${lesson.steps})` : '';
		io.stdout(
			`${String(lesson.number).padStart(2)}. ${mark} ${lesson.id.padEnd(idWidth)}  ${lesson.title}  - ${STATE_WORD[lesson.state]}${where}\n`,
		);
		io.stdout(`      ${lesson.exercises.map((e) => `${e.id} (${EXERCISE_WORD[e.state]})`).join(', ')}\n`);
	}
	for (const b of broken)
		io.stdout(`    [!] ${b.id ?? b.file}  broken: ${b.problem} (pod-tutor validate shows every problem)\n`);
	return EXIT_OK;
};
