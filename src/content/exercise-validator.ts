import {describeValue, FieldReader, type Path} from './field-reader.js';
import {READING_KEYS, validateCommand} from './lesson-validator.js';
import {findDeciding} from '../live/output-reading.js';
import {
	EXERCISE_KINDS,
	type Choice,
	type Exercise,
	type ExerciseExamples,
	type ExerciseKind,
	type ListAnswer,
	type KeyPoint,
	type ManifestRule,
	type WrongAnswer,
} from './types.js';

const COMMON_KEYS = ['id', 'kind', 'prompt', 'hints', 'explanation', 'answer', 'wrong', 'topics', 'examples'];
const KIND_KEYS: Record<ExerciseKind, readonly string[]> = {
	'single-choice': ['choices'],
	'multiple-choice': ['choices'],
	'free-text': ['accept', 'synonyms', 'keyPoints', 'contradicts', 'compare', 'list'],
	quantity: ['resource'],
	ordering: ['items'],
	manifest: ['template', 'rules', 'live'],
	predict: ['choices', 'observe'],
};

type AnswerShape = 'id' | 'ids' | 'text';
const ANSWER_SHAPE: Record<ExerciseKind, AnswerShape> = {
	'single-choice': 'id',
	'multiple-choice': 'ids',
	'free-text': 'text',
	quantity: 'text',
	ordering: 'ids',
	manifest: 'text',
	predict: 'id',
};

function readAnswer(value: unknown, shape: AnswerShape, at: Path, reader: FieldReader): string | string[] | undefined {
	if (shape === 'ids') {
		if (
			Array.isArray(value) &&
			value.length > 0 &&
			value.every((v) => typeof v === 'string' || typeof v === 'number')
		) {
			return value.map(String);
		}
		reader.report(at, `expected a list of ids, found ${describeValue(value)}`);
		return undefined;
	}
	if (typeof value === 'string' && value.trim() !== '') return value;
	if (typeof value === 'number') return String(value);
	reader.report(
		at,
		value === undefined
			? 'missing (required)'
			: `expected ${shape === 'id' ? 'a choice id' : 'text'}, found ${describeValue(value)}`,
	);
	return undefined;
}

function readChoices(obj: Record<string, unknown>, key: string, at: Path, reader: FieldReader): Choice[] | undefined {
	const list = reader.list(obj, key, at, 2);
	if (!list) return undefined;
	const choices: Choice[] = [];
	const seen = new Set<string>();
	list.forEach((raw, i) => {
		const item = reader.mapping(raw, [...at, key, i]);
		if (!item) return;
		reader.onlyKeys(item, [...at, key, i], ['id', 'text']);
		const id = reader.string(item, 'id', [...at, key, i]);
		const text = reader.string(item, 'text', [...at, key, i]);
		if (id && seen.has(id)) reader.report([...at, key, i, 'id'], `duplicate id "${id}"`);
		if (id) seen.add(id);
		if (id && text) choices.push({id, text});
	});
	return choices;
}

