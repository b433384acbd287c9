/**
 * The instructor's view of a class: one row per student, and the exercises where the class gets
 * stuck (most attempts, most reveals, most time). Pure: checked submissions in, tables out.
 */
import type {Submission} from './submission.js';

export interface StudentRow {
	readonly user: string;
	readonly submittedAt: string;
	readonly lessonsDone: number;
	readonly lessons: number;
	readonly exercisesRight: number;
	readonly exercisesAttempted: number;
	readonly exercises: number;
	readonly attempts: number;
	readonly hints: number;
	readonly reveals: number;
	readonly secondsSpent: number;
}

export interface ExerciseStat {
	readonly id: string;
	readonly lesson: string;
	/** Students who tried it at least once. */
	readonly tried: number;
	readonly right: number;
	readonly attempts: number;
	readonly reveals: number;
	readonly hints: number;
	readonly secondsSpent: number;
}

export interface SkippedFile {
	readonly file: string;
	readonly reason: string;
}

export interface ClassReport {
	readonly students: readonly StudentRow[];
	readonly exercises: readonly ExerciseStat[];
	readonly skipped: readonly SkippedFile[];
}

const sum = <T>(items: readonly T[], pick: (item: T) => number): number =>
	items.reduce((total, item) => total + pick(item), 0);

export function buildClassReport(submissions: readonly Submission[], skipped: readonly SkippedFile[]): ClassReport {
	const students = submissions
		.map((s): StudentRow => ({
			user: s.user,
			submittedAt: s.submittedAt,
			lessonsDone: s.lessons.filter((l) => l.state === 'done').length,
			lessons: s.lessons.length,
			exercisesRight: s.exercises.filter((e) => e.correct).length,
			exercisesAttempted: s.exercises.filter((e) => e.attempts > 0).length,
			exercises: s.exercises.length,
			attempts: sum(s.exercises, (e) => e.attempts),
			hints: sum(s.exercises, (e) => e.hintsUsed),
			reveals: s.exercises.filter((e) => e.revealed).length,
			secondsSpent: sum(s.exercises, (e) => e.secondsSpent),
		}))
		.sort((a, b) => a.user.localeCompare(b.user));
	const stats = new Map<
		string,
		{
			id: string;
			lesson: string;
			tried: number;
			right: number;
			attempts: number;
			reveals: number;
			hints: number;
			secondsSpent: number;
		}
	>();
	for (const s of submissions) {
		for (const e of s.exercises) {
			const stat = stats.get(e.id) ?? {
				id: e.id,
				lesson: e.lesson,
				tried: 0,
				right: 0,
				attempts: 0,
				reveals: 0,
				hints: 0,
				secondsSpent: 0,
			};
			if (e.attempts > 0) stat.tried += 1;
			if (e.correct) stat.right += 1;
			stat.attempts += e.attempts;
			if (e.revealed) stat.reveals += 1;
			stat.hints += e.hintsUsed;
			stat.secondsSpent += e.secondsSpent;
			stats.set(e.id, stat);
		}
	}
	return {students, exercises: [...stats.values()].sort((a, b) => a.id.localeCompare(b.id)), skipped};
}

export function formatDuration(seconds: number): string {
	if (seconds < 60) return `${seconds}s`;
	const minutes = Math.round(seconds / 60);
	return minutes < 60 ? `${minutes}m` : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** The exercises that stand out by one measure, highest first; ties by id; only those above zero. */
export function topBy(report: ClassReport, pick: (e: ExerciseStat) => number, count = 5): ExerciseStat[] {
	return report.exercises
		.filter((e) => pick(e) > 0)
		.sort((a, b) => pick(b) - pick(a) || a.id.localeCompare(b.id))
		.slice(0, count);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: readonly string[]) =>
		cells
			.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
			.join('  ')
			.trimEnd();
	return [line(header), ...rows.map(line)];
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatClassReport(report: ClassReport): string {
	const lines: string[] = [];
	const n = report.students.length;
	const skipped = report.skipped.length > 0 ? `, ${plural(report.skipped.length, 'file')} skipped` : '';
	lines.push(`Class report: ${plural(n, 'student')}${skipped}`, '');
	lines.push(
		...table(
			['student', 'lessons', 'right', 'tried', 'attempts', 'hints', 'reveals', 'time', 'submitted'],
			report.students.map((s) => [
				s.user,
				`${s.lessonsDone}/${s.lessons}`,
				`${s.exercisesRight}/${s.exercises}`,
				String(s.exercisesAttempted),
				String(s.attempts),
				String(s.hints),
				String(s.reveals),
				formatDuration(s.secondsSpent),
				s.submittedAt.slice(0, 16).replace('T', ' '),
			]),
		),
	);
	const stuck: [string, (e: ExerciseStat) => number, (e: ExerciseStat) => string][] = [
		[
			'Most attempts',
			(e) => e.attempts,
			(e) => `${e.attempts} attempts by ${e.tried} student${e.tried === 1 ? '' : 's'}, ${e.right} right`,
		],
		['Most reveals', (e) => e.reveals, (e) => `${e.reveals} of ${e.tried} who tried looked at the answer`],
		[
			'Most time',
			(e) => e.secondsSpent,
			(e) =>
				`${formatDuration(e.secondsSpent)} in all, ` +
				`${formatDuration(Math.round(e.secondsSpent / Math.max(1, e.tried)))} per student who tried`,
		],
	];
	lines.push('', 'Where students get stuck:');
	for (const [title, pick, say] of stuck) {
		const top = topBy(report, pick);
		lines.push(`  ${title}:${top.length === 0 ? ' none yet' : ''}`);
		for (const e of top) lines.push(`    ${e.id} (${e.lesson}): ${say(e)}`);
	}
	return `${lines.join('\n')}\n`;
}

/** One CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it. */
function cell(value: string | number): string {
	let text = String(value);
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function classCsv(report: ClassReport): string {
	const header = [
		'student',
		'lessons_done',
		'lessons',
		'exercises_right',
		'exercises_tried',
		'exercises',
		'attempts',
		'hints',
		'reveals',
		'seconds_spent',
		'submitted_at',
	];
	const rows = report.students.map((s) => [
		s.user,
		s.lessonsDone,
		s.lessons,
		s.exercisesRight,
		s.exercisesAttempted,
		s.exercises,
		s.attempts,
		s.hints,
		s.reveals,
		s.secondsSpent,
		s.submittedAt,
	]);
	return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n') + '\n';
}
