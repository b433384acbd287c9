/**
 * Checking a learner's answer. The result is plain data: the UI shows it, and
 * `pod-tutor check ... --json` prints it as is so a lab machine can grade without the app.
 *
 * A malformed answer (an unknown choice id, "250x" for a quantity, a manifest that is not YAML)
 * is reported with `correct: false, malformed: true` and a message saying what is wrong; callers
 * record attempts only for well-formed answers.
 */
import {parseDuration} from '../k8s/duration.js';
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
import {apiSchemaProblem, apiVersionOf, loadApiSchema, schemaProblems} from './api-schema.js';
import {semanticProblems} from './api-semantics.js';
import {parseManifest, type FieldPath, type ManifestObject, type ManifestParse} from './manifest-yaml.js';
import {asFields, asText} from './pod-view.js';
import {ruleVerdict} from './manifest-rules.js';
import {checkFreeTextAnswer, matchesListedWrong} from './free-text.js';
import {normaliseWords} from './text-match.js';
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
	return malformed(
		ex,
		'answer',
		`exercise ${ex.id} is a ${ex.kind} exercise and expects ${expects(ex)}, not a ${answer.kind} answer`,
	);
}

function joinFeedback(parts: readonly string[]): string {
	return [...new Set(parts.filter((part) => part.trim() !== '').map((part) => part.trim()))].join('\n\n');
}

function result(
	ex: Exercise,
	correct: boolean,
	checks: CheckItem[],
	targeted: readonly string[],
	generic: string,
): CheckResult {
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
		return malformed(
			ex,
			'choice',
			`exercise ${ex.id} has no choice ${unknown.join(', ')}; the choices are ${choiceIds(ex.choices)}`,
		);
	}
	if (selected.length === 0)
		return malformed(ex, 'choice', `no choice selected; pick one of ${choiceIds(ex.choices)}`);
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
	const shown = (args: readonly string[]) => [ex.observe.tool, ...shownArgs({...ex.observe, args})].join(' ');
	const command = shown(ex.observe.args);
	// A comparing observation decides on two outputs, so the learner is given both commands.
	const compare = ex.observe.compare;
	const observe = compare
		? `Now check your prediction: compare what \`${command}\` prints with what \`${shown(compare.args)}\` (${compare.label}) prints.`
		: `Now check your prediction against what \`${command}\` prints.`;
	return {...checked, feedback: joinFeedback([correct ? 'Your prediction is right.' : checked.feedback, observe])};
}

/* ---------- free text ---------- */

function checkFreeText(ex: FreeTextExercise, answer: Answer): CheckResult {
	if (answer.kind !== 'text') return wrongKind(ex, answer);
	if (normaliseWords(answer.text).length === 0)
		return malformed(ex, 'answer', 'the answer is empty: type a few words');
	const verdict = checkFreeTextAnswer(ex, answer.text);
	const targeted = verdict.correct
		? []
		: ex.wrong
				.filter((w) => matchesListedWrong(ex, answer.text, [w.answer, ...(w.match ?? [])]))
				.map((w) => w.feedback);
	return result(ex, verdict.correct, [...verdict.checks], targeted, verdict.generic);
}

/* ---------- quantities ---------- */

function describeQuantity(q: Quantity, ex: QuantityExercise): string {
	if (ex.resource === 'cpu') return `${formatQuantity(q, 'cpu')} CPU`;
	if (ex.resource === 'duration') {
		// formatQuantity's CPU form is whole units or thousandths: seconds or milliseconds here.
		return formatQuantity(q, 'cpu')
			.replace(/m$/, ' ms')
			.replace(/^(\d+(?:\.\d+)?)$/, '$1 seconds');
	}
	if (ex.resource === 'memory') {
		const bytes = formatQuantity(q, 'plain');
		const binary = formatQuantity(q, 'memory');
		return binary === bytes ? `${bytes} bytes` : `${binary} (${bytes} bytes)`;
	}
	return formatQuantity(q, 'plain');
}