/** Checks one exercise document (structure only; src/exercises adds each kind's meaning). */
export function validateExercise(
	raw: unknown,
	lesson: string,
	file: string,
	reader: FieldReader,
): Exercise | undefined {
	const doc = reader.mapping(raw, []);
	if (!doc) return undefined;
	const kind = reader.oneOf(doc, 'kind', [], EXERCISE_KINDS);
	reader.onlyKeys(
		doc,
		[],
		kind ? [...COMMON_KEYS, ...KIND_KEYS[kind]] : [...COMMON_KEYS, ...Object.values(KIND_KEYS).flat()],
	);
	const id = reader.id(doc, 'id', []);
	const prompt = reader.string(doc, 'prompt', []);
	const hints = reader.stringList(doc, 'hints', [], 1);
	const explanation = reader.string(doc, 'explanation', []);
	const topics = reader.optionalStringList(doc, 'topics', []);
	if (!kind) return undefined;
	const shape = ANSWER_SHAPE[kind];
	const answer = readAnswer(doc.answer, shape, ['answer'], reader);
	const wrongList = reader.list(doc, 'wrong', [], 2);
	const wrong: WrongAnswer<string | string[]>[] = [];
	wrongList?.forEach((rawWrong, i) => {
		const entry = reader.mapping(rawWrong, ['wrong', i]);
		if (!entry) return;
		reader.onlyKeys(entry, ['wrong', i], ['answer', 'feedback', 'match']);
		const wrongAnswer = readAnswer(entry.answer, shape, ['wrong', i, 'answer'], reader);
		const feedback = reader.string(entry, 'feedback', ['wrong', i]);
		const match = reader.optionalStringList(entry, 'match', ['wrong', i]);
		if (match && kind !== 'free-text')
			reader.report(['wrong', i, 'match'], 'only free-text exercises take "match" phrasings');
		if (wrongAnswer !== undefined && feedback)
			wrong.push({answer: wrongAnswer, feedback, ...(match ? {match} : {})});
	});
	const examples = readExamples(doc, reader);
	const base = {
		id,
		kind,
		lesson,
		prompt,
		hints,
		explanation,
		answer,
		wrong,
		file,
		...(topics ? {topics} : {}),
		...(examples ? {examples} : {}),
	};
	const specific = readKindFields(kind, doc, reader);
	if (reader.problems.length > 0 || !id || !prompt || !hints || !explanation || answer === undefined || !specific)
		return undefined;
	return {...base, ...specific} as unknown as Exercise;
}

/** `list: {items: [[net, network], [uts, hostname]], others: [{any: [pid], note: ...}]}`. */
function readListAnswer(doc: Record<string, unknown>, reader: FieldReader): ListAnswer | undefined {
	const raw = reader.mapping(doc.list, ['list']);
	if (!raw) return undefined;
	reader.onlyKeys(raw, ['list'], ['items', 'others']);
	const items: string[][] = [];
	reader.list(raw, 'items', ['list'], 1)?.forEach((group, i) => {
		if (Array.isArray(group) && group.length >= 1 && group.every((w) => typeof w === 'string' && w.trim() !== ''))
			items.push(group);
		else
			reader.report(
				['list', 'items', i],
				'each item is a list of the names a learner may use for it, e.g. [uts, hostname]',
			);
	});
	const others: {any: string[]; note: string}[] = [];
	if (raw.others !== undefined) {
		reader.list(raw, 'others', ['list'])?.forEach((entry, i) => {
			const other = reader.mapping(entry, ['list', 'others', i]);
			if (!other) return;
			reader.onlyKeys(other, ['list', 'others', i], ['any', 'note']);
			const any = reader.stringList(other, 'any', ['list', 'others', i], 1);
			const note = reader.string(other, 'note', ['list', 'others', i]);
			if (any && note) others.push({any, note});
		});
	}
	return {items, others};
}

/** `examples: {right: [...], wrong: [...]}`: shape only; src/exercises/exercise-examples.ts runs them. */
function readExamples(doc: Record<string, unknown>, reader: FieldReader): ExerciseExamples | undefined {
	if (doc.examples === undefined) return undefined;
	const raw = reader.mapping(doc.examples, ['examples']);
	if (!raw) return undefined;
	reader.onlyKeys(raw, ['examples'], ['right', 'wrong']);
	const list = (key: 'right' | 'wrong') =>
		raw[key] === undefined ? [] : (reader.stringList(raw, key, ['examples']) ?? []);
	return {right: list('right'), wrong: list('wrong')};
}

