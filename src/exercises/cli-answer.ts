/**
 * Turning `pod-tutor check ID <answer...>` arguments into an Answer. Every error says what to
 * type instead, with an example built from the exercise itself.
 */
import {parseDuration} from '../k8s/duration.js';
import {parseQuantity, quantityEquals} from '../k8s/quantity.js';
import type {Choice, Exercise, OrderingExercise, QuantityExercise} from '../content/types.js';
import {normaliseWords} from './text-match.js';
import type {Answer} from './answer.js';

export type CliAnswer = {readonly ok: true; readonly answer: Answer} | {readonly ok: false; readonly error: string};

function usage(ex: Exercise, what: string, example: string): CliAnswer {
	return {ok: false, error: `exercise ${ex.id} expects ${what}, e.g. "pod-tutor check ${ex.id} ${example}"`};
}

/** `a c`, `a,c` and `a, c` all mean the same list. */
function splitList(args: readonly string[]): string[] {
	return args.flatMap((arg) => arg.split(/[\s,]+/)).filter((part) => part !== '');
}

/**
 * A choice named by its id (any case) or, when no id is a number, by its position as shown (1 is
 * the first). The learner sees both in the app and on `pod-tutor show`.
 */
function choiceFor(choices: readonly Choice[], token: string): string | undefined {
	const byId = choices.find((c) => c.id.toLowerCase() === token.toLowerCase());
	if (byId) return byId.id;
	if (/^\d+$/.test(token) && !choices.some((c) => /^\d+$/.test(c.id))) return choices[Number(token) - 1]?.id;
	return undefined;
}

/** A choice typed out as its text (case, spacing and punctuation aside). */
function choiceByText(choices: readonly Choice[], text: string): string | undefined {
	const words = normaliseWords(text).join(' ');
	if (words === '') return undefined;
	return choices.find((c) => normaliseWords(c.text).join(' ') === words)?.id;
}

/** An example order that is never the reference answer, so the usage line gives nothing away. */
function exampleOrder(ex: OrderingExercise): number[] {
	const count = ex.items.length;
	const reversed = Array.from({length: count}, (_, i) => count - i);
	const rotated = Array.from({length: count}, (_, i) => ((i + 1) % count) + 1);
	const reference = ex.answer.map((id) => ex.items.findIndex((item) => item.id === id) + 1);
	const same = (candidate: number[]) => candidate.every((position, i) => position === reference[i]);
	return same(reversed) ? rotated : reversed;
}

/** An example quantity in the exercise's unit that is not the answer. */
function exampleQuantity(ex: QuantityExercise): string {
	const candidates =
		ex.resource === 'cpu'
			? ['500m', '100m']
			: ex.resource === 'memory'
				? ['64Mi', '128Mi']
				: ex.resource === 'duration'
					? ['60s', '10m']
					: ['3', '5'];
	const parse = ex.resource === 'duration' ? parseDuration : parseQuantity;
	const reference = parse(String(ex.answer));
	return (
		candidates.find((candidate) => {
			const parsed = parse(candidate);
			return !reference.ok || !parsed.ok || !quantityEquals(parsed.value, reference.value);
		}) ?? candidates[0]
	);
}

function parseOrdering(ex: OrderingExercise, args: readonly string[]): CliAnswer {
	const count = ex.items.length;
	const parts = splitList(args);
	const ids = ex.items.map((item) => item.id);
	const example = exampleOrder(ex).join(' ');
	const positionsUsage = () => usage(ex, `the ${count} positions 1-${count} in order`, example);
	if (parts.length > 0 && parts.every((part) => /^\d+$/.test(part))) {
		const positions = parts.map(Number);
		const valid =
			positions.length === count &&
			new Set(positions).size === count &&
			positions.every((p) => p >= 1 && p <= count);
		if (!valid) return positionsUsage();
		return {ok: true, answer: {kind: 'order', order: positions.map((p) => ids[p - 1])}};
	}
	if (parts.length === count && new Set(parts).size === count && parts.every((part) => ids.includes(part))) {
		return {ok: true, answer: {kind: 'order', order: parts}};
	}
	const unknown = parts.filter((part) => !/^\d+$/.test(part) && !ids.includes(part));
	if (unknown.length > 0) {
		return {
			ok: false,
			error:
				`exercise ${ex.id} has no item ${unknown.join(', ')}; give the ${count} positions 1-${count} ` +
				`as shown, e.g. "pod-tutor check ${ex.id} ${example}", or the item ids ${ids.join(', ')}`,
		};
	}
	return positionsUsage();
}

