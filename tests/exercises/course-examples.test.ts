/**
 * Every exercise of the bundled course judges its own examples as their author meant, and
 * `pod-tutor validate` fails an exercise whose examples disagree with its checker.
 */
import {execFileSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {loadCourse} from '../../src/content/course-loader.js';
import type {Exercise} from '../../src/content/types.js';
import {exampleProblems, requiredExamples, runExample} from '../../src/exercises/exercise-examples.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const course = loadCourse({lessonDirs: [join(ROOT, 'lessons')]});
const exercises: Exercise[] = [...course.exercises.values()];

describe('the examples of every exercise in the course', () => {
	it('loads the whole course', () => {
		expect(exercises.length).toBeGreaterThan(50);
	});
	for (const ex of exercises) {
		it(ex.id, () => {
			expect(ex.examples, `${ex.id} has no examples:`).toBeDefined();
			const need = requiredExamples(ex);
			expect(ex.examples!.right.length).toBeGreaterThanOrEqual(need.right);
			expect(ex.examples!.wrong.length).toBeGreaterThanOrEqual(need.wrong);
			expect(exampleProblems(ex)).toEqual([]);
		});
	}
});

describe('pod-tutor validate runs the examples', () => {
	const scratch = mkdtempSync(join(tmpdir(), 'pod-tutor-examples-'));
	afterAll(() => rmSync(scratch, {recursive: true, force: true}));
	const validate = (dir: string): {code: number; out: string} => {
		try {
			return {
				code: 0,
				out: execFileSync(process.execPath, [join(ROOT, 'bin', 'pod-tutor.js'), 'validate', dir], {
					encoding: 'utf8',
				}),
			};
		} catch (error) {
			const failed = error as {status: number; stdout: string};
			return {code: failed.status, out: failed.stdout};
		}
	};

	it('fails a free-text exercise whose wrong example the checker accepts, naming file, line and path', () => {
		const pack = join(scratch, 'free-text');
		cpSync(join(ROOT, 'lessons'), join(pack, 'lessons'), {recursive: true});
		cpSync(join(ROOT, 'exercises'), join(pack, 'exercises'), {recursive: true});
		const file = join(pack, 'exercises', 'pod', 'pod-smallest-unit.yaml');
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace('  wrong:\n    - "container"', '  wrong:\n    - "the Pod"'),
		);
		const {code, out} = validate(pack);
		expect(code).toBe(1);
		expect(out).toMatch(
			/pod-smallest-unit\.yaml:\d+: examples\.wrong\[0\]: the checker judges this wrong answer right/,
		);
	});

	it('fails a manifest exercise whose right example file the checker rejects', () => {
		const pack = join(scratch, 'manifest');
		cpSync(join(ROOT, 'lessons'), join(pack, 'lessons'), {recursive: true});
		cpSync(join(ROOT, 'exercises'), join(pack, 'exercises'), {recursive: true});
		const example = join(pack, 'exercises', 'storage', 'examples', 'storage-shared-emptydir', 'right-1.yaml');
		writeFileSync(example, readFileSync(example, 'utf8').replace('mountPath: /var/log/app', 'mountPath: /data'));
		const {code, out} = validate(pack);
		expect(code).toBe(1);
		expect(out).toMatch(
			/storage-shared-emptydir\.yaml:\d+: examples\.right\[0\]: the checker judges this right answer wrong: container app mounts logs at \/data/,
		);
	});
});

describe('manifest examples are files under examples/<id>/', () => {
	it('refuses a path outside that folder', () => {
		const ex = course.exercises.get('pod-two-containers')!;
		const run = runExample(ex, '../pod/pod-two-containers.yaml');
		expect(run).toEqual({
			ok: false,
			error: 'manifest examples are files under examples/pod-two-containers/ next to the exercise file, not "../pod/pod-two-containers.yaml"',
		});
	});
});