function readKindFields(
	kind: ExerciseKind,
	doc: Record<string, unknown>,
	reader: FieldReader,
): Record<string, unknown> | undefined {
	switch (kind) {
		case 'single-choice':
		case 'multiple-choice': {
			const choices = readChoices(doc, 'choices', [], reader);
			return choices && {choices};
		}
		case 'free-text': {
			const accept = doc.accept === undefined ? [] : reader.stringList(doc, 'accept', []);
			const synonyms: string[][] = [];
			if (doc.synonyms !== undefined) {
				reader.list(doc, 'synonyms', [])?.forEach((group, i) => {
					if (Array.isArray(group) && group.length >= 2 && group.every((w) => typeof w === 'string'))
						synonyms.push(group);
					else
						reader.report(
							['synonyms', i],
							'each synonym group is a list of at least two words, e.g. [pause, infra, sandbox]',
						);
				});
			}
			let keyPoints: KeyPoint[] | undefined;
			if (doc.keyPoints !== undefined) {
				keyPoints = [];
				reader.list(doc, 'keyPoints', [], 1)?.forEach((raw, i) => {
					const point = reader.mapping(raw, ['keyPoints', i]);
					if (!point) return;
					reader.onlyKeys(point, ['keyPoints', i], ['name', 'any', 'contradicts']);
					const name = reader.string(point, 'name', ['keyPoints', i]);
					const any = reader.stringList(point, 'any', ['keyPoints', i], 1);
					const contradicts = reader.optionalStringList(point, 'contradicts', ['keyPoints', i]);
					if (name && any) keyPoints?.push({name, any, ...(contradicts ? {contradicts} : {})});
				});
			}
			const contradicts = reader.optionalStringList(doc, 'contradicts', []);
			const compare =
				doc.compare === undefined ? undefined : reader.oneOf(doc, 'compare', [], ['words', 'command'] as const);
			const list = doc.list === undefined ? undefined : readListAnswer(doc, reader);
			return (
				accept && {
					accept,
					synonyms,
					...(keyPoints ? {keyPoints} : {}),
					...(contradicts ? {contradicts} : {}),
					...(compare ? {compare} : {}),
					...(list ? {list} : {}),
				}
			);
		}
		case 'quantity': {
			const resource = reader.oneOf(doc, 'resource', [], ['cpu', 'memory', 'plain', 'duration'] as const);
			return resource && {resource};
		}
		case 'ordering': {
			const items = readChoices(doc, 'items', [], reader);
			return items && {items};
		}
		case 'manifest': {
			const template = reader.string(doc, 'template', []);
			const rules: ManifestRule[] = [];
			reader.list(doc, 'rules', [], 1)?.forEach((raw, i) => {
				const rule = reader.mapping(raw, ['rules', i]);
				if (!rule) return;
				const name = reader.string(rule, 'rule', ['rules', i]);
				if (rule.feedback !== undefined) reader.string(rule, 'feedback', ['rules', i]);
				if (name) rules.push(rule as ManifestRule);
			});
			let live: {pod: string} | undefined;
			if (doc.live !== undefined) {
				const liveRaw = reader.mapping(doc.live, ['live']);
				const pod = liveRaw && reader.id(liveRaw, 'pod', ['live']);
				if (pod) live = {pod};
			}
			return template === undefined ? undefined : {template, rules, ...(live ? {live} : {})};
		}
		case 'predict': {
			const choices = readChoices(doc, 'choices', [], reader);
			const observeRaw = reader.mapping(doc.observe, ['observe']);
			if (observeRaw) reader.onlyKeys(observeRaw, ['observe'], ['tool', 'args', 'recorded', ...READING_KEYS]);
			const observe = observeRaw && validateCommand(observeRaw, ['observe'], reader, true);
			if (choices && observe) {
				// The recorded output must decide the taught answer, or the command cannot show it.
				const ids = new Set(choices.map((c) => c.id));
				for (const id of Object.keys(observe.decide ?? {})) {
					if (!ids.has(id))
						reader.report(
							['observe', 'decide', id],
							`"${id}" is not one of the choices (${[...ids].join(', ')})`,
						);
				}
				const shown = findDeciding(observe.recorded.output, observe, observe.recorded.compared);
				const answer = typeof doc.answer === 'string' ? doc.answer : undefined;
				if (answer && shown?.answer !== answer) {
					reader.report(
						['observe', 'decide'],
						`the recorded output ${shown ? `shows "${shown.answer}" (line ${shown.lineNumber})` : 'has no deciding line'}, ` +
							`not the answer "${answer}": the command cannot show the answer`,
					);
				}
			}
			return choices && observe && {choices, observe};
		}
	}
}
