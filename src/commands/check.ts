import {resolve} from 'node:path';
import {loadCourseFast} from '../content/course-cache.js';
import {markupToPlain} from '../content/markup.js';
import {recordedName, recordedOrigin, type Exercise} from '../content/types.js';
import {checkAnswerReady} from '../exercises/check-answer.js';
import {parseCliAnswer} from '../exercises/cli-answer.js';
import {MAX_MANIFEST_BYTES} from '../exercises/manifest-yaml.js';
import {readFileBoundedAsync, readStreamBounded, type BoundedRead} from '../files/bounded-read.js';
import {shownArgs} from '../live/step-plan.js';
import {commandLine} from '../render/step-lines.js';
import {EXIT_FAIL, EXIT_NOT_SAVED, EXIT_OK, EXIT_USAGE, type CommandIO, type Subcommand} from './command-io.js';

function similarIds(wanted: string, ids: Iterable<string>): string[] {
	const stem = wanted.split('-')[0];
	return [...ids].filter((id) => id.startsWith(stem) || id.includes(wanted)).slice(0, 8);
}

/** The path after --file / -f / --file= (the answer parser reads the same arguments). */
function manifestPath(args: readonly string[]): string | undefined {
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--file' || args[i] === '-f') return args[i + 1];
		if (args[i].startsWith('--file=')) return args[i].slice('--file='.length);
	}
	return undefined;
}

/**
 * Reads the manifest before the answer is parsed, asynchronously and bounded: stdin through its
 * stream (a producer that pauses is waited for), a path only when it is a regular file.
 */
async function readManifest(path: string | undefined, io: CommandIO): Promise<BoundedRead | undefined> {
	if (path === undefined || path === '') return undefined;
	if (path === '-') return readStreamBounded(io.stdin, MAX_MANIFEST_BYTES);
	return readFileBoundedAsync(resolve(io.cwd, path), {limit: MAX_MANIFEST_BYTES});
}

/**
 * pod-tutor check <exercise-id> <answer...> [--json]: checks and records an answer.
 * Exit 0 right, 1 wrong, 2 unknown exercise or an answer that cannot be read, 3 judged but not
 * saved (the reason is on stderr, and in the JSON as `saved: false` with `saveError`).
 */
export const runCheck: Subcommand = async (args, io, options) => {
	const json = args.includes('--json');
	const rest = args.filter((a) => a !== '--json');
	const [id, ...answerArgs] = rest;
	if (!id) {
		io.stderr(
			'pod-tutor check: name the exercise and give your answer: pod-tutor check <exercise-id> <answer...> (pod-tutor list shows the ids)\n',
		);
		return EXIT_USAGE;
	}
	const course = await loadCourseFast(options.lessonDirs);
	const exercise: Exercise | undefined = course.exercises.get(id);
	if (!exercise) {
		const near = similarIds(id, course.exercises.keys());
		io.stderr(
			`pod-tutor check: no exercise "${id}".${near.length ? ` Did you mean: ${near.join(', ')}?` : ''} pod-tutor list shows every exercise id.\n`,
		);
		return EXIT_USAGE;
	}
	const manifest = exercise.kind === 'manifest' ? await readManifest(manifestPath(answerArgs), io) : undefined;
	const parsed = parseCliAnswer(exercise, answerArgs, () => {
		if (manifest?.ok) return manifest.text;
		throw new Error(manifest?.reason ?? 'nothing to read');
	});
	if (!parsed.ok) {
		io.stderr(`pod-tutor check: ${parsed.error}\n`);
		return EXIT_USAGE;
	}
	const result = await checkAnswerReady(exercise, parsed.answer);
	let saveProblem: string | undefined;
	if (!result.malformed) {
		const {openProgressStore} = await import('../progress/progress-store.js');
		// Lazy: a large progress file is not read just to record one attempt (docs/DECISIONS.md).
		const opened = openProgressStore(io.env, {lazy: true});
		if (opened.warning) io.stderr(`pod-tutor: ${opened.warning}\n`);
		// Recorded every time: the first prediction stands (progress-updates.ts), so asking whether
		// there is one first would only cost reading the progress.
		if (exercise.kind === 'predict' && parsed.answer.kind === 'choice')
			opened.store.recordPrediction(exercise.id, parsed.answer.selected[0], result.correct);
		const saved = opened.store.recordAttempt(exercise.id, {correct: result.correct, answer: parsed.answer});
		if (!saved.ok) saveProblem = saved.error;
		else if (saved.warning) io.stderr(`pod-tutor: ${saved.warning}\n`);
	}
	if (json) {
		const save = saveProblem === undefined ? {saved: !result.malformed} : {saved: false, saveError: saveProblem};
		io.stdout(
			`${JSON.stringify({id: result.id, correct: result.correct, checks: result.checks, feedback: result.feedback, ...save})}\n`,
		);
	} else {
		const lines = [result.correct ? 'Right.' : result.malformed ? 'That answer could not be read:' : 'Not yet.'];
		if (result.checks.length > 1)
			for (const check of result.checks) lines.push(`  ${check.passed ? '[ok]  ' : '[fail]'} ${check.message}`);
		if (result.feedback && result.feedback !== 'Correct.') lines.push(markupToPlain(result.feedback));
		if (exercise.kind === 'predict' && !result.malformed) {
			const {observe} = exercise;
			lines.push(
				'',
				`$ ${commandLine(observe.tool, shownArgs(observe))}`,
				`${recordedName(observe.recorded)} (${recordedOrigin(observe.tool, observe.recorded)}):`,
				observe.recorded.output.replace(/\n$/, ''),
			);
			if (observe.compare && observe.recorded.compared !== undefined)
				lines.push(
					`$ ${commandLine(observe.tool, shownArgs({...observe, args: observe.compare.args}))}`,
					`measured just before in ${observe.compare.label}, in the same run, to compare with:`,
					observe.recorded.compared.replace(/\n$/, ''),
				);
		}
		if (result.correct) lines.push('', markupToPlain(exercise.explanation));
		else if (!result.malformed) lines.push('', `Hint: ${markupToPlain(exercise.hints[0])}`);
		io.stdout(`${lines.join('\n')}\n`);
	}
	if (saveProblem) {
		io.stderr(`pod-tutor: your answer was checked but NOT saved: ${saveProblem}\n`);
		return EXIT_NOT_SAVED;
	}
	if (result.malformed) return EXIT_USAGE;
	return result.correct ? EXIT_OK : EXIT_FAIL;
};
