/**
 * Semantic checks on one loaded exercise, for the content validator: things the YAML schema
 * cannot see, such as an answer id that names no choice, a manifest rule with a mistyped
 * parameter, or a "wrong" answer the checker would accept. Paths are field paths in the
 * exercise file (answer, wrong[1].answer, rules[2].count).
 */
import {parseDuration} from '../k8s/duration.js';
import {parseQuantity} from '../k8s/quantity.js';
import type {Choice, Exercise, WrongAnswer} from '../content/types.js';
import {answerFromReference} from './answer.js';
import {apiRefuses, checkAnswer, failingRules} from './check-answer.js';
import {exampleProblems} from './exercise-examples.js';
import {parseManifest} from './manifest-yaml.js';
import {ruleProblems} from './manifest-rules.js';
import {buildSynonymTable, normaliseWords, prepareText, sameWords} from './text-match.js';

export interface ExerciseProblem {
	readonly path: string;
	readonly message: string;
}

/** `single`: the field holds one id (single choice), so its path has no index. */
function idProblems(
	choices: readonly Choice[],
	ids: readonly unknown[],
	path: string,
	what: string,
	single = false,
): ExerciseProblem[] {
	const known = choices.map((c) => c.id);
	const problems: ExerciseProblem[] = [];
	for (const [i, id] of ids.entries()) {
		const at = single ? path : `${path}[${i}]`;
		if (typeof id !== 'string' || !known.includes(id)) {
			problems.push({
				path: at,
				message: `${JSON.stringify(id)} is not one of the ${what} ids (${known.join(', ')})`,
			});
		}
	}
	if (new Set(ids).size !== ids.length) problems.push({path, message: `lists the same ${what} twice`});
	return problems;
}

function duplicateIds(choices: readonly Choice[], field: string): ExerciseProblem[] {
	const seen = new Set<string>();
	const problems: ExerciseProblem[] = [];
	for (const [i, choice] of choices.entries()) {
		if (seen.has(choice.id)) problems.push({path: `${field}[${i}].id`, message: `id ${choice.id} is used twice`});
		seen.add(choice.id);
	}
	return problems;
}

/** Problems specific to the kind, on the answer shape alone (before running the checker). */
function shapeProblems(ex: Exercise): ExerciseProblem[] {
	const wrongPaths = ex.wrong.map((_, i) => `wrong[${i}].answer`);
	switch (ex.kind) {
		case 'single-choice':
		case 'predict':
			return [
				...duplicateIds(ex.choices, 'choices'),
				...idProblems(ex.choices, [ex.answer], 'answer', 'choice', true),
				...ex.wrong.flatMap((w, i) => idProblems(ex.choices, [w.answer], wrongPaths[i], 'choice', true)),
			];
		case 'multiple-choice':
			return [
				...duplicateIds(ex.choices, 'choices'),
				...idProblems(ex.choices, ex.answer, 'answer', 'choice'),
				...ex.wrong.flatMap((w, i) => idProblems(ex.choices, w.answer, wrongPaths[i], 'choice')),
			];
		case 'ordering': {
			const permutation = (order: readonly string[], path: string): ExerciseProblem[] => {
				const found = idProblems(ex.items, order, path, 'item');
				if (found.length === 0 && order.length !== ex.items.length) {
					found.push({path, message: `must list all ${ex.items.length} item ids exactly once`});
				}
				return found;
			};
			return [
				...duplicateIds(ex.items, 'items'),
				...permutation(ex.answer, 'answer'),
				...ex.wrong.flatMap((w, i) => permutation(w.answer, wrongPaths[i])),
			];
		}
		case 'quantity': {
			const parse = ex.resource === 'duration' ? parseDuration : parseQuantity;
			const quantity = (value: unknown, path: string): ExerciseProblem[] => {
				const parsed = parse(String(value));
				return parsed.ok ? [] : [{path, message: parsed.error}];
			};
			return [...quantity(ex.answer, 'answer'), ...ex.wrong.flatMap((w, i) => quantity(w.answer, wrongPaths[i]))];
		}
		case 'free-text': {
			const table = buildSynonymTable(ex.synonyms ?? []);
			const problems: ExerciseProblem[] = [];
			for (const [i, point] of (ex.keyPoints ?? []).entries()) {
				if (point.any.length === 0)
					problems.push({path: `keyPoints[${i}].any`, message: 'needs at least one phrase'});
				for (const [j, phrase] of point.any.entries()) {
					if (prepareText(phrase, table).length === 0)
						problems.push({
							path: `keyPoints[${i}].any[${j}]`,
							message: 'has no words once punctuation is removed',
						});
				}
			}
			for (const [i, group] of (ex.synonyms ?? []).entries()) {
				if (group.length < 2)
					problems.push({path: `synonyms[${i}]`, message: 'a synonym group needs at least two words'});
				if (group.some((word) => normaliseWords(word).length === 0))
					problems.push({path: `synonyms[${i}]`, message: 'has an entry with no words'});
			}
			if (normaliseWords(ex.answer).length === 0)
				problems.push({path: 'answer', message: 'has no words once punctuation is removed'});
			return problems;
		}
		case 'manifest': {
			const problems: ExerciseProblem[] = [];
			if (ex.rules.length === 0)
				problems.push({path: 'rules', message: 'a manifest exercise needs at least one rule'});
			ex.rules.forEach((rule, i) => problems.push(...ruleProblems(rule, `rules[${i}]`)));
			const yamlProblem = (source: unknown, path: string) => {
				const parsed = parseManifest(String(source), path);
				if (!parsed.ok) problems.push({path, message: parsed.detail});
			};
			yamlProblem(ex.answer, 'answer');
			yamlProblem(ex.template, 'template');
			ex.wrong.forEach((w, i) => yamlProblem(w.answer, wrongPaths[i]));
			return problems;
		}
	}
}

