/**
 * Checking a learner's answer. The result is plain data: the UI shows it, and
 * `pod-tutor check ... --json` prints it as is so a lab machine can grade without the app.
 *
 * A malformed answer (an unknown choice id, "250x" for a quantity, a manifest that is not YAML)
 * is reported with `correct: false, malformed: true` and a message saying what is wrong; callers
 * record attempts only for well-formed answers.
 */
import {formatQuantity, parseQuantity, quantityEquals, type Quantity} from '../k8s/quantity.js';
import type {
	Choice,
	Exercise,
	FreeTextExercise,
	ManifestExercise,
	MultipleChoiceExercise,
	OrderingExercise,
	PredictExercise,
	QuantityExercise,
	SingleChoiceExercise,
} from '../content/types.js';
import type {Answer} from './answer.js';
import {parseManifest} from './manifest-yaml.js';
import {ruleLabel, runRule} from './manifest-rules.js';
import {buildSynonymTable, containsPhrase, prepareText, sameWords, type SynonymTable, type Words} from './text-match.js';
import {shownArgs} from '../live/step-plan.js';

export interface CheckItem {
	readonly name: string;
	readonly passed: boolean;
	readonly message: string;
}

export interface CheckResult {
	readonly id: string;
	readonly correct: boolean;
	/** True when the answer could not be read as an answer at all; not counted as an attempt. */
	readonly malformed: boolean;
	readonly checks: readonly CheckItem[];
	readonly feedback: string;
}

const CORRECT = 'Correct.';

function malformed(ex: Exercise, name: string, message: string): CheckResult {
	return {id: ex.id, correct: false, malformed: true, checks: [{name, passed: false, message}], feedback: message};
}

function expects(ex: Exercise): string {
	switch (ex.kind) {
		case 'single-choice':
		case 'predict':
			return 'one choice id';
		case 'multiple-choice':
			return 'a set of choice ids';
		case 'free-text':
			return 'a text answer';
		case 'quantity':
			return 'a quantity such as 250m or 320Mi';
		case 'ordering':
			return 'the items in order';
		case 'manifest':
			return 'a manifest';
	}
}

function wrongKind(ex: Exercise, answer: Answer): CheckResult {
	return malformed(ex, 'answer', `exercise ${ex.id} is a ${ex.kind} exercise and expects ${expects(ex)}, not a ${answer.kind} answer`);
}

function joinFeedback(parts: readonly string[]): string {
	return [...new Set(parts.filter((part) => part.trim() !== '').map((part) => part.trim()))].join('\n\n');
}

function result(ex: Exercise, correct: boolean, checks: CheckItem[], targeted: readonly string[], generic: string): CheckResult {
	const feedback = correct ? CORRECT : targeted.length > 0 ? joinFeedback(targeted) : generic;
	return {id: ex.id, correct, malformed: false, checks, feedback};
}

/* ---------- choices ---------- */

type ChoiceExercise = SingleChoiceExercise | MultipleChoiceExercise | PredictExercise;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
	const left = new Set(a);
	const right = new Set(b);
	return left.size === right.size && [...left].every((id) => right.has(id));
}

function asIds(value: string | readonly string[]): readonly string[] {
	return typeof value === 'string' ? [value] : value;
}

function choiceIds(choices: readonly Choice[]): string {
	return choices.map((c) => c.id).join(', ');
}

function checkChoice(ex: ChoiceExercise, answer: Answer): CheckResult {
	if (answer.kind !== 'choice') return wrongKind(ex, answer);
	const selected = [...new Set(answer.selected)];
	const unknown = selected.filter((id) => !ex.choices.some((c) => c.id === id));
	if (unknown.length > 0) {
		return malformed(ex, 'choice', `exercise ${ex.id} has no choice ${unknown.join(', ')}; the choices are ${choiceIds(ex.choices)}`);
	}
	if (selected.length === 0) return malformed(ex, 'choice', `no choice selected; pick one of ${choiceIds(ex.choices)}`);
	if (ex.kind !== 'multiple-choice' && selected.length > 1) {
		return malformed(ex, 'choice', `exercise ${ex.id} takes exactly one choice, not ${selected.length}`);
	}
	const reference = asIds(ex.answer);
	const correct = sameSet(selected, reference);
	const targeted = correct ? [] : ex.wrong.filter((w) => sameSet(asIds(w.answer), selected)).map((w) => w.feedback);
	let generic = `${selected.join(', ')} is not the answer.`;
	let message = correct ? `${selected.join(', ')} is right` : generic;
	if (ex.kind === 'multiple-choice' && !correct) {
		const missed = reference.filter((id) => !selected.includes(id)).length;
		const extra = selected.filter((id) => !reference.includes(id)).length;
		const parts = [];
		if (extra > 0) parts.push(`${extra} of your choices ${extra === 1 ? 'is' : 'are'} wrong`);
		if (missed > 0) parts.push(`${missed} right choice${missed === 1 ? ' is' : 's are'} missing`);
		generic = `Not quite: ${parts.join(' and ')}.`;
		message = generic;
	}
	const checked = result(ex, correct, [{name: 'choice', passed: correct, message}], targeted, generic);
	if (ex.kind !== 'predict') return checked;
	const command = [ex.observe.tool, ...shownArgs(ex.observe)].join(' ');
	const observe = `Now check your prediction against what \`${command}\` prints.`;
	return {...checked, feedback: joinFeedback([correct ? 'Your prediction is right.' : checked.feedback, observe])};
}

