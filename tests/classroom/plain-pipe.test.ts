/**
 * `pod-tutor --plain` driven through a pipe, as a screen reader's terminal or a script would:
 * every kind of exercise answered by typing, checked by the tutor's own checker, saved by its
 * progress store, and resumed by the next session.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {Exercise, ExerciseKind, Lesson} from '../../src/content/types.js';
import {findExerciseStep, repoCourse} from '../tutor/course-fixture.js';
import {runBuilt} from './built-cli.js';

let configDir: string;
let env: NodeJS.ProcessEnv;

beforeEach(() => {
	configDir = mkdtempSync(join(tmpdir(), 'pod-tutor-plain-'));
	env = {POD_TUTOR_CONFIG_DIR: configDir, POD_TUTOR_LAB_CONFIG: join(configDir, 'no-lab.yaml')};
});
afterEach(() => rmSync(configDir, {recursive: true, force: true}));

const saved = () => JSON.parse(readFileSync(join(configDir, 'progress.json'), 'utf8'));

/** The lines that take a fresh learner from the lesson's first step to `step`: Enter, or next past an exercise. */
function walkTo(lesson: Lesson, step: number): string[] {
	return lesson.steps.slice(0, step).map((s) => (s.kind === 'exercise' ? 'next' : ''));
}

/** The reference answer, typed the way plain mode asks for it (numbers for choices and orderings). */
function typedAnswer(exercise: Exercise, value: Exercise['answer'] = exercise.answer): string {
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict':
			return String(exercise.choices.findIndex((c) => c.id === value) + 1);
		case 'multiple-choice':
			return (value as string[]).map((id) => exercise.choices.findIndex((c) => c.id === id) + 1).join(' ');
		case 'ordering':
			return (value as string[]).map((id) => exercise.items.findIndex((i) => i.id === id) + 1).join(' ');
		case 'free-text':
		case 'quantity':
			return String(value);
		case 'manifest':
			return `${String(value).trimEnd()}\n.`;
	}
}

const KINDS: ExerciseKind[] = [
	'single-choice',
	'multiple-choice',
	'free-text',
	'quantity',
	'ordering',
	'predict',
	'manifest',
];

describe('plain mode through a pipe', () => {
	it.each(KINDS)('a %s exercise: a wrong answer, a hint, then the right answer, all saved', async (kind) => {
		const {lesson, step, exercise} = findExerciseStep(kind);
		const wrong = typedAnswer(exercise, exercise.wrong[0].answer);
		const input = [...walkTo(lesson, step), wrong, 'hint', typedAnswer(exercise), 'quit', ''].join('\n');
		const run = await runBuilt(['--plain', lesson.id], env, input);
		expect(run.stderr).toContain('plain mode is remembered');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain(`Step ${step + 1} of ${lesson.steps.length}`);
		expect(run.stdout).toContain('Not yet.');
		expect(run.stdout).toContain('Hint 1 of');
		expect(run.stdout).toContain('Right.');
		// Nothing a screen reader would read out as noise: no escape sequences, no cursor moves.
		expect(run.stdout).not.toMatch(/\u001B/);
		expect(saved().exercises[exercise.id]).toMatchObject({attempts: 2, correct: true, hintsUsed: 1});
		expect(saved().last).toMatchObject({lessonId: lesson.id, step});
	});

	it('lists choices as numbers and says what to type when the number is not one of them', async () => {
		const {lesson, step, exercise} = findExerciseStep('single-choice');
		if (exercise.kind !== 'single-choice') throw new Error('not single-choice');
		const input = [...walkTo(lesson, step), String(exercise.choices.length + 1), 'quit', ''].join('\n');
		const run = await runBuilt(['--plain', lesson.id], env, input);
		for (const [i, choice] of exercise.choices.entries())
			expect(run.stdout).toContain(`${i + 1}. ${choice.text.split(' ').slice(0, 3).join(' ')}`);
		expect(run.stdout).toContain(
			`there is no choice ${exercise.choices.length + 1}: type a number from 1 to ${exercise.choices.length}`,
		);
		expect(saved().exercises[exercise.id]).toBeUndefined();
	});

	it('describes diagrams in words instead of drawing boxes', async () => {
		const course = repoCourse();
		const lesson = course.lessons.find((l) =>
			l.steps.some((s) => s.kind === 'diagram' && (s.view ?? 'pod') === 'pod'),
		);
		if (!lesson) throw new Error('no lesson with a pod diagram');
		const step = lesson.steps.findIndex((s) => s.kind === 'diagram' && (s.view ?? 'pod') === 'pod');
		const run = await runBuilt(['--plain', lesson.id], env, [...walkTo(lesson, step), 'quit', ''].join('\n'));
		expect(run.stdout).toContain('Diagram, in words:');
		expect(run.stdout).toMatch(/Its sandbox, the pause container, holds the .* namespaces/);
		expect(run.stdout).not.toMatch(/[┌└│]|\+--/);
	});

	it("remembers --plain in the learner's config.yaml, and --no-plain undoes it", async () => {
		await runBuilt(['--plain'], env, 'quit\n');
		expect(readFileSync(join(configDir, 'config.yaml'), 'utf8')).toBe('plain: true\n');
		// Not a terminal: the remembered choice is for terminals (tests/classroom/terminals.test.ts);
		// a pipe gets the printed lesson.
		const piped = await runBuilt([], env, '');
		expect(piped.stdout).toContain('(Not a terminal, so the lesson is printed as text.');
		const off = await runBuilt(['--no-plain'], env, '');
		expect(off.stdout).not.toContain('plain mode');
		expect(readFileSync(join(configDir, 'config.yaml'), 'utf8')).toBe('plain: false\n');
	});

	it('resumes at the step it left, with the answer kept; the home list shows the lesson in progress', async () => {
		const {lesson, step, exercise} = findExerciseStep('single-choice');
		await runBuilt(['--plain', lesson.id], env, [...walkTo(lesson, step), typedAnswer(exercise), ''].join('\n'));
		expect(saved().exercises[exercise.id]).toMatchObject({attempts: 1, correct: true});
		const resumed = await runBuilt(['--plain'], env, 'lessons\nquit\n');
		expect(resumed.stdout).toContain(`Lesson ${repoCourse().lessons.indexOf(lesson) + 1}: ${lesson.title}`);
		expect(resumed.stdout).toContain(`Step ${step + 1} of ${lesson.steps.length}`);
		expect(resumed.stdout).toContain('(You answered this right before.)');
		expect(resumed.stdout).toContain(`${lesson.title} (in progress)`);
	});

	it('records a reveal only after an attempt, as the full-screen tutor does', async () => {
		const {lesson, step, exercise} = findExerciseStep('quantity');
		await runBuilt(['--plain', lesson.id], env, [...walkTo(lesson, step), 'solution', 'quit', ''].join('\n'));
		expect(saved().exercises[exercise.id]).toBeUndefined();
		const run = await runBuilt(['--plain', lesson.id], env, ['1e9', 'solution', 'quit', ''].join('\n'));
		expect(run.stdout).toContain('The answer:');
		expect(saved().exercises[exercise.id]).toMatchObject({attempts: 1, correct: false, revealed: true});
	});
});

