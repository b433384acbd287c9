/**
 * What `pod-tutor progress` shows: the course's lessons with the learner's state in each.
 * Pure: course and progress in, a report (and its text) out.
 */
import type {Course, Lesson} from '../content/types.js';
import type {ProgressData} from './progress-data.js';

export type LessonState = 'done' | 'in-progress' | 'not-started';

export interface LessonReport {
	readonly id: string;
	readonly title: string;
	readonly state: LessonState;
	/** Steps in the lesson. */
	readonly steps: number;
	/** Furthest step reached, counted from 1; 0 when never opened. */
	readonly stepReached: number;
	readonly exercises: {
		readonly total: number;
		readonly attempted: number;
		readonly correct: number;
		readonly revealed: number;
	};
}

export interface ProgressReport {
	readonly file: string;
	readonly lessons: readonly LessonReport[];
	readonly totals: {
		readonly lessons: number;
		readonly done: number;
		readonly inProgress: number;
		readonly notStarted: number;
		readonly exercises: number;
		readonly attempted: number;
		readonly correct: number;
	};
	/** Where the tutor resumes, when that lesson is in the course. */
	readonly resume?: {readonly lessonId: string; readonly title: string; readonly step: number};
}

/** Ids of the lesson's exercises: those its steps use, then any others filed under it. */
export function lessonExerciseIds(course: Course, lesson: Lesson): string[] {
	const ids = new Set<string>();
	for (const step of lesson.steps) if (step.kind === 'exercise') ids.add(step.exercise);
	for (const exercise of course.exercises.values()) if (exercise.lesson === lesson.id) ids.add(exercise.id);
	return [...ids];
}

function reportLesson(course: Course, lesson: Lesson, data: ProgressData): LessonReport {
	const ids = lessonExerciseIds(course, lesson);
	const records = ids.map((id) => data.exercises[id]).filter((record) => record !== undefined);
	const visit = data.lessons[lesson.id];
	const attempted = records.filter((r) => r.attempts > 0).length;
	const state: LessonState = visit?.completed
		? 'done'
		: visit || records.some((r) => r.attempts > 0 || r.hintsUsed > 0 || r.revealed)
			? 'in-progress'
			: 'not-started';
	return {
		id: lesson.id,
		title: lesson.title,
		state,
		steps: lesson.steps.length,
		stepReached: visit ? Math.min(visit.furthestStep + 1, lesson.steps.length) : 0,
		exercises: {
			total: ids.length,
			attempted,
			correct: records.filter((r) => r.correct).length,
			revealed: records.filter((r) => r.revealed).length,
		},
	};
}

export function buildProgressReport(course: Course, data: ProgressData, file: string): ProgressReport {
	const lessons = course.lessons.map((lesson) => reportLesson(course, lesson, data));
	const count = (state: LessonState): number => lessons.filter((l) => l.state === state).length;
	const sum = (pick: (l: LessonReport) => number): number => lessons.reduce((total, l) => total + pick(l), 0);
	const last = data.last;
	const resumeLesson = last ? course.lessons.find((l) => l.id === last.lessonId) : undefined;
	return {
		file,
		lessons,
		totals: {
			lessons: lessons.length,
			done: count('done'),
			inProgress: count('in-progress'),
			notStarted: count('not-started'),
			exercises: sum((l) => l.exercises.total),
			attempted: sum((l) => l.exercises.attempted),
			correct: sum((l) => l.exercises.correct),
		},
		...(last && resumeLesson
			? {resume: {lessonId: last.lessonId, title: resumeLesson.title, step: last.step + 1}}
			: {}),
	};
}

const STATE_LABEL: Record<LessonState, string> = {
	done: 'done',
	'in-progress': 'in progress',
	'not-started': 'not started',
};

export function formatProgressReport(report: ProgressReport): string {
	const titleWidth = Math.max(0, ...report.lessons.map((l) => l.title.length));
	const lines = report.lessons.map((l) => {
		const step = l.stepReached > 0 ? `step ${l.stepReached}/${l.steps}` : '-';
		const {total, correct, attempted, revealed} = l.exercises;
		const exercises =
			total === 0
				? 'no exercises'
				: `exercises ${correct}/${total} correct` +
					(attempted > 0 ? `, ${attempted} attempted` : '') +
					(revealed > 0 ? `, ${revealed} revealed` : '');
		return `  ${STATE_LABEL[l.state].padEnd(11)}  ${l.title.padEnd(titleWidth)}  ${step.padEnd(11)}  ${exercises}`;
	});
	const t = report.totals;
	lines.push(
		'',
		`${t.lessons} lesson${t.lessons === 1 ? '' : 's'}: ${t.done} done, ${t.inProgress} in progress, ${t.notStarted} not started. ` +
			`Exercises: ${t.correct}/${t.exercises} correct, ${t.attempted} attempted.`,
	);
	if (report.resume) lines.push(`Resumes at: ${report.resume.title}, step ${report.resume.step}.`);
	lines.push(`Saved in ${report.file}`);
	return `${lines.join('\n')}\n`;
}