/* ---------- free text ---------- */

interface PreparedFreeText {
	readonly table: SynonymTable;
	readonly accepted: readonly Words[];
}

function prepareFreeText(ex: FreeTextExercise): PreparedFreeText {
	const table = buildSynonymTable(ex.synonyms ?? []);
	const accepted = [ex.answer, ...(ex.accept ?? [])].map((text) => prepareText(text, table));
	return {table, accepted};
}

function checkFreeText(ex: FreeTextExercise, answer: Answer): CheckResult {
	if (answer.kind !== 'text') return wrongKind(ex, answer);
	const {table, accepted} = prepareFreeText(ex);
	const words = prepareText(answer.text, table);
	if (words.length === 0) return malformed(ex, 'answer', 'the answer is empty: type a few words');
	let correct: boolean;
	let checks: CheckItem[];
	let generic = 'Not quite: compare your answer with the explanation.';
	if (ex.keyPoints && ex.keyPoints.length > 0) {
		checks = ex.keyPoints.map((point) => {
			const made = point.any.some((phrase) => containsPhrase(words, prepareText(phrase, table)));
			return {name: point.name, passed: made, message: made ? `mentions ${point.name}` : `does not mention ${point.name}`};
		});
		correct = checks.every((check) => check.passed);
		const missing = checks.filter((check) => !check.passed).map((check) => check.name);
		generic = `Your answer does not yet cover: ${missing.join('; ')}.`;
	} else {
		correct = accepted.some((words2) => sameWords(words, words2));
		checks = [{name: 'answer', passed: correct, message: correct ? 'matches an accepted answer' : 'does not match an accepted answer'}];
	}
	const targeted = correct
		? []
		: ex.wrong
			.filter((w) => [w.answer, ...(w.match ?? [])].some((text) => sameWords(words, prepareText(text, table))))
			.map((w) => w.feedback);
	return result(ex, correct, checks, targeted, generic);
}

/* ---------- quantities ---------- */

function describeQuantity(q: Quantity, ex: QuantityExercise): string {
	if (ex.resource === 'cpu') return `${formatQuantity(q, 'cpu')} CPU`;
	if (ex.resource === 'memory') {
		const bytes = formatQuantity(q, 'plain');
		const binary = formatQuantity(q, 'memory');
		return binary === bytes ? `${bytes} bytes` : `${binary} (${bytes} bytes)`;
	}
	return formatQuantity(q, 'plain');
}

function checkQuantity(ex: QuantityExercise, answer: Answer): CheckResult {
	if (answer.kind !== 'text') return wrongKind(ex, answer);
	const given = parseQuantity(answer.text);
	if (!given.ok) return malformed(ex, 'quantity', given.error);
	const reference = parseQuantity(String(ex.answer));
	if (!reference.ok) {
		return result(ex, false, [{name: 'quantity', passed: false, message: `the exercise's reference answer is broken: ${reference.error}`}], [], 'This exercise cannot be checked; please report it.');
	}
	const correct = quantityEquals(given.value, reference.value);
	const shown = `${given.value.text} is ${describeQuantity(given.value, ex)}`;
	const targeted = correct
		? []
		: ex.wrong
			.filter((w) => {
				const parsed = parseQuantity(String(w.answer));
				return parsed.ok && quantityEquals(parsed.value, given.value);
			})
			.map((w) => w.feedback);
	return result(ex, correct, [{name: 'quantity', passed: correct, message: correct ? shown : `${shown}, which is not the expected value`}], targeted, `Not quite: ${shown}, which is not the expected value.`);
}

