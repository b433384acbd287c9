import {existsSync, readdirSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve, sep} from 'node:path';
import {readFileBounded} from '../files/bounded-read.js';
import {validateExercise} from './exercise-validator.js';
import {FieldReader, type FieldProblem} from './field-reader.js';
import {validateLesson} from './lesson-validator.js';
import type {BrokenLesson, Course, DiagramStep, Exercise, Lesson, Problem} from './types.js';
import {MAX_LESSON_FILE_BYTES, parseYamlSource, type YamlSource} from './yaml-source.js';

export interface LoadOptions {
	/** Folders holding lesson files; each one's exercises are in the sibling folder `exercises/`. */
	readonly lessonDirs: readonly string[];
	/** Meaning checks for one exercise (src/exercises adds them); structure is checked here. */
	readonly exerciseProblems?: (exercise: Exercise) => readonly FieldProblem[];
	/** Why a diagram step's file or spec cannot be drawn (src/diagram adds it); without it, only that the file can be read. */
	readonly diagramProblem?: (step: DiagramStep, lessonFile: string) => string | undefined;
}

// Where the package is: kept in a module of its own, which the first frame loads without this one.
export {bundledLessonDir, packageRoot} from './package-root.js';

/** A lesson pack given as DIR may hold lessons/ and exercises/, or be the lessons folder itself. */
export function resolveLessonDir(dir: string): string {
	const nested = join(dir, 'lessons');
	return existsSync(nested) && statSync(nested).isDirectory() ? nested : dir;
}

export function exercisesDirFor(lessonDir: string): string {
	return join(lessonDir, '..', 'exercises');
}

/** Paths in messages are relative to where the learner stands, when that is shorter. */
export function displayPath(file: string): string {
	const rel = relative(process.cwd(), file);
	return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel : file;
}

/**
 * Every entry named *.yaml or *.yml, whatever it is: a symbolic link is followed when it stays in
 * the pack, and a link that leaves it, a folder, a FIFO or a device is reported by name when
 * read, never skipped in silence (a skipped file shows up later as a puzzling "unknown exercise").
 */
function yamlFiles(dir: string): string[] {
	try {
		return readdirSync(dir, {withFileTypes: true})
			.filter((e) => /\.ya?ml$/.test(e.name))
			.map((e) => join(dir, e.name))
			.sort();
	} catch {
		return [];
	}
}

type Parsed = {ok: true; source: YamlSource} | {ok: false; problem: Problem};

function parseFile(file: string, pack: string): Parsed {
	const read = readFileBounded(file, {limit: MAX_LESSON_FILE_BYTES, within: pack});
	if (!read.ok)
		return {
			ok: false,
			problem: {file: displayPath(file), path: '', message: `cannot read the file: ${read.reason}`},
		};
	const text = read.text;
	const result = parseYamlSource(text);
	if (!result.ok)
		return {ok: false, problem: {file: displayPath(file), path: '', line: result.line, message: result.message}};
	return {ok: true, source: result.source};
}

/** What would act on a terminal: C0 controls but tab and newline, DEL, C1 (U+009B is a CSI). */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/**
 * Lesson text reaches the screen as the tutor draws it, so a pack's `title: "\e]0;..."` (YAML's
 * double-quoted escapes make one) would retitle the window. Such a string is reported at its
 * field, which keeps the lesson off the screen until it is fixed.
 */
function reportControlCharacters(value: unknown, reader: FieldReader, at: (string | number)[] = []): void {
	if (typeof value === 'string') {
		const found = TERMINAL_CONTROL.exec(value);
		if (found)
			reader.report(
				at,
				`holds the control character U+${found[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}; lesson text must be plain text`,
			);
		return;
	}
	if (value === null || typeof value !== 'object') return;
	if (Array.isArray(value)) value.forEach((item, i) => reportControlCharacters(item, reader, [...at, i]));
	else for (const [key, item] of Object.entries(value)) reportControlCharacters(item, reader, [...at, key]);
}

