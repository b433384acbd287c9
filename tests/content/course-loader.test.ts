import {cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {bundledLessonDir, loadCourse} from '../../src/content/course-loader.js';
import {formatProblem, type Course, type Problem} from '../../src/content/types.js';
import {courseLoadOptions} from '../../src/commands/course-options.js';

const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const brokenPack = join(fixtures, 'lessons-broken');
const goodPack = join(fixtures, 'lessons-good');

/** The 1-based line of the first line containing `needle`, read straight from the file. */
function lineWith(file: string, needle: string, after = 0): number {
	const lines = readFileSync(file, 'utf8').split('\n');
	const index = lines.findIndex((l, i) => i >= after && l.includes(needle));
	if (index < 0) throw new Error(`${file} has no line with ${needle}`);
	return index + 1;
}

const allProblems = (course: Course): Problem[] => [...course.broken.flatMap((b) => b.problems), ...course.problems];
const shown = (file: string) => relative(process.cwd(), file);

describe('a pack with one broken thing per lesson', () => {
	const course = loadCourse({lessonDirs: [brokenPack]});
	const lesson = (name: string) => join(brokenPack, 'lessons', name);
	const problemsOf = (file: string) => allProblems(course).filter((p) => p.file === shown(file));

	it('still loads the lesson that has nothing wrong, with its exercise', () => {
		expect(course.lessons.map((l) => l.id)).toEqual(['fine']);
		expect([...course.exercises.keys()]).toEqual(['fine-choice']);
	});

	it('(a) a YAML syntax error: one problem with the line', () => {
		const file = lesson('02-syntax-error.yaml');
		const problems = problemsOf(file);
		expect(problems).toHaveLength(1);
		expect(problems[0].line).toBe(lineWith(file, 'indented one space too far'));
		expect(formatProblem(problems[0])).toMatch(new RegExp(`^${shown(file)}:\\d+: not valid YAML: `));
	});

	it('(b) an unknown step kind: one problem naming steps[1].kind', () => {
		const file = lesson('03-unknown-kind.yaml');
		const problems = problemsOf(file);
		expect(problems).toHaveLength(1);
		expect(formatProblem(problems[0])).toBe(
			`${shown(file)}:${lineWith(file, 'kind: picture')}: steps[1].kind: unknown value "picture" (expected one of: text, code, diagram, exercise, command)`,
		);
	});

	it('(c) a duplicate lesson id: one problem at the id line of the second file', () => {
		const file = lesson('04-duplicate-id.yaml');
		const problems = problemsOf(file);
		expect(problems).toHaveLength(1);
		expect(problems[0].path).toBe('id');
		expect(problems[0].message).toContain('duplicate lesson id "fine"');
		expect(problems[0].message).toContain(shown(lesson('01-fine.yaml')));
		// The file opens with a comment, so the id stands on line 2.
		expect(problems[0].line).toBe(lineWith(file, 'id: fine'));
	});

	it('(d) a step naming an unknown exercise: one problem at that step', () => {
		const file = lesson('05-missing-exercise.yaml');
		const problems = problemsOf(file);
		expect(problems).toHaveLength(1);
		expect(formatProblem(problems[0])).toMatch(
			new RegExp(
				`^${shown(file)}:${lineWith(file, 'exercise: pause-ip')}: steps\\[4\\]\\.exercise: unknown exercise "pause-ip" `,
			),
		);
	});

	it('(e) an exercise with no hint list: one problem, in the exercise file', () => {
		const file = join(brokenPack, 'exercises/hintless/hintless-choice.yaml');
		const own = problemsOf(file);
		expect(own).toHaveLength(1);
		expect(own[0].path).toBe('hints');
		expect(own[0].message).toBe('missing (required list)');
		expect(own[0].line).toBeGreaterThanOrEqual(1);
		// The lesson using it is broken because of that one mistake, not reported twice over.
		const broken = course.broken.find((b) => b.id === 'hintless');
		expect(broken?.problems).toHaveLength(1);
	});

	it('lists five broken lessons and nothing else', () => {
		expect(course.broken.map((b) => b.file).sort()).toEqual(
			[
				'02-syntax-error.yaml',
				'03-unknown-kind.yaml',
				'04-duplicate-id.yaml',
				'05-missing-exercise.yaml',
				'06-hintless.yaml',
			].map((f) => shown(lesson(f))),
		);
		expect(course.problems).toEqual([]);
	});
});

describe('problems found in a copy of a good pack', () => {
	const made: string[] = [];
	afterAll(() => {
		for (const dir of made) rmSync(dir, {recursive: true, force: true});
	});
	/** A fresh copy of tests/fixtures/lessons-good. */
	function copyPack(): string {
		const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-pack-'));
		made.push(dir);
		cpSync(goodPack, dir, {recursive: true});
		return dir;
	}
	/** A copy of the good pack with `edit` applied to one of its files. */
	function packWith(file: string, edit: (text: string) => string): string {
		const dir = copyPack();
		const path = join(dir, file);
		const before = readFileSync(path, 'utf8');
		const after = edit(before);
		expect(after, `the edit of ${file} changed nothing`).not.toBe(before);
		writeFileSync(path, after);
		return dir;
	}
	const LESSON = 'lessons/01-extra-pack.yaml';
	const EXERCISE = 'exercises/extra-pack/extra-pack-choice.yaml';

	it('the unedited pack loads with no problem, kubectl jsonpath braces included', () => {
		const course = loadCourse({lessonDirs: [goodPack]});
		expect(allProblems(course)).toEqual([]);
		const command = course.lessons[0].steps.find((s) => s.kind === 'command');
		expect(command?.kind === 'command' && command.args).toContain('jsonpath={.status.phase}');
	});

	it('an unknown field in a step (titel)', () => {
		const dir = packWith(LESSON, (t) => t.replace('    title: A Pod from a file', '    titel: A Pod from a file'));
		const problems = allProblems(loadCourse({lessonDirs: [dir]}));
		expect(problems).toHaveLength(1);
		expect(problems[0].path).toBe('steps[1].titel');
		expect(problems[0].message).toMatch(/^unknown field "titel" \(expected one of: .*title/);
		expect(problems[0].line).toBe(lineWith(join(dir, LESSON), 'titel:'));
	});

	it('an unknown field in an exercise (promt)', () => {
		const dir = packWith(EXERCISE, (t) => t.replace('prompt:', 'promt:'));
		const problems = allProblems(loadCourse({lessonDirs: [dir]}));
		const typo = problems.find((p) => p.path === 'promt');
		expect(typo?.message).toMatch(/^unknown field "promt"/);
		expect(typo?.line).toBe(lineWith(join(dir, EXERCISE), 'promt:'));
		expect(typo?.file).toBe(join(dir, EXERCISE));
	});

	it('args written as a shell string', () => {
		const dir = packWith(LESSON, (t) => t.replace(/args: \[.*\]/, 'args: get pod {pod} -o wide'));
		const problems = allProblems(loadCourse({lessonDirs: [dir]}));
		expect(problems).toHaveLength(1);
		expect(problems[0].path).toBe('steps[3].args');
		expect(problems[0].message).toBe(
			'must be a list of arguments, never a shell string: write [get, pods] instead of "get pods"',
		);
		expect(problems[0].line).toBe(lineWith(join(dir, LESSON), 'args:'));
	});

	it('an unknown placeholder {podname}', () => {
		const dir = packWith(LESSON, (t) => t.replace('"{pod}"', '"{podname}"'));
		const problems = allProblems(loadCourse({lessonDirs: [dir]}));
		expect(problems).toHaveLength(1);
		expect(problems[0].path).toBe('steps[3].args[2]');
		expect(problems[0].message).toBe(
			'unknown placeholder {podname} (allowed: {pod} {namespace} {container} {image})',
		);
	});

	it('a diagram step with both file and spec', () => {
		const dir = packWith(LESSON, (t) =>
			t.replace('    view: docker\n', '    view: docker\n    file: specs/two-containers.yaml\n'),
		);
		const problems = allProblems(loadCourse({lessonDirs: [dir]}));
		expect(problems).toHaveLength(1);
		expect(problems[0].path).toBe('steps[2]');
		expect(problems[0].message).toMatch(/exactly one of "file" .* or "spec"/);
		expect(problems[0].line).toBe(
			lineWith(join(dir, LESSON), '- kind: diagram', lineWith(join(dir, LESSON), 'A Pod from a file')),
		);
	});

	it('a diagram file that does not exist', () => {
		const dir = packWith(LESSON, (t) =>
			t.replace('file: specs/two-containers.yaml', 'file: specs/three-containers.yaml'),
		);
		const problems = allProblems(loadCourse({lessonDirs: [dir]}));
		expect(problems).toHaveLength(1);
		expect(problems[0].path).toBe('steps[1].file');
		expect(problems[0].message).toMatch(/^no such file "specs\/three-containers.yaml" next to the lesson/);
		expect(problems[0].line).toBe(lineWith(join(dir, LESSON), 'file: specs/three'));
	});

	it('an exercise folder with no lesson of that id', () => {
		const dir = copyPack();
		const stray = join(dir, 'exercises', 'no-such-lesson');
		mkdirSync(stray);
		writeFileSync(join(stray, 'x.yaml'), 'id: x\n');
		const course = loadCourse({lessonDirs: [dir]});
		expect(course.lessons.map((l) => l.id)).toEqual(['extra-pack']);
		expect(course.problems).toHaveLength(1);
		expect(course.problems[0].file).toBe(stray);
		expect(course.problems[0].message).toContain('"no-such-lesson"');
	});

	it('an exercise no step uses', () => {
		const dir = packWith(LESSON, (t) => t.replace('  - kind: exercise\n    exercise: extra-pack-choice\n', ''));
		const course = loadCourse({lessonDirs: [dir]});
		expect(course.lessons.map((l) => l.id)).toEqual(['extra-pack']);
		expect(course.problems).toHaveLength(1);
		expect(course.problems[0].file).toBe(join(dir, EXERCISE));
		expect(course.problems[0].message).toBe(
			'exercise "extra-pack-choice" is not used by any step of lesson "extra-pack"',
		);
	});
});

describe('lesson folders', () => {
	it('takes a pack DIR holding lessons/ and exercises/, or its lessons/ folder, alike', () => {
		for (const dir of [goodPack, join(goodPack, 'lessons')]) {
			const course = loadCourse({lessonDirs: [dir]});
			expect(course.lessons.map((l) => l.id)).toEqual(['extra-pack']);
			expect(course.lessons[0].exerciseDir).toBe(join(goodPack, 'exercises', 'extra-pack'));
			expect(course.exercises.get('extra-pack-choice')?.kind).toBe('single-choice');
		}
	});

	it('adds a pack after the bundled lessons', () => {
		const bundled = loadCourse({lessonDirs: [bundledLessonDir()]});
		const both = loadCourse({lessonDirs: [bundledLessonDir(), goodPack]});
		expect(both.lessons.map((l) => l.id)).toEqual([...bundled.lessons.map((l) => l.id), 'extra-pack']);
	});

	it('reports a folder that does not exist', () => {
		const course = loadCourse({lessonDirs: [join(fixtures, 'no-such-pack')]});
		expect(course.lessons).toEqual([]);
		expect(course.problems.map((p) => p.message)).toEqual(['no such folder of lessons']);
	});

	it('loads the bundled course with no problem, meaning checks included', () => {
		const course = loadCourse(courseLoadOptions([bundledLessonDir()]));
		expect(allProblems(course).map(formatProblem)).toEqual([]);
		expect(course.lessons.length).toBeGreaterThanOrEqual(10);
		for (const lesson of course.lessons) {
			for (const step of lesson.steps)
				if (step.kind === 'exercise') expect(course.exercises.has(step.exercise)).toBe(true);
		}
	});
});