describe('plain mode navigation', () => {
	it('help, back, again and lessons do what they say; the end of a lesson leads to the next one', async () => {
		const course = repoCourse();
		const [first, second] = course.lessons;
		const skip = first.steps.map((s) => (s.kind === 'exercise' ? 'next' : ''));
		const input = ['', 'help', 'back', 'again', '', ...skip.slice(1), 'lessons', 'quit', ''].join('\n');
		const run = await runBuilt(['--plain', first.id], env, input);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Plain mode: type a command and press Enter.');
		// Step 2, back to 1, step 1 again, then on to the end.
		const headings = run.stdout
			.split('\n')
			.filter((line) => /^Step \d+ of /.test(line))
			.map((line) => line.split(':')[0]);
		expect(headings.slice(0, 4)).toEqual([
			`Step 1 of ${first.steps.length}`,
			`Step 2 of ${first.steps.length}`,
			`Step 1 of ${first.steps.length}`,
			`Step 1 of ${first.steps.length}`,
		]);
		expect(run.stdout).toContain(`End of lesson 1: ${first.title}.`);
		expect(run.stdout).toContain(`Lesson 2: ${second.title}`);
		expect(run.stdout.lastIndexOf('Lessons (1 of')).toBeGreaterThan(
			run.stdout.indexOf(`Lesson 2: ${second.title}`),
		);
		expect(saved().lessons[first.id]).toMatchObject({completed: true});
	});

	it('a manifest can be read from a file, and a missing file is said so', async () => {
		const {lesson, step, exercise} = findExerciseStep('manifest');
		const {writeFileSync} = await import('node:fs');
		const file = join(configDir, 'answer.yaml');
		writeFileSync(file, String(exercise.answer));
		const input = [
			...walkTo(lesson, step),
			`file ${join(configDir, 'nope.yaml')}`,
			`file ${file}`,
			'quit',
			'',
		].join('\n');
		const run = await runBuilt(['--plain', lesson.id], env, input);
		expect(run.stdout).toContain('That answer could not be read: cannot read');
		expect(run.stdout).toContain('no such file');
		expect(run.stdout).toContain('Right.');
		expect(saved().exercises[exercise.id]).toMatchObject({attempts: 1, correct: true});
	});
});

describe('diagrams in words follow the view', () => {
	it('pod-tutor diagram --describe says what each view draws', async () => {
		const manifest = join(configDir, 'pod.yaml');
		const {writeFileSync} = await import('node:fs');
		writeFileSync(
			manifest,
			'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n' +
				'  - {name: app, image: nginx:1.27, ports: [{containerPort: 80}]}\n' +
				'  - {name: log, image: busybox:1.36}\n',
		);
		const pod = await runBuilt(['diagram', manifest, '--describe'], env);
		expect(pod.stdout).toContain('Its sandbox, the pause container, holds the net, uts and ipc namespaces');
		const docker = await runBuilt(['diagram', manifest, '--describe', '--view', 'docker'], env);
		expect(docker.stdout).toContain('Docker: no Pod and no pause container.');
		expect(docker.stdout).toContain('- Docker container app, image nginx:1.27');
		expect(docker.stdout).not.toContain('sandbox');
		const compose = await runBuilt(['diagram', manifest, '--describe', '--view', 'compose'], env);
		expect(compose.stdout).toContain('- app: listens on 80; the others use localhost:80.');
		expect(compose.stdout).toContain('- app: listens on 80; the others use app:80.');
	});
});