function parseManifestArgs(ex: Exercise, args: readonly string[], readText: (path: string) => string): CliAnswer {
	let path: string | undefined;
	for (let i = 0; i < args.length; i += 1) {
		const arg = args[i];
		if (arg === '--file' || arg === '-f') {
			path = args[i + 1];
			i += 1;
			if (path === undefined) return usage(ex, 'a manifest file after --file (- reads stdin)', '--file pod.yaml');
		} else if (arg.startsWith('--file=')) {
			path = arg.slice('--file='.length);
		} else {
			return usage(ex, `a manifest given with --file PATH (- reads stdin), not "${arg}"`, '--file pod.yaml');
		}
	}
	if (path === undefined || path === '')
		return usage(ex, 'a manifest given with --file PATH (- reads stdin)', '--file pod.yaml');
	const origin = path === '-' ? 'stdin' : path;
	let source: string;
	try {
		source = readText(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException | undefined)?.code;
		const reason =
			code === 'ENOENT'
				? 'no such file'
				: code === 'EISDIR'
					? 'it is a folder'
					: code === 'EACCES'
						? 'permission denied'
						: error instanceof Error
							? error.message
							: String(error);
		return {ok: false, error: `cannot read ${origin}: ${reason}`};
	}
	return {ok: true, answer: {kind: 'manifest', source, origin}};
}

export function parseCliAnswer(ex: Exercise, args: readonly string[], readText: (path: string) => string): CliAnswer {
	switch (ex.kind) {
		case 'single-choice':
		case 'predict': {
			const ids = ex.choices.map((c) => c.id);
			const parts = splitList(args);
			const what = `one choice id (${ids.join(', ')})`;
			const byText = choiceByText(ex.choices, args.join(' '));
			if (parts.length !== 1)
				return byText
					? {ok: true, answer: {kind: 'choice', selected: [byText]}}
					: usage(ex, what, ids[0] ?? 'a');
			const id = choiceFor(ex.choices, parts[0]) ?? byText;
			if (id === undefined) return usage(ex, `${what}, not "${parts[0]}"`, ids[0] ?? 'a');
			return {ok: true, answer: {kind: 'choice', selected: [id]}};
		}
		case 'multiple-choice': {
			const ids = ex.choices.map((c) => c.id);
			const parts = splitList(args);
			const example = ids.slice(0, 2).join(' ');
			const what = `every choice id that applies (${ids.join(', ')}), separated by spaces or commas`;
			if (parts.length === 0) return usage(ex, what, example);
			const selected: string[] = [];
			for (const part of parts) {
				const id = choiceFor(ex.choices, part);
				if (id === undefined) return usage(ex, `${what}; there is no choice "${part}"`, example);
				if (!selected.includes(id)) selected.push(id);
			}
			return {ok: true, answer: {kind: 'choice', selected}};
		}
		case 'free-text': {
			const text = args.join(' ').trim();
			if (text === '') return usage(ex, 'your answer as text (quote it or type the words)', '"your answer"');
			return {ok: true, answer: {kind: 'text', text}};
		}
		case 'quantity': {
			const text = args.join(' ').trim();
			if (text === '') return usage(ex, 'a quantity', exampleQuantity(ex));
			return {ok: true, answer: {kind: 'text', text}};
		}
		case 'ordering':
			return parseOrdering(ex, args);
		case 'manifest':
			return parseManifestArgs(ex, args, readText);
	}
}
