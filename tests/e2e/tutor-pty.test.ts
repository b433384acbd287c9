import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {ManifestExercise, SingleChoiceExercise} from '../../src/content/types.js';
import {repoCourse, repoRoot} from '../tutor/course-fixture.js';
import {writeProgressAt} from '../helpers/progress-at.js';
import {TmuxSession} from '../helpers/tmux-session.js';
import {waitFor} from '../helpers/wait-for.js';

let configDir: string;
let session: TmuxSession;

beforeEach(() => {
	configDir = mkdtempSync(join(tmpdir(), 'pod-tutor-e2e-'));
});

afterEach(() => {
	session?.stop();
	rmSync(configDir, {recursive: true, force: true});
});

function startTutor(env: Record<string, string> = {}, size: [number, number] = [80, 24]) {
	session = new TmuxSession(...size);
	session.start(
		['node', 'bin/pod-tutor.js'],
		{POD_TUTOR_CONFIG_DIR: configDir, LANG: 'C.UTF-8', TERM: 'xterm-256color', ...env},
		repoRoot,
	);
	return session;
}

/** The first lesson's first single-choice exercise: where it is and how to answer it right. */
function firstChoiceExercise() {
	const course = repoCourse();
	const lesson = course.lessons[0];
	const step = lesson.steps.findIndex(
		(s) => s.kind === 'exercise' && course.exercises.get(s.exercise)?.kind === 'single-choice',
	);
	const exercise = course.exercises.get((lesson.steps[step] as {exercise: string}).exercise) as SingleChoiceExercise;
	return {lesson, step, exercise, answerIndex: exercise.choices.findIndex((c) => c.id === exercise.answer)};
}

describe('the tutor in a real terminal (tmux, 80x24)', () => {
	it('opens a lesson, answers an exercise, quits, and reopens at the same step', async () => {
		const {lesson, step, exercise, answerIndex} = firstChoiceExercise();
		const tutor = startTutor();
		await tutor.waitFor((s) => s.includes('lessons done'), 'the home screen');
		tutor.keys('Enter');
		await tutor.waitFor((s) => s.includes(`step 1/${lesson.steps.length}`), 'the first step');
		for (let i = 0; i < step; i++) {
			tutor.keys('l');
			await tutor.waitFor((s) => s.includes(`step ${i + 2}/${lesson.steps.length}`), `step ${i + 2}`);
		}
		await tutor.waitFor((s) => s.includes('Choose one:'), 'the exercise');
		for (let i = 0; i < answerIndex; i++) tutor.keys('Down');
		tutor.keys('Enter');
		const answered = await tutor.waitFor((s) => s.includes('Right.'), 'the verdict');
		expect(answered).toContain(`step ${step + 1}/${lesson.steps.length}`);
		tutor.keys('q');
		await tutor.waitFor((s) => s.includes('lessons done'), 'back on the home screen');
		tutor.keys('q');
		await tutor.waitFor((s) => s.includes('[exited 0]'), 'the tutor to exit');

		const saved = JSON.parse(readFileSync(join(configDir, 'progress.json'), 'utf8'));
		expect(saved.exercises[exercise.id]).toMatchObject({attempts: 1, correct: true});
		session.stop();

		const again = startTutor();
		const reopened = await again.waitFor(
			(s) => s.includes(`step ${step + 1}/${lesson.steps.length}`),
			'the same step after a restart',
		);
		expect(reopened).toContain(lesson.title);
		expect(reopened).toContain('answered right before');
	});

	it('draws plain ASCII when the locale is not UTF-8, and says so when the window is too small', async () => {
		const tutor = startTutor({LANG: 'C', LC_ALL: 'C', TERM: 'vt100'});
		const home = await tutor.waitFor((s) => s.includes('lessons done'), 'the home screen');
		expect(home).toMatch(/^[\x20-\x7E\n]*$/);
		expect(home).toContain('[ ]');
		tutor.resize(50, 12);
		await tutor.waitFor((s) => s.includes('Terminal too small (50x12)'), 'the too-small message');
		tutor.resize(80, 24);
		await tutor.waitFor((s) => s.includes('lessons done'), 'the home screen after growing the window');
		tutor.keys('C-c');
		await tutor.waitFor((s) => s.includes('[exited 0]'), 'Ctrl+C to quit');
	});
});

describe('writing a manifest in $EDITOR', () => {
	it('hands the terminal to the editor, takes it back, and checks what was written', async () => {
		const course = repoCourse();
		const lesson = course.lessons.find((l) =>
			l.steps.some((s) => s.kind === 'exercise' && course.exercises.get(s.exercise)?.kind === 'manifest'),
		)!;
		const step = lesson.steps.findIndex(
			(s) => s.kind === 'exercise' && course.exercises.get(s.exercise)?.kind === 'manifest',
		);
		const exercise = course.exercises.get((lesson.steps[step] as {exercise: string}).exercise) as ManifestExercise;
		// The "editor" is cp: it is called as EDITOR FILE, so it copies the reference answer over
		// the file the tutor prefilled, as a learner saving the right manifest would.
		const answer = join(configDir, 'answer.yaml');
		writeFileSync(answer, exercise.answer);
		writeProgressAt(configDir, lesson.id, step);
		const tutor = startTutor({EDITOR: `cp ${answer}`});
		await tutor.waitFor((s) => s.includes('Write a manifest:'), 'the manifest exercise');
		tutor.keys('e');
		const checked = await tutor.waitFor((s) => s.includes('Right.'), 'the checked manifest');
		expect(checked).toContain(`step ${step + 1}/${lesson.steps.length}`);
		// The attempt is written just after the verdict is drawn.
		const readSaved = () => JSON.parse(readFileSync(join(configDir, 'progress.json'), 'utf8'));
		const saved = await waitFor(readSaved, (p) => p.exercises[exercise.id]?.attempts === 1, 'the saved attempt');
		expect(saved.exercises[exercise.id]).toMatchObject({attempts: 1, correct: true});
		expect(saved.drafts[exercise.id].text).toBe(exercise.answer);
		tutor.keys('C-c');
		await tutor.waitFor((s) => s.includes('[exited 0]'), 'the tutor to exit');
	});
});