/** Unit words learners type: "1.5 cores", "1500 millicores", "320 MiB". */
function compactQuantity(text: string): string {
	const trimmed = text.trim();
	const m = /^([+-]?[\d.]+(?:[eE][+-]?\d+)?)\s*([A-Za-z]*)$/.exec(trimmed);
	if (!m) return trimmed;
	const [, number, unit] = m;
	const lower = unit.toLowerCase();
	if (['core', 'cores', 'cpu', 'cpus', 'vcpu', 'vcpus'].includes(lower)) return number;
	if (['millicore', 'millicores', 'millicpu', 'millicpus'].includes(lower)) return `${number}m`;
	if (/^[kmgtpe]ib$/i.test(unit)) return `${number}${unit[0].toUpperCase()}i`;
	if (lower === 'b' || lower === 'bytes' || lower === 'byte') return number;
	return `${number}${unit}`;
}

function parseFor(ex: QuantityExercise, text: string): ReturnType<typeof parseQuantity> {
	return ex.resource === 'duration' ? parseDuration(text) : parseQuantity(compactQuantity(text));
}

/** A unit that belongs to the other resource: Mi for CPU, m (milli) for memory. */
function wrongResourceUnit(ex: QuantityExercise, text: string): string | undefined {
	const unit = /[A-Za-z]+$/.exec(compactQuantity(text))?.[0] ?? '';
	if (ex.resource === 'cpu' && /^[KMGTPE]i$|^[kMGTPE]$/.test(unit)) {
		return `${unit} is a unit of memory (bytes); CPU is counted in cores, such as 1.5, or millicores, such as 1500m`;
	}
	if (ex.resource === 'memory' && unit === 'm') {
		return 'm (milli) is the unit of CPU millicores; memory is counted in bytes, or Ki, Mi, Gi (1Mi = 1024Ki)';
	}
	return undefined;
}

function checkQuantity(ex: QuantityExercise, answer: Answer): CheckResult {
	if (answer.kind !== 'text') return wrongKind(ex, answer);
	const given = parseFor(ex, answer.text);
	if (!given.ok) return malformed(ex, 'quantity', given.error);
	if (given.value.num < 0n) {
		return malformed(ex, 'quantity', `"${given.value.text}" is negative; a resource amount cannot be below zero`);
	}
	const reference = parseFor(ex, String(ex.answer));
	if (!reference.ok) {
		return result(
			ex,
			false,
			[
				{
					name: 'quantity',
					passed: false,
					message: `the exercise's reference answer is broken: ${reference.error}`,
				},
			],
			[],
			'This exercise cannot be checked; please report it.',
		);
	}
	const unitProblem = wrongResourceUnit(ex, answer.text);
	if (unitProblem) {
		return result(
			ex,
			false,
			[{name: 'quantity', passed: false, message: unitProblem}],
			[],
			`Not quite: ${unitProblem}.`,
		);
	}
	const correct = quantityEquals(given.value, reference.value);
	const shown = `${given.value.text} is ${describeQuantity(given.value, ex)}`;
	const targeted = correct
		? []
		: ex.wrong
				.filter((w) => {
					const parsed = parseFor(ex, String(w.answer));
					return parsed.ok && quantityEquals(parsed.value, given.value);
				})
				.map((w) => w.feedback);
	return result(
		ex,
		correct,
		[{name: 'quantity', passed: correct, message: correct ? shown : `${shown}, which is not the expected value`}],
		targeted,
		`Not quite: ${shown}, which is not the expected value.`,
	);
}

/* ---------- ordering ---------- */