function sameReference(ex: Exercise, wrong: WrongAnswer<Exercise['answer']>): boolean {
	switch (ex.kind) {
		case 'single-choice':
		case 'predict':
			return wrong.answer === ex.answer;
		case 'multiple-choice': {
			const a = new Set(ex.answer);
			const b = new Set(wrong.answer as readonly string[]);
			return a.size === b.size && [...a].every((id) => b.has(id));
		}
		case 'ordering':
			return (wrong.answer as readonly string[]).join('\u0000') === ex.answer.join('\u0000');
		case 'quantity': {
			const parse = ex.resource === 'duration' ? parseDuration : parseQuantity;
			const a = parse(String(ex.answer));
			const b = parse(String(wrong.answer));
			return a.ok && b.ok && a.value.num * b.value.den === b.value.num * a.value.den;
		}
		case 'free-text': {
			const table = buildSynonymTable(ex.synonyms ?? []);
			const accepted = [ex.answer, ...(ex.accept ?? [])].map((text) => prepareText(text, table));
			return accepted.some((words) => sameWords(prepareText(String(wrong.answer), table), words));
		}
		case 'manifest':
			return String(wrong.answer).trim() === ex.answer.trim();
	}
}

/** Every problem with one exercise; empty when the checker can grade it as its author meant. */
export function exerciseProblems(ex: Exercise): ExerciseProblem[] {
	const problems: ExerciseProblem[] = [];
	if (ex.wrong.length < 2) {
		problems.push({
			path: 'wrong',
			message: `lists ${ex.wrong.length} wrong answer${ex.wrong.length === 1 ? '' : 's'}; list at least two common mistakes, each with its feedback`,
		});
	}
	for (const [i, wrong] of ex.wrong.entries()) {
		if (wrong.match !== undefined && ex.kind !== 'free-text') {
			problems.push({path: `wrong[${i}].match`, message: 'match is only for free-text exercises'});
		}
		if (typeof wrong.feedback !== 'string' || wrong.feedback.trim() === '') {
			problems.push({
				path: `wrong[${i}].feedback`,
				message: 'every wrong answer needs feedback saying what it gets wrong',
			});
		}
	}
	const shape = shapeProblems(ex);
	problems.push(...shape);
	if (shape.length > 0) return problems;

	// The shapes are sound, so the checker itself can now confirm the content grades as meant.
	const reference = checkAnswer(ex, answerFromReference(ex, ex.answer));
	if (!reference.correct) {
		const failed = reference.checks.filter((check) => !check.passed).map((check) => check.message);
		problems.push({path: 'answer', message: `the checker rejects the reference answer: ${failed.join('; ')}`});
	}
	for (const [i, wrong] of ex.wrong.entries()) {
		const path = `wrong[${i}].answer`;
		if (sameReference(ex, wrong)) {
			problems.push({path, message: 'is the same as the reference answer (or an accepted one)'});
			continue;
		}
		if (ex.kind === 'manifest') {
			const fails = failingRules(ex, String(wrong.answer), path);
			if (fails !== undefined && fails.length === 0 && !apiRefuses(ex, String(wrong.answer), path)) {
				problems.push({
					path,
					message:
						'passes every rule and the API server checks, so the checker can never tell it from a right answer; add a rule it fails',
				});
			}
			continue;
		}
		const checked = checkAnswer(ex, answerFromReference(ex, wrong.answer));
		if (checked.correct) problems.push({path, message: 'the checker accepts this as correct'});
		for (const [j, phrasing] of (wrong.match ?? []).entries()) {
			if (ex.kind === 'free-text' && checkAnswer(ex, {kind: 'text', text: phrasing}).correct) {
				problems.push({path: `wrong[${i}].match[${j}]`, message: 'the checker accepts this as correct'});
			}
		}
	}
	problems.push(...exampleProblems(ex));
	return problems;
}