function toProblems(file: string, reader: FieldReader, source: YamlSource): Problem[] {
	return reader.problems.map((p) => ({
		file: displayPath(file),
		path: p.path,
		line: source.lineOf(p.at),
		message: p.message,
	}));
}

interface LessonCandidate {
	lesson?: Lesson;
	source?: YamlSource;
	broken?: BrokenLesson;
	/** Diagram steps that cannot be drawn: the lesson is broken, but its exercises are still checked and reported. */
	problems?: Problem[];
}

function loadLessonFile(file: string, exerciseRoot: string, options: LoadOptions): LessonCandidate {
	const parsed = parseFile(file, dirname(file));
	if (!parsed.ok) return {broken: {file: displayPath(file), problems: [parsed.problem]}};
	const reader = new FieldReader();
	reportControlCharacters(parsed.source.value, reader);
	const fields = reader.problems.length > 0 ? undefined : validateLesson(parsed.source.value, reader);
	const rawId = (parsed.source.value as {id?: unknown} | null)?.id;
	const id = typeof rawId === 'string' ? rawId : undefined;
	if (!fields) return {broken: {id, file: displayPath(file), problems: toProblems(file, reader, parsed.source)}};
	const problems: Problem[] = [];
	fields.steps.forEach((step, i) => {
		if (step.kind !== 'diagram') return;
		const message = diagramProblem(step, file, options);
		if (message === undefined) return;
		const field = step.file === undefined ? 'spec' : 'file';
		problems.push({
			file: displayPath(file),
			path: `steps[${i}].${field}`,
			line: parsed.source.lineOf(['steps', i, field]),
			message,
		});
	});
	return {lesson: {...fields, file, exerciseDir: join(exerciseRoot, fields.id)}, source: parsed.source, problems};
}

function diagramProblem(step: DiagramStep, lessonFile: string, options: LoadOptions): string | undefined {
	if (options.diagramProblem) return options.diagramProblem(step, lessonFile);
	if (step.file === undefined) return undefined;
	const target = join(dirname(lessonFile), step.file);
	const read = readFileBounded(target, {limit: MAX_LESSON_FILE_BYTES * 2, within: dirname(lessonFile)});
	if (read.ok) return undefined;
	if (read.problem === 'missing')
		return `no such file "${step.file}" next to the lesson (looked in ${displayPath(target)})`;
	return `diagram file ${step.file}: ${read.reason}`;
}

function loadExerciseDir(
	lesson: Lesson,
	options: LoadOptions,
): {exercises: Exercise[]; problems: Problem[]; brokenIds: Set<string>} {
	const exercises: Exercise[] = [];
	const problems: Problem[] = [];
	// Ids of exercise files that exist but have problems: a step naming one is not "unknown".
	const brokenIds = new Set<string>();
	for (const file of yamlFiles(lesson.exerciseDir)) {
		const parsed = parseFile(file, lesson.exerciseDir);
		if (!parsed.ok) {
			problems.push(parsed.problem);
			continue;
		}
		const reader = new FieldReader();
		reportControlCharacters(parsed.source.value, reader);
		const exercise = validateExercise(parsed.source.value, lesson.id, file, reader);
		if (exercise && options.exerciseProblems) {
			for (const p of options.exerciseProblems(exercise))
				reader.problems.push({
					...p,
					at: p.path
						.split(/[.[\]]+/)
						.filter(Boolean)
						.map((s) => (/^\d+$/.test(s) ? Number(s) : s)),
				});
		}
		problems.push(...toProblems(file, reader, parsed.source));
		if (exercise && reader.problems.length === 0) exercises.push(exercise);
		else {
			const rawId = (parsed.source.value as {id?: unknown} | null)?.id;
			if (typeof rawId === 'string') brokenIds.add(rawId);
		}
	}
	return {exercises, problems, brokenIds};
}

/**
 * Loads every lesson and its exercises. Never throws on content: a lesson with any problem (in its
 * own file or in an exercise it uses) is listed in `broken` with its messages and the rest load.
 */