function orderProblem(ex: OrderingExercise, order: readonly string[]): string | undefined {
	const ids = ex.items.map((item) => item.id);
	const unknown = order.filter((id) => !ids.includes(id));
	if (unknown.length > 0)
		return `exercise ${ex.id} has no item ${unknown.join(', ')}; the items are ${ids.join(', ')}`;
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
		: ex.wrong
				.filter(
					(w) => w.answer.length === answer.order.length && w.answer.every((id, i) => id === answer.order[i]),
				)
				.map((w) => w.feedback);
	return result(ex, correct, [{name: 'order', passed: correct, message}], targeted, `Not quite: ${message}.`);
}

/* ---------- manifests ---------- */

function fieldPathText(path: FieldPath): string {
	return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function describeObject(doc: ManifestObject): string {
	const kind = typeof doc.kind === 'string' ? doc.kind : 'an object without a kind';
	const name = asText(asFields(doc.metadata)?.name);
	return name ? `${kind} ${name}` : kind;
}

/** What the exercise asks for, from its kind rule: "one Pod", "one Deployment". */
function askedFor(ex: ManifestExercise): string {
	const kind = ex.rules.find((rule) => rule.rule === 'kind')?.equals;
	return typeof kind === 'string' ? `one ${kind}` : 'one object';
}

/**
 * What the API server would say before any lesson rule: one object per answer, the apiVersion
 * its kind is served under, the OpenAPI schema, then the rules no schema can express. Each
 * refusal is its own item, named by field path and line.
 */
function apiServerChecks(ex: ManifestExercise, parsed: Extract<ManifestParse, {ok: true}>): CheckItem[] {
	const items: CheckItem[] = [];
	if (parsed.documents.length > 1) {
		const sent = parsed.documents.map(describeObject).join(', ');
		const message =
			`the task asks for ${askedFor(ex)}; this file holds ${parsed.documents.length} objects (${sent}):` +
			' send only the one asked for, with everything in it';
		items.push({name: 'one object', passed: false, message});
	}
	const manifest = parsed.manifest;
	const place = (path: FieldPath): string => {
		const line = parsed.lineOf(path);
		return line === undefined ? fieldPathText(path) : `line ${line}, ${fieldPathText(path)}`;
	};
	const add = (path: FieldPath, message: string) => {
		items.push({
			name: `API server: ${fieldPathText(path) || 'object'}`,
			passed: false,
			message: `${place(path)}: ${message}`,
		});
	};
	const kind = typeof manifest.kind === 'string' ? manifest.kind : undefined;
	const served = kind === undefined ? undefined : apiVersionOf(kind);
	if (served !== undefined && manifest.apiVersion !== served) {
		add(
			['apiVersion'],
			manifest.apiVersion === undefined
				? `missing: a ${kind} is "apiVersion: ${served}"`
				: `a ${kind} is served as apiVersion ${served}, not ${JSON.stringify(manifest.apiVersion)}`,
		);
		return items;
	}
	const unavailable = apiSchemaProblem();
	if (unavailable) {
		items.push({name: 'API server', passed: false, message: unavailable});
		return items;
	}
	const structural = schemaProblems(manifest) ?? [];
	for (const problem of structural) add(problem.path, problem.message);
	const reported = new Set(structural.map((problem) => fieldPathText(problem.path)));
	for (const problem of semanticProblems(manifest)) {
		if (!reported.has(fieldPathText(problem.path))) add(problem.path, problem.message);
	}
	return items;
}

interface RuleRun {
	readonly item: CheckItem;
	/** The rule's own message, before any author feedback replaced it: what tells two mistakes apart. */
	readonly outcome: string;
}

function runRules(ex: ManifestExercise, manifest: ManifestObject): RuleRun[] {
	return ex.rules.map((rule) => {
		const {outcome, ...item} = ruleVerdict(rule, manifest);
		return {item, outcome};
	});
}

function failureKey(index: number, run: RuleRun): string {
	return `${index}\u0000${run.outcome}`;
}

/** Each failed rule of a manifest as "index: message"; undefined when it does not parse. */
function ruleFailures(ex: ManifestExercise, source: string, origin: string): string[] | undefined {
	const parsed = parseManifest(source, origin);
	if (!parsed.ok) return undefined;
	return runRules(ex, parsed.manifest).flatMap((run, index) => (run.item.passed ? [] : [failureKey(index, run)]));
}

/**
 * The rule failures of each listed wrong manifest, worked out once per exercise: they depend on
 * the exercise alone, and parsing them again for every answer was most of a check's time.
 */
const listedFailureCache = new WeakMap<ManifestExercise, readonly (readonly string[] | undefined)[]>();

function listedFailures(ex: ManifestExercise): readonly (readonly string[] | undefined)[] {
	let cached = listedFailureCache.get(ex);
	if (!cached) {
		cached = ex.wrong.map((w) => ruleFailures(ex, w.answer, `${ex.id} wrong answer`));
		listedFailureCache.set(ex, cached);
	}
	return cached;
}

/** Indexes of the rules a manifest fails, or undefined when it does not parse. */
export function failingRules(ex: ManifestExercise, source: string, origin: string): number[] | undefined {
	return ruleFailures(ex, source, origin)?.map((failure) => Number(failure.split('\u0000')[0]));
}

/** Whether the API server (as checked here) would refuse the manifest. */
export function apiRefuses(ex: ManifestExercise, source: string, origin: string): boolean {
	const parsed = parseManifest(source, origin);
	return parsed.ok && apiServerChecks(ex, parsed).length > 0;
}

/**
 * A listed wrong manifest applies when the learner's manifest fails each of its rules for the
 * same reason (the same rule message): the learner made that mistake. Of those that apply, the
 * ones that explain the most failures are the closest, and only they are shown.
 */
function checkManifest(ex: ManifestExercise, answer: Answer): CheckResult {
	if (answer.kind !== 'manifest') return wrongKind(ex, answer);
	const parsed = parseManifest(answer.source, answer.origin);
	if (!parsed.ok) return malformed(ex, 'yaml', parsed.error);
	const api = apiServerChecks(ex, parsed);
	const runs = runRules(ex, parsed.manifest);
	const checks: CheckItem[] = [...api, ...runs.map((run) => run.item)];
	const failures = new Set(runs.flatMap((run, index) => (run.item.passed ? [] : [failureKey(index, run)])));
	const correct = checks.every((check) => check.passed);
	let targeted: string[] = [];
	if (!correct && failures.size > 0) {
		const listed = listedFailures(ex);
		const applying = ex.wrong.flatMap((w, i) => {
			const wrongFails = listed[i];
			const applies =
				wrongFails !== undefined && wrongFails.length > 0 && wrongFails.every((f) => failures.has(f));
			return applies ? [{w, size: wrongFails.length}] : [];
		});
		const best = Math.max(0, ...applying.map((a) => a.size));
		targeted = applying.filter((a) => a.size === best).map((a) => a.w.feedback);
	}
	const refusals = api.map((item) => `- ${item.message}`).join('\n');
	const apiText = api.length > 0 ? `The API server would refuse this manifest:\n${refusals}` : '';
	const ruleMessages = runs
		.filter((run) => !run.item.passed)
		.map((run) => `- ${run.item.message}`)
		.join('\n');
	const feedback = correct ? CORRECT : joinFeedback([apiText, ...targeted, ruleMessages]);
	return {id: ex.id, correct, malformed: false, checks, feedback};
}

/** For a caller about to check a manifest: loads the API schema once (a lazy import). */
export async function prepareChecking(ex: Exercise): Promise<void> {
	if (ex.kind === 'manifest') await loadApiSchema();
}

/** checkAnswer after prepareChecking: what the app and the CLI call. */
export async function checkAnswerReady(ex: Exercise, answer: Answer): Promise<CheckResult> {
	await prepareChecking(ex);
	return checkAnswer(ex, answer);
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
