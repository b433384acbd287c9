// Run in a fresh node process by course-load.mjs: times, in milliseconds, what the tutor's first
// frame waits for. argv: the bundled course loader, the lessons folder. Prints one JSON line.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';

const [loaderPath, lessonDir] = process.argv.slice(2);
// performance.now() counts from the process's time origin, so this is node's own start-up.
const reachedScript = performance.now();
const beforeImport = performance.now();
const {loadCourse} = await import(loaderPath);
const imported = performance.now();
const course = loadCourse({lessonDirs: [lessonDir]});
const firstLoad = performance.now();
loadCourse({lessonDirs: [lessonDir]});
const secondLoad = performance.now();

const yamlFiles = (dir) =>
	readdirSync(dir, {recursive: true})
		.filter((f) => /\.ya?ml$/.test(String(f)))
		.map((f) => join(dir, String(f)));
const files = [...yamlFiles(lessonDir), ...yamlFiles(join(lessonDir, '..', 'exercises'))];
const bytes = files.reduce((sum, f) => sum + readFileSync(f).length, 0);

console.log(
	JSON.stringify({
		nodeToScript: reachedScript,
		importLoader: imported - beforeImport,
		loadCourseCold: firstLoad - imported,
		loadCourseWarm: secondLoad - firstLoad,
		lessons: course.lessons.length,
		broken: course.broken.length,
		exercises: course.exercises.size,
		yamlFiles: files.length,
		yamlBytes: bytes,
		// The session benchmark pages through this lesson and must know where answer fields take keys.
		firstLessonStepKinds:
			course.lessons[0]?.steps.map((step) =>
				step.kind === 'exercise' ? (course.exercises.get(step.exercise)?.kind ?? 'exercise') : step.kind,
			) ?? [],
	}),
);
