/**
 * The `examples:` of an exercise file, run through the checker exactly as
 * `pod-tutor check ID ANSWER` would run them: every right example must be judged right and every
 * wrong one wrong, so an author sees at `validate` time (and CI on every change) where the
 * checker and the lesson disagree. Manifest examples are files under examples/<id>/ next to the
 * exercise file.
 */
import {readFileBounded} from '../files/bounded-read.js';
import {dirname, isAbsolute, join, normalize, relative, sep} from 'node:path';
import type {Exercise} from '../content/types.js';
import {checkAnswer, type CheckResult} from './check-answer.js';
import {parseCliAnswer} from './cli-answer.js';

export interface ExampleProblem {
	readonly path: string;
	readonly message: string;
}

/** The smallest set a kind needs: free text is where phrasing varies, so it needs the most. */
export function requiredExamples(ex: Exercise): {readonly right: number; readonly wrong: number} {
	switch (ex.kind) {
		case 'free-text':
			return {right: 5, wrong: 3};
		case 'single-choice':
		case 'predict':
		case 'ordering':
			// One right answer exists (the CLI's ways of typing it are equivalent).
			return {right: 1, wrong: 2};
		default:
			return {right: 2, wrong: 2};
	}
}

/** One example answer, checked as the CLI would check it; an error when the CLI cannot read it. */
export type ExampleRun =
	{readonly ok: true; readonly result: CheckResult} | {readonly ok: false; readonly error: string};

const MAX_EXAMPLE_BYTES = 1024 * 1024;

type ExampleFile = {ok: true; text: string; path: string} | {ok: false; error: string};

function readExampleFile(ex: Exercise, entry: string): ExampleFile {
	const folder = join(dirname(ex.file), 'examples', ex.id);
	const path = isAbsolute(entry) ? entry : normalize(join(dirname(ex.file), entry));
	const inside = relative(folder, path);
	if (inside === '' || inside.startsWith('..') || isAbsolute(inside) || inside.includes(`..${sep}`)) {
		const where = `examples/${ex.id}/ next to the exercise file`;
		return {ok: false, error: `manifest examples are files under ${where}, not "${entry}"`};
	}
	const read = readFileBounded(path, {limit: MAX_EXAMPLE_BYTES, within: dirname(ex.file)});
	if (read.ok) return {ok: true, text: read.text, path};
	if (read.problem === 'missing') return {ok: false, error: `no such file ${entry} (looked in ${path})`};
	return {ok: false, error: `cannot read ${entry}: ${read.reason}`};
}

/** Checks one example as `pod-tutor check` would, without recording anything. */
export function runExample(ex: Exercise, entry: string): ExampleRun {
	let args: string[];
	let readText: (path: string) => string = () => {
		throw new Error('not a manifest exercise');
	};
	if (ex.kind === 'manifest') {
		const file = readExampleFile(ex, entry);
		if (!file.ok) return {ok: false, error: file.error};
		args = ['--file', entry];
		readText = () => file.text;
	} else {
		args = [entry];
	}
	const parsed = parseCliAnswer(ex, args, readText);
	if (!parsed.ok) return {ok: false, error: parsed.error};
	const answer = parsed.answer.kind === 'manifest' ? {...parsed.answer, origin: entry} : parsed.answer;
	return {ok: true, result: checkAnswer(ex, answer)};
}

function why(result: CheckResult): string {
	const failed = result.checks.filter((check) => !check.passed).map((check) => check.message);
	return (failed.length > 0 ? failed.join('; ') : result.feedback).replace(/\s+/g, ' ').slice(0, 300);
}

/** Every disagreement between an exercise's examples and its checker, as field paths. */
export function exampleProblems(ex: Exercise): ExampleProblem[] {
	const problems: ExampleProblem[] = [];
	const need = requiredExamples(ex);
	const examples = ex.examples;
	if (!examples) {
		const message =
			`missing: list at least ${need.right} right and ${need.wrong} wrong answers` +
			' as learners would type them (docs/LESSON-FORMAT.md, "examples")';
		return [{path: 'examples', message}];
	}
	if (examples.right.length < need.right) {
		const message =
			`lists ${examples.right.length}; a ${ex.kind} exercise needs at least ${need.right} right answers,` +
			' phrased as different learners would';
		problems.push({path: 'examples.right', message});
	}
	if (examples.wrong.length < need.wrong) {
		const message = `lists ${examples.wrong.length}; a ${ex.kind} exercise needs at least ${need.wrong} wrong answers`;
		problems.push({path: 'examples.wrong', message});
	}
	for (const side of ['right', 'wrong'] as const) {
		examples[side].forEach((entry, i) => {
			const path = `examples.${side}[${i}]`;
			const run = runExample(ex, entry);
			if (!run.ok) {
				problems.push({path, message: `the checker cannot read it: ${run.error}`});
				return;
			}
			if (side === 'right' && !run.result.correct) {
				problems.push({path, message: `the checker judges this right answer wrong: ${why(run.result)}`});
			}
			if (side === 'wrong' && run.result.correct) {
				problems.push({path, message: 'the checker judges this wrong answer right'});
			}
		});
	}
	return problems;
}