/* ---------- ordering ---------- */

function orderProblem(ex: OrderingExercise, order: readonly string[]): string | undefined {
	const ids = ex.items.map((item) => item.id);
	const unknown = order.filter((id) => !ids.includes(id));
	if (unknown.length > 0) return `exercise ${ex.id} has no item ${unknown.join(', ')}; the items are ${ids.join(', ')}`;
	if (order.length !== ids.length || new Set(order).size !== order.length) {
		return `exercise ${ex.id} expects each of its ${ids.length} items exactly once (${ids.join(', ')})`;
	}
	return undefined;
}

function checkOrdering(ex: OrderingExercise, answer: Answer): CheckResult {
	if (answer.kind !== 'order') return wrongKind(ex, answer);
	const problem = orderProblem(ex, answer.order);
	if (problem) return malformed(ex, 'order', problem);
	const misplaced = ex.answer.findIndex((id, i) => answer.order[i] !== id);
	const correct = misplaced === -1;
	let message = 'every item is in place';
	if (!correct) {
		const item = ex.items.find((it) => it.id === answer.order[misplaced]);
		message = `the first misplaced item is at position ${misplaced + 1}: "${item?.text ?? answer.order[misplaced]}" does not go there`;
	}
	const targeted = correct
		? []
		: ex.wrong.filter((w) => w.answer.length === answer.order.length && w.answer.every((id, i) => id === answer.order[i])).map((w) => w.feedback);
	return result(ex, correct, [{name: 'order', passed: correct, message}], targeted, `Not quite: ${message}.`);
}

/* ---------- manifests ---------- */

/** Indexes of the rules a manifest fails, or undefined when it does not parse. */
export function failingRules(ex: ManifestExercise, source: string, origin: string): number[] | undefined {
	const parsed = parseManifest(source, origin);
	if (!parsed.ok) return undefined;
	return ex.rules.flatMap((rule, index) => (runRule(rule, parsed.manifest).passed ? [] : [index]));
}

/**
 * A listed wrong manifest matches when the learner's manifest fails every rule that the wrong
 * one fails: the learner made at least that mistake, so its targeted feedback applies.
 */
function checkManifest(ex: ManifestExercise, answer: Answer): CheckResult {
	if (answer.kind !== 'manifest') return wrongKind(ex, answer);
	const parsed = parseManifest(answer.source, answer.origin);
	if (!parsed.ok) return malformed(ex, 'yaml', parsed.error);
	const checks: CheckItem[] = ex.rules.map((rule) => {
		const outcome = runRule(rule, parsed.manifest);
		const message = outcome.passed ? outcome.message : (typeof rule.feedback === 'string' ? rule.feedback : outcome.message);
		return {name: ruleLabel(rule), passed: outcome.passed, message};
	});
	const failed = new Set(checks.flatMap((check, index) => (check.passed ? [] : [index])));
	const correct = failed.size === 0;
	const targeted = correct
		? []
		: ex.wrong
			.filter((w) => {
				const wrongFails = failingRules(ex, w.answer, `${ex.id} wrong answer`);
				return wrongFails !== undefined && wrongFails.length > 0 && wrongFails.every((index) => failed.has(index));
			})
			.map((w) => w.feedback);
	const ruleMessages = checks.filter((check) => !check.passed).map((check) => `- ${check.message}`).join('\n');
	const feedback = correct ? CORRECT : joinFeedback([...targeted, ruleMessages]);
	return {id: ex.id, correct, malformed: false, checks, feedback};
}

/** Checks an answer against an exercise. Never throws on learner input. */
export function checkAnswer(ex: Exercise, answer: Answer): CheckResult {
	switch (ex.kind) {
		case 'single-choice':
		case 'multiple-choice':
		case 'predict':
			return checkChoice(ex, answer);
		case 'free-text':
			return checkFreeText(ex, answer);
		case 'quantity':
			return checkQuantity(ex, answer);
		case 'ordering':
			return checkOrdering(ex, answer);
		case 'manifest':
			return checkManifest(ex, answer);
	}
}

/** Whether the answer counts as an attempt (it could be read, right or wrong). */
export function isWellFormed(ex: Exercise, answer: Answer): boolean {
	return !checkAnswer(ex, answer).malformed;
}
