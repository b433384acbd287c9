/** The checks validate runs are the ones list, show and the tutor get (loadCourseFast), specs included. */
import {mkdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadApiSchema} from '../../src/exercises/api-schema.js';
import {courseLoadOptions} from '../../src/commands/course-options.js';
import {loadCourseFast} from '../../src/content/course-cache.js';
import {bundledLessonDir, loadCourse} from '../../src/content/course-loader.js';
import {formatProblem, type Course} from '../../src/content/types.js';
import {useTempConfig} from '../progress/temp-config.js';

const temp = useTempConfig();

const LESSON = `id: mini
title: Mini
summary: A small pack lesson.
sources: [https://kubernetes.io/docs/concepts/workloads/pods/]
steps:
  - kind: diagram
    title: Diagram
    file: specs/pod.yaml
  - kind: exercise
    exercise: mini-choice
`;
const EXERCISE = `id: mini-choice
kind: single-choice
prompt: Which one?
choices:
  - id: a
    text: One
  - id: b
    text: Two
  - id: c
    text: Three
hints:
  - Think.
explanation: It is one.
answer: ANSWER
wrong:
  - answer: b
    feedback: Not two.
  - answer: c
    feedback: Not three.
examples:
  right: [a]
  wrong: [b, c]
`;

function pack(answer: string, spec: string): string {
	const {dir} = temp();
	mkdirSync(path.join(dir, 'lessons', 'specs'), {recursive: true});
	mkdirSync(path.join(dir, 'exercises', 'mini'), {recursive: true});
	writeFileSync(path.join(dir, 'lessons', 'mini.yaml'), LESSON);
	writeFileSync(path.join(dir, 'exercises', 'mini', 'mini-choice.yaml'), EXERCISE.replace('ANSWER', answer));
	writeFileSync(path.join(dir, 'lessons', 'specs', 'pod.yaml'), spec);
	return dir;
}

const problems = (course: Course) =>
	[...course.broken.flatMap((b) => b.problems), ...course.problems].map(formatProblem);
const POD =
	'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: a\n      image: busybox:1.36\n';

// Manifest answers and examples are checked against the API schema, loaded first as validate does.
beforeAll(() => loadApiSchema());

describe('one validator for all', () => {
	it('an answer not among the choices breaks the lesson for list and the tutor, as for validate', async () => {
		const dir = pack('z', POD);
		const fast = await loadCourseFast([dir]);
		expect(fast.lessons).toEqual([]);
		expect(fast.broken.map((b) => b.id)).toEqual(['mini']);
		expect(problems(fast)).toEqual(problems(loadCourse(courseLoadOptions([dir]))));
		expect(problems(fast).join('\n')).toMatch(/mini-choice\.yaml:\d+: answer: /);
	});

	it('a spec that is no Pod, or has a negative CPU request, breaks its lesson at the step', async () => {
		const service = await loadCourseFast([pack('a', 'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n')]);
		expect(problems(service).join('\n')).toMatch(
			/mini\.yaml:8: steps\[0\]\.file: diagram file specs\/pod\.yaml: no Pod spec to draw/,
		);
		const negative = await loadCourseFast([
			pack(
				'a',
				POD.replace(
					'image: busybox:1.36',
					'image: busybox:1.36\n      resources:\n        requests:\n          cpu: -100m',
				),
			),
		]);
		expect(problems(negative).join('\n')).toMatch(/steps\[0\]\.file: .*"-100m" is negative/);
	});

	it('a symbolic link in the pack is followed inside it and refused by name outside', async () => {
		const dir = pack('a', POD);
		const spec = path.join(dir, 'lessons', 'specs', 'pod.yaml');
		writeFileSync(path.join(dir, 'lessons', 'specs', 'real.yaml'), POD);
		rmSync(spec);
		symlinkSync('real.yaml', spec);
		expect(problems(await loadCourseFast([dir]))).toEqual([]);
		rmSync(spec);
		symlinkSync('/etc/passwd', spec);
		expect(problems(await loadCourseFast([dir])).join('\n')).toMatch(
			/steps\[0\]\.file: diagram file specs\/pod\.yaml: it is a symbolic link to \/etc\/passwd, outside/,
		);
	});

	it('text with a terminal control character is a problem at its field', () => {
		const dir = pack('a', POD);
		writeFileSync(
			path.join(dir, 'lessons', 'mini.yaml'),
			LESSON.replace('title: Mini', 'title: "Mini\\e]0;PWNED\\a"'),
		);
		expect(problems(loadCourse(courseLoadOptions([dir])))).toEqual([
			expect.stringMatching(
				/mini\.yaml:\d+: title: holds the control character U\+001B; lesson text must be plain text$/,
			),
		]);
	});

	it('the bundled lessons pass every check', () => {
		expect(problems(loadCourse(courseLoadOptions([bundledLessonDir()])))).toEqual([]);
	});
});
