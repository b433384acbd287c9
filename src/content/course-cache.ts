import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {readFileBounded} from '../files/bounded-read.js';
import {join, resolve, sep} from 'node:path';
import {packageRoot} from './package-root.js';
import type {Course, Exercise, Lesson} from './types.js';

/**
 * The bundled lessons, parsed and checked at build time (dist/course-cache.json), so the first
 * frame does not parse ~90 YAML files. The cache is used only while the files it was made from are
 * unchanged, byte for byte: an edited lesson in a clone is simply loaded from YAML again.
 */
export const CACHE_FILE = 'dist/course-cache.json';
const CACHE_VERSION = 1;
/** The bundled course is about 1 MB as JSON; room to grow, but not for anything else. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

interface CacheFile {
	readonly version: number;
	readonly fingerprint: string;
	readonly files: readonly FileStamp[];
	readonly lessons: readonly Lesson[];
	readonly broken: Course['broken'];
	readonly exercises: readonly Exercise[];
	readonly problems: Course['problems'];
}

function filesBelow(dir: string): string[] {
	let entries;
	try {
		entries = readdirSync(dir, {withFileTypes: true});
	} catch {
		return [];
	}
	return entries
		.flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []))
		.sort();
}

interface FileStamp {
	readonly path: string;
	readonly size: number;
	readonly mtimeMs: number;
}

/** Every lesson and exercise file with its size and modification time. */
function stamps(root: string): FileStamp[] {
	return [...filesBelow(join(root, 'lessons')), ...filesBelow(join(root, 'exercises'))].map((file) => {
		const stat = statSync(file);
		return {path: file.slice(root.length + 1), size: stat.size, mtimeMs: stat.mtimeMs};
	});
}

/** SHA-1 over every lesson and exercise file's path and bytes. */
export function contentFingerprint(root: string, files: readonly FileStamp[] = stamps(root)): string {
	const hash = createHash('sha1');
	for (const file of files)
		hash.update(`${file.path}\0`)
			.update(readFileSync(join(root, file.path)))
			.update('\0');
	return hash.digest('hex');
}

/**
 * Whether the files are the ones the cache was made from: the same names, sizes and times is
 * enough (a clone that was not edited); otherwise, as after npm install resets the times, the
 * contents decide.
 */
function unchanged(root: string, cache: CacheFile): boolean {
	const now = stamps(root);
	const same =
		now.length === cache.files.length &&
		now.every((f, i) => f.path === cache.files[i].path && f.size === cache.files[i].size);
	if (!same) return false;
	if (now.every((f, i) => f.mtimeMs === cache.files[i].mtimeMs)) return true;
	return contentFingerprint(root, now) === cache.fingerprint;
}

/** Paths are stored relative to the package, which may be installed somewhere else. */
function rebase<T extends {file: string}>(item: T, from: string, to: string): T {
	// Plain string work: path.relative/resolve on every item cost milliseconds at start-up.
	const move = (path: string) => to + path.slice(from.length);
	const moved = {...item, file: move(item.file)};
	if ('exerciseDir' in item)
		(moved as unknown as {exerciseDir: string}).exerciseDir = move((item as unknown as Lesson).exerciseDir);
	return moved;
}

export function serializeCourse(course: Course, packageDir: string): string {
	const root = resolve(packageDir);
	const files = stamps(root);
	const cache: CacheFile = {
		version: CACHE_VERSION,
		fingerprint: contentFingerprint(root, files),
		files,
		lessons: course.lessons.map((l) => rebase(l, root + sep, '')),
		broken: course.broken,
		exercises: [...course.exercises.values()].map((e) => rebase(e, root + sep, '')),
		problems: course.problems,
	};
	return JSON.stringify(cache);
}

/** The cached course when it matches the files on disk; undefined otherwise. */
export function readCourseCache(packageDir: string): Course | undefined {
	const root = resolve(packageDir);
	let cache: CacheFile;
	// Written by the build; a damaged or replaced one (a FIFO, a huge file) just means "load the YAML".
	const read = readFileBounded(join(root, CACHE_FILE), {limit: MAX_CACHE_BYTES});
	if (!read.ok) return undefined;
	try {
		cache = JSON.parse(read.text) as CacheFile;
	} catch {
		return undefined;
	}
	if (cache.version !== CACHE_VERSION || !unchanged(root, cache)) return undefined;
	const exercises = new Map(cache.exercises.map((e) => [e.id, rebase(e, '', root + sep)] as const));
	return {
		lessons: cache.lessons.map((l) => rebase(l, '', root + sep)),
		broken: cache.broken,
		exercises,
		problems: cache.problems,
	};
}

/**
 * The course for these lesson folders: from the build's cache when only the bundled lessons are
 * asked for. The YAML loader (js-yaml and the validators) is loaded only when the cache cannot
 * serve, so the first frame does not pay for it.
 */
export async function loadCourseFast(lessonDirs: readonly string[]): Promise<Course> {
	const root = packageRoot();
	if (lessonDirs.length === 1 && resolve(lessonDirs[0]) === join(root, 'lessons')) {
		const cached = readCourseCache(root);
		if (cached) return cached;
	}
	// The same checks as validate (exercise meaning, diagram specs), so list and the tutor never
	// show as healthy a lesson that validate calls broken. Imported here, lazily, because the
	// content layer does not know the checkers; commands get them from course-options.ts.
	const [{loadCourse}, {exerciseProblems}, {diagramStepProblem}, {loadApiSchema}] = await Promise.all([
		import('./course-loader.js'),
		import('../exercises/exercise-problems.js'),
		import('../diagram/lesson-diagram.js'),
		import('../exercises/api-schema.js'),
	]);
	// Manifest answers and examples are checked against the API schema, as validate does.
	await loadApiSchema();
	return loadCourse({lessonDirs, exerciseProblems, diagramProblem: diagramStepProblem});
}