export function loadCourse(options: LoadOptions): Course {
	const lessons: Lesson[] = [];
	const broken: BrokenLesson[] = [];
	const problems: Problem[] = [];
	const exercises = new Map<string, Exercise>();
	const lessonIds = new Map<string, string>();

	for (const rawDir of options.lessonDirs) {
		const dir = resolveLessonDir(resolve(rawDir));
		if (!existsSync(dir)) {
			problems.push({file: displayPath(dir), path: '', message: 'no such folder of lessons'});
			continue;
		}
		const exerciseRoot = exercisesDirFor(dir);
		const files = yamlFiles(dir);
		if (files.length === 0)
			problems.push({file: displayPath(dir), path: '', message: 'the folder holds no lesson files (*.yaml)'});
		const lessonFolders = new Set<string>();
		for (const file of files) {
			const candidate = loadLessonFile(file, exerciseRoot, options);
			if (candidate.broken) {
				broken.push(candidate.broken);
				if (candidate.broken.id) lessonFolders.add(candidate.broken.id);
				continue;
			}
			const lesson = candidate.lesson!;
			lessonFolders.add(lesson.id);
			const earlier = lessonIds.get(lesson.id);
			if (earlier) {
				broken.push({
					id: lesson.id,
					file: displayPath(file),
					problems: [
						{
							file: displayPath(file),
							path: 'id',
							line: candidate.source?.lineOf(['id']),
							message: `duplicate lesson id "${lesson.id}" (already used by ${earlier})`,
						},
					],
				});
				continue;
			}
			lessonIds.set(lesson.id, displayPath(file));
			const loaded = loadExerciseDir(lesson, options);
			const lessonProblems = [...(candidate.problems ?? []), ...loaded.problems];
			const own = new Map<string, Exercise>();
			for (const exercise of loaded.exercises) {
				const clash = exercises.get(exercise.id) ?? own.get(exercise.id);
				if (clash) {
					lessonProblems.push({
						file: displayPath(exercise.file),
						path: 'id',
						message: `duplicate exercise id "${exercise.id}" (already used by ${displayPath(clash.file)})`,
					});
				} else {
					own.set(exercise.id, exercise);
				}
			}
			const used = new Set<string>();
			lesson.steps.forEach((step, i) => {
				if (step.kind !== 'exercise') return;
				used.add(step.exercise);
				if (!own.has(step.exercise) && !loaded.brokenIds.has(step.exercise)) {
					lessonProblems.push({
						file: displayPath(file),
						path: `steps[${i}].exercise`,
						line: candidate.source?.lineOf(['steps', i, 'exercise']),
						message: `unknown exercise "${step.exercise}" (none of the files in ${displayPath(lesson.exerciseDir)} has that id)`,
					});
				}
			});
			if (lessonProblems.length > 0) {
				broken.push({id: lesson.id, file: displayPath(file), problems: lessonProblems});
				continue;
			}
			for (const exercise of own.values()) {
				exercises.set(exercise.id, exercise);
				if (!used.has(exercise.id)) {
					problems.push({
						file: displayPath(exercise.file),
						path: '',
						message: `exercise "${exercise.id}" is not used by any step of lesson "${lesson.id}"`,
					});
				}
			}
			lessons.push(lesson);
		}
		for (const folder of yamlFolders(exerciseRoot)) {
			if (!lessonFolders.has(folder)) {
				problems.push({
					file: displayPath(join(exerciseRoot, folder)),
					path: '',
					message: `exercise folder for a lesson that does not exist ("${folder}"): name it after a lesson id`,
				});
			}
		}
	}
	return {lessons, broken, exercises, problems};
}

function yamlFolders(dir: string): string[] {
	try {
		return readdirSync(dir, {withFileTypes: true})
			.filter((e) => e.isDirectory())
			.map((e) => e.name);
	} catch {
		return [];
	}
}
