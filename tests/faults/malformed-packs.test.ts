/**
 * Generated malformed lesson packs (fast-check): lessons, exercises and diagram specs broken in
 * one to three ways at once, including symbolic links out of the pack, devices, FIFOs, folders,
 * huge and deeply nested files and alias bombs. Every fault must be reported with its file and
 * field (or line), nothing may throw or hang, and the bundled lessons must still load beside it.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, rmSync, symlinkSync, truncateSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadApiSchema} from '../../src/exercises/api-schema.js';
import {courseLoadOptions} from '../../src/commands/course-options.js';
import {bundledLessonDir, loadCourse} from '../../src/content/course-loader.js';
import {formatProblem, type Course, type Problem} from '../../src/content/types.js';
import {cli, expectNothingRaw, tempDir} from './built-cli.js';

const LESSON = `id: base
title: A base lesson
summary: The lesson every generated pack starts from.
sources: [https://kubernetes.io/docs/concepts/workloads/pods/]
steps:
  - kind: text
    title: Text
    body: A Pod holds containers.
  - kind: diagram
    title: Diagram
    file: specs/pod.yaml
  - kind: exercise
    exercise: base-choice
`;

const EXERCISE = `id: base-choice
kind: single-choice
prompt: Where do the containers of a Pod run?
choices:
  - id: a
    text: On one node, together
  - id: b
    text: Spread over nodes
  - id: c
    text: Wherever each image asks
hints:
  - A Pod is scheduled as one unit.
explanation: A Pod is placed on one node with all its containers.
answer: a
wrong:
  - answer: b
    feedback: The scheduler places a whole Pod on one node.
  - answer: c
    feedback: An image says nothing about nodes; the Pod is placed as one unit.
examples:
  right: [a]
  wrong: [b, c]
`;

const SPEC = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
    - name: app
      image: busybox:1.36
`;

/** 10,000 sequences, each the only item of the one before: `- - - ... x`. */
const DEEP = `  ${'- '.repeat(10_000)}x\n`;
const FLOW_DEEP = `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
const ALIAS_BOMB = [
	'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
	...Array.from({length: 8}, (_, i) => {
		const name = String.fromCharCode(98 + i);
		const prev = String.fromCharCode(97 + i);
		return `${name}: &${name} [${Array(10).fill(`*${prev}`).join(',')}]`;
	}),
].join('\n');

interface Pack {
	readonly root: string;
	readonly lesson: string;
	readonly exercise: string;
	readonly spec: string;
}

/** One way to break a pack: what it does, and the problem that must name it. */
interface Fault {
	readonly name: string;
	apply(pack: Pack): void;
	/** The file (relative to the pack) and field the problem must carry; a line when there is no field. */
	readonly file: 'lesson' | 'exercise';
	readonly field?: string;
	/** The problem must carry a line (a parse error without a field). */
	readonly line?: boolean;
	readonly message: RegExp;
}

const write = (file: string, text: string) => writeFileSync(file, text);
const replaceLesson = (pack: Pack, from: string, to: string) => write(pack.lesson, LESSON.replace(from, to));

const FAULTS: readonly Fault[] = [
	{
		name: 'lesson: not YAML',
		file: 'lesson',
		line: true,
		message: /not valid YAML/,
		apply: (p) => write(p.lesson, 'id: [base\ntitle: x\n'),
	},
	{
		name: 'lesson: unknown step kind',
		file: 'lesson',
		field: 'steps[0].kind',
		message: /unknown value "txt"/,
		apply: (p) => replaceLesson(p, 'kind: text', 'kind: txt'),
	},
	{
		name: 'lesson: an escape sequence in the title',
		file: 'lesson',
		field: 'title',
		message: /control character U\+001B/,
		apply: (p) => replaceLesson(p, 'title: A base lesson', 'title: "\\e]0;PWNED\\a"'),
	},
	{
		name: 'lesson: title missing',
		file: 'lesson',
		field: 'title',
		message: /missing/,
		apply: (p) => replaceLesson(p, 'title: A base lesson\n', ''),
	},
	{
		name: 'lesson: 10,000-deep nesting',
		file: 'lesson',
		line: true,
		message: /nested more than 100 levels/,
		apply: (p) => write(p.lesson, `${LESSON}extra:\n${DEEP}`),
	},
	{
		name: 'lesson: 10,000 nested [',
		file: 'lesson',
		line: true,
		message: /nested more than 100 levels/,
		apply: (p) => write(p.lesson, `${LESSON}extra: ${FLOW_DEEP}`),
	},
	{
		name: 'lesson: alias bomb',
		file: 'lesson',
		message: /aliases .* expand/,
		apply: (p) => write(p.lesson, `${LESSON}${ALIAS_BOMB}\n`),
	},
	{
		name: 'lesson: two documents',
		file: 'lesson',
		line: true,
		message: /2 YAML documents/,
		apply: (p) => write(p.lesson, `${LESSON}---\nid: other\n`),
	},
	{
		name: 'lesson: larger than 512 KiB',
		file: 'lesson',
		message: /larger than 512 KiB/,
		apply: (p) => write(p.lesson, `${LESSON}# ${'x'.repeat(600 * 1024)}\n`),
	},
	{
		name: 'lesson: symlink to /etc/passwd',
		file: 'lesson',
		message: /symbolic link to \/etc\/passwd, outside/,
		apply: (p) => link('/etc/passwd', p.lesson),
	},
	{
		name: 'lesson: symlink to /dev/zero',
		file: 'lesson',
		message: /symbolic link to \/dev\/zero, outside/,
		apply: (p) => link('/dev/zero', p.lesson),
	},
	{name: 'lesson: a FIFO', file: 'lesson', message: /named pipe \(FIFO\)/, apply: (p) => fifo(p.lesson)},
	{name: 'lesson: a folder', file: 'lesson', message: /it is a folder/, apply: (p) => folder(p.lesson)},
	{
		name: 'spec: garbage',
		file: 'lesson',
		field: 'steps[1].file',
		message: /specs\/pod\.yaml: .*not valid YAML/,
		apply: (p) => write(p.spec, 'kind: [Pod\n\t:'),
	},
	{
		name: 'spec: not a Pod',
		file: 'lesson',
		field: 'steps[1].file',
		message: /no Pod spec to draw \(found: Service/,
		apply: (p) => write(p.spec, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n'),
	},
	{
		name: 'spec: empty',
		file: 'lesson',
		field: 'steps[1].file',
		message: /no Pod spec to draw/,
		apply: (p) => write(p.spec, ''),
	},
	{
		name: 'spec: a folder',
		file: 'lesson',
		field: 'steps[1].file',
		message: /it is a folder/,
		apply: (p) => folder(p.spec),
	},
	{
		name: 'spec: 50 MB',
		file: 'lesson',
		field: 'steps[1].file',
		message: /larger than 1 MiB/,
		apply: (p) => sparse(p.spec, 50 * 1024 * 1024),
	},
	{
		name: 'spec: alias bomb',
		file: 'lesson',
		field: 'steps[1].file',
		message: /aliases .* expand/,
		apply: (p) => write(p.spec, `${ALIAS_BOMB}\n`),
	},
	{
		name: 'spec: 10,000-deep nesting',
		file: 'lesson',
		field: 'steps[1].file',
		message: /line \d+: nested more than 100 levels/,
		apply: (p) => write(p.spec, `${SPEC}extra:\n${DEEP}`),
	},
	{
		name: 'spec: symlink to /etc/passwd',
		file: 'lesson',
		field: 'steps[1].file',
		message: /symbolic link to \/etc\/passwd, outside/,
		apply: (p) => link('/etc/passwd', p.spec),
	},
	{
		name: 'spec: symlink to /dev/zero',
		file: 'lesson',
		field: 'steps[1].file',
		message: /symbolic link to \/dev\/zero, outside/,
		apply: (p) => link('/dev/zero', p.spec),
	},
	{
		name: 'spec: a FIFO',
		file: 'lesson',
		field: 'steps[1].file',
		message: /named pipe \(FIFO\)/,
		apply: (p) => fifo(p.spec),
	},
	{
		name: 'spec: missing',
		file: 'lesson',
		field: 'steps[1].file',
		message: /no such file/,
		apply: (p) => rmSync(p.spec),
	},
	{
		name: 'exercise: answer not among the choices',
		file: 'exercise',
		field: 'answer',
		message: /"z"/,
		apply: (p) => write(p.exercise, EXERCISE.replace('answer: a', 'answer: z')),
	},
	{
		name: 'exercise: not YAML',
		file: 'exercise',
		line: true,
		message: /not valid YAML/,
		apply: (p) => write(p.exercise, 'id: base-choice\nkind: [\n'),
	},
	{
		name: 'exercise: kind missing',
		file: 'exercise',
		field: 'kind',
		message: /missing/,
		apply: (p) => write(p.exercise, EXERCISE.replace('kind: single-choice\n', '')),
	},
	{
		name: 'exercise: symlink to /etc/passwd',
		file: 'exercise',
		message: /symbolic link to \/etc\/passwd, outside/,
		apply: (p) => link('/etc/passwd', p.exercise),
	},
	{name: 'exercise: a FIFO', file: 'exercise', message: /named pipe \(FIFO\)/, apply: (p) => fifo(p.exercise)},
];

function link(target: string, at: string): void {
	rmSync(at, {force: true, recursive: true});
	symlinkSync(target, at);
}

function fifo(at: string): void {
	rmSync(at, {force: true, recursive: true});
	execFileSync('mkfifo', [at]);
}

function folder(at: string): void {
	rmSync(at, {force: true, recursive: true});
	mkdirSync(at);
}

function sparse(at: string, size: number): void {
	write(at, SPEC);
	truncateSync(at, size);
}

function makePack(root: string): Pack {
	mkdirSync(path.join(root, 'lessons', 'specs'), {recursive: true});
	mkdirSync(path.join(root, 'exercises', 'base'), {recursive: true});
	const pack = {
		root,
		lesson: path.join(root, 'lessons', 'base.yaml'),
		exercise: path.join(root, 'exercises', 'base', 'base-choice.yaml'),
		spec: path.join(root, 'lessons', 'specs', 'pod.yaml'),
	};
	write(pack.lesson, LESSON);
	write(pack.exercise, EXERCISE);
	write(pack.spec, SPEC);
	return pack;
}

const problemsOf = (course: Course): Problem[] => [...course.broken.flatMap((b) => b.problems), ...course.problems];

function reported(problems: readonly Problem[], pack: Pack, fault: Fault): boolean {
	const file = fault.file === 'lesson' ? pack.lesson : pack.exercise;
	return problems.some((p) => {
		if (!file.endsWith(p.file) && p.file !== file) return false;
		if (!fault.message.test(p.message)) return false;
		if (fault.line && p.line === undefined) return false;
		return fault.field === undefined || p.path === fault.field;
	});
}

// Manifest answers and examples are checked against the API schema, loaded first as validate does.
beforeAll(() => loadApiSchema());

describe('generated malformed packs', () => {
	const scratch = tempDir('packs');

	it('the unbroken pack has no problems, and a symbolic link inside the pack is followed', () => {
		const pack = makePack(path.join(scratch, 'clean'));
		expect(problemsOf(loadCourse(courseLoadOptions([pack.root]))).map(formatProblem)).toEqual([]);
		const real = path.join(pack.root, 'lessons', 'specs', 'real.yaml');
		write(real, SPEC);
		link('real.yaml', pack.spec);
		const course = loadCourse(courseLoadOptions([pack.root]));
		expect(problemsOf(course).map(formatProblem)).toEqual([]);
		expect(course.lessons.map((l) => l.id)).toEqual(['base']);
	});

	it('400 packs with one to three faults: every fault reported with its file and field, nothing thrown', () => {
		const durations: number[] = [];
		let run = 0;
		const byFault = new Map<string, number>();
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.constantFrom(...FAULTS), {minLength: 1, maxLength: 3, selector: (f) => f.name}),
				(faults) => {
					// Faults on one file replace each other: keep the last one per file kind and target.
					const pack = makePack(path.join(scratch, `pack-${run++}`));
					const applied: Fault[] = [];
					for (const fault of faults) {
						const target = fault.name.split(':')[0];
						const earlier = applied.findIndex((f) => f.name.split(':')[0] === target);
						if (earlier >= 0) applied.splice(earlier, 1);
						applied.push(fault);
					}
					for (const fault of applied) fault.apply(pack);
					const started = performance.now();
					const course = loadCourse(courseLoadOptions([pack.root]));
					durations.push(performance.now() - started);
					const problems = problemsOf(course);
					for (const fault of applied) {
						byFault.set(fault.name, (byFault.get(fault.name) ?? 0) + 1);
						// A broken lesson file hides its spec and exercises (they are never reached).
						if (fault.name.startsWith('spec') && applied.some((f) => f.name.startsWith('lesson'))) continue;
						if (fault.name.startsWith('exercise') && applied.some((f) => f.name.startsWith('lesson')))
							continue;
						if (!reported(problems, pack, fault)) {
							throw new Error(
								`${fault.name} was not reported; problems: ${problems.map(formatProblem).join(' | ') || 'none'}`,
							);
						}
					}
					expect(course.lessons.map((l) => l.id)).toEqual([]);
					rmSync(pack.root, {recursive: true, force: true});
				},
			),
			{numRuns: 400},
		);
		durations.sort((a, b) => a - b);
		console.log(
			`malformed packs: ${durations.length} packs, ${byFault.size} kinds of fault; load median ${durations[200].toFixed(1)} ms, slowest ${durations.at(-1)!.toFixed(1)} ms`,
		);
		expect(byFault.size).toBe(FAULTS.length);
	});

	it('beside a malformed pack, every bundled lesson still loads', () => {
		const bundled = loadCourse(courseLoadOptions([bundledLessonDir()]));
		const pack = makePack(path.join(scratch, 'beside'));
		for (const fault of FAULTS.filter(
			(f) => f.name.startsWith('spec: symlink to /dev/zero') || f.name.startsWith('exercise: answer'),
		))
			fault.apply(pack);
		const both = loadCourse(courseLoadOptions([bundledLessonDir(), pack.root]));
		expect(both.lessons.map((l) => l.id)).toEqual(bundled.lessons.map((l) => l.id));
		expect(both.lessons.length).toBeGreaterThanOrEqual(14);
		expect(both.broken.map((b) => b.id)).toEqual(['base']);
	});

	it('validate, list and show tell the same story through the built CLI', async () => {
		const pack = makePack(path.join(scratch, 'cli'));
		FAULTS.find((f) => f.name === 'exercise: answer not among the choices')!.apply(pack);
		const validate = await cli(['validate', pack.root]);
		expect(validate.code).toBe(1);
		expect(validate.stdout).toMatch(/base-choice\.yaml:\d+: answer: /);
		const list = await cli(['--lessons', pack.root, 'list']);
		expect(list.code).toBe(0);
		expect(list.stdout).toMatch(/\[!\] base {2}broken: /);
		const show = await cli(['--lessons', pack.root, 'show', 'base']);
		expect(show.code).toBe(2);
		expect(show.stderr).toContain('lesson "base" is broken');
		for (const run of [validate, list, show]) expectNothingRaw(run);
		link('/dev/zero', pack.spec);
		const zero = await cli(['--lessons', pack.root, 'show', 'base']);
		expect(zero.code).toBe(2);
		expectNothingRaw(zero);
	});
});
