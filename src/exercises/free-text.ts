/**
 * Checking free text: short answers compared with the accepted ones (filler words and glosses
 * left out), long answers by key points that may also be contradicted, lists as "exactly these
 * items, any order", and commands as commands.
 */
import type {FreeTextExercise, ListAnswer} from '../content/types.js';
import {parseCommand, sameCommand, type ParsedCommand} from './command-match.js';
import {
	assertsLoosely,
	assertsPhrase,
	buildSynonymTable,
	prepareText,
	sameWords,
	withoutArticles,
	withoutFiller,
	withoutGlosses,
	type SynonymTable,
	type Words,
} from './text-match.js';

export interface TextCheckItem {
	readonly name: string;
	readonly passed: boolean;
	readonly message: string;
}

export interface TextVerdict {
	readonly correct: boolean;
	readonly checks: readonly TextCheckItem[];
	/** What to say when nothing more specific (a listed wrong answer) applies. */
	readonly generic: string;
}

/** Both readings of a short answer: as typed, and with its (glosses) taken out. */
function readings(text: string, table: SynonymTable): Words[] {
	const plain = withoutFiller(prepareText(text, table));
	const bare = withoutFiller(prepareText(withoutGlosses(text), table));
	return sameWords(plain, bare) ? [plain] : [plain, bare];
}

/** Whether two short answers say the same, as words or (compare: command) as commands. */
function sameShortAnswer(ex: FreeTextExercise, table: SynonymTable, given: string, listed: string): boolean {
	if (ex.compare === 'command') {
		const a = parseCommand(given);
		const b = parseCommand(listed);
		return a !== undefined && b !== undefined && sameCommand(a, b);
	}
	const target = withoutFiller(prepareText(listed, table));
	return target.length > 0 && readings(given, table).some((words) => sameWords(words, target));
}

/**
 * The contradicting phrase the answer asserts (not negated), if any. Each sentence is read on its
 * own, so words of two sentences never make one claim.
 */
function contradiction(text: string, phrases: readonly string[] | undefined, table: SynonymTable): string | undefined {
	if (!phrases || phrases.length === 0) return undefined;
	const sentences = text.split(/[.;:!?\n]+/).map((sentence) => withoutArticles(prepareText(sentence, table)));
	return phrases.find((phrase) => {
		const words = phraseWords(table, phrase);
		return sentences.some((sentence) => assertsLoosely(sentence, words));
	});
}

/** An exercise's synonym table and prepared phrases, built once: they depend on the exercise alone. */
const tables = new WeakMap<FreeTextExercise, SynonymTable>();
const phraseCache = new WeakMap<SynonymTable, Map<string, Words>>();

function tableFor(ex: FreeTextExercise): SynonymTable {
	let table = tables.get(ex);
	if (!table) {
		table = buildSynonymTable(ex.synonyms ?? []);
		tables.set(ex, table);
	}
	return table;
}

/** An author's phrase as words without articles, prepared once per table. */
function phraseWords(table: SynonymTable, phrase: string): Words {
	let cache = phraseCache.get(table);
	if (!cache) {
		cache = new Map();
		phraseCache.set(table, cache);
	}
	let words = cache.get(phrase);
	if (!words) {
		words = withoutArticles(prepareText(phrase, table));
		cache.set(phrase, words);
	}
	return words;
}

/** The learner's text as words without articles; the last one is kept, as a check reads it often. */
let lastAnswer: {table: SynonymTable; text: string; words: Words} | undefined;

function answerWords(table: SynonymTable, text: string): Words {
	if (lastAnswer?.table !== table || lastAnswer.text !== text) {
		lastAnswer = {table, text, words: withoutArticles(prepareText(text, table))};
	}
	return lastAnswer.words;
}

function contradicted(phrase: string): TextCheckItem {
	return {name: 'no contradiction', passed: false, message: `says "${phrase}", which the lesson shows is not so`};
}

function checkKeyPoints(ex: FreeTextExercise, text: string, table: SynonymTable): TextVerdict {
	const words = answerWords(table, text);
	const checks: TextCheckItem[] = [];
	for (const point of ex.keyPoints ?? []) {
		const made = point.any.some((phrase) => assertsPhrase(words, phraseWords(table, phrase)));
		const against = contradiction(text, point.contradicts, table);
		checks.push(
			against
				? {
						name: point.name,
						passed: false,
						message: `says "${against}", which is the opposite of: ${point.name}`,
					}
				: {
						name: point.name,
						passed: made,
						message: made ? `mentions ${point.name}` : `does not mention ${point.name}`,
					},
		);
	}
	const against = contradiction(text, ex.contradicts, table);
	if (against) checks.push(contradicted(against));
	const failed = checks.filter((check) => !check.passed);
	const missing = failed.filter((check) => check.message.startsWith('does not mention')).map((check) => check.name);
	const opposite = failed.filter((check) => check.message.startsWith('says '));
	const parts = [];
	if (opposite.length > 0) parts.push(`Your answer ${opposite.map((check) => check.message).join('; and ')}.`);
	if (missing.length > 0) parts.push(`Your answer does not yet cover: ${missing.join('; ')}.`);
	return {correct: checks.every((check) => check.passed), checks, generic: parts.join(' ')};
}

/* ---------- lists ---------- */

/** Words that join or decorate list items: "the net, uts and ipc namespaces". */
const LIST_NOISE = new Set([
	'and',
	'or',
	'plus',
	'also',
	'namespace',
	'namespaces',
	'ns',
	'the',
	'a',
	'an',
	'its',
	'their',
	'both',
	'all',
	'of',
	'them',
	'shared',
	'share',
]);

interface ListEntry {
	readonly words: Words;
	/** Index into list.items, or -1 - index into list.others. */
	readonly ref: number;
}

function listEntries(list: ListAnswer, table: SynonymTable): ListEntry[] {
	const entries: ListEntry[] = [];
	list.items.forEach((names, i) => names.forEach((name) => entries.push({words: prepareText(name, table), ref: i})));
	list.others.forEach((other, i) => {
		for (const name of other.any) entries.push({words: prepareText(name, table), ref: -1 - i});
	});
	return entries.filter((entry) => entry.words.length > 0).sort((a, b) => b.words.length - a.words.length);
}

function checkList(list: ListAnswer, text: string, table: SynonymTable): TextVerdict {
	const words = prepareText(text, table);
	const entries = listEntries(list, table);
	const named = new Set<number>();
	const unknown: string[] = [];
	for (let at = 0; at < words.length;) {
		const hit = entries.find((entry) => entry.words.every((word, i) => words[at + i] === word));
		if (hit) {
			named.add(hit.ref);
			at += hit.words.length;
			continue;
		}
		const noise = words[at];
		if (!LIST_NOISE.has(noise) && !LIST_NOISE.has(`${noise}s`)) unknown.push(noise.replace(/^\u0000/, ''));
		at += 1;
	}
	const missing = list.items.flatMap((names, i) => (named.has(i) ? [] : [names[0]]));
	const extra = list.others.flatMap((other, i) => (named.has(-1 - i) ? [other] : []));
	const parts: string[] = [];
	if (missing.length > 0) parts.push(`you left out ${missing.join(', ')}`);
	for (const other of extra) parts.push(other.note.trim().replace(/\.$/, ''));
	if (unknown.length > 0) {
		const verb = unknown.length === 1 ? 'is' : 'are';
		parts.push(`${unknown.join(', ')} ${verb} not one of the items asked for`);
	}
	const correct = parts.length === 0;
	const shown = list.items.map((names) => names[0]).join(', ');
	return {
		correct,
		checks: [{name: 'items', passed: correct, message: correct ? `names exactly ${shown}` : parts.join('; ')}],
		generic: correct ? '' : `Not quite: ${parts.join('; ')}.`,
	};
}

/* ---------- the checker ---------- */

export function checkFreeTextAnswer(ex: FreeTextExercise, text: string): TextVerdict {
	const table = tableFor(ex);
	if (ex.list) return checkList(ex.list, text, table);
	if (ex.keyPoints && ex.keyPoints.length > 0) return checkKeyPoints(ex, text, table);
	const accepted = [ex.answer, ...(ex.accept ?? [])];
	let correct = accepted.some((listed) => sameShortAnswer(ex, table, text, listed));
	const message = correct ? 'matches an accepted answer' : 'does not match an accepted answer';
	const checks: TextCheckItem[] = [{name: 'answer', passed: correct, message}];
	const against = contradiction(text, ex.contradicts, table);
	if (correct && against) {
		correct = false;
		checks.push(contradicted(against));
	}
	return {correct, checks, generic: 'Not quite: compare your answer with the explanation.'};
}

/** Whether the text is one of the phrasings of a listed wrong answer. */
export function matchesListedWrong(ex: FreeTextExercise, text: string, phrasings: readonly string[]): boolean {
	const table = tableFor(ex);
	if (ex.list) {
		const a = checkList(ex.list, text, table).checks[0].message;
		return phrasings.some((phrasing) => checkList(ex.list as ListAnswer, phrasing, table).checks[0].message === a);
	}
	return phrasings.some((p) => sameShortAnswer(ex, table, text, p) || containsWhole(ex, table, text, p));
}

/** A long answer makes a listed mistake when it contains the mistake's words (not negated). */
function containsWhole(ex: FreeTextExercise, table: SynonymTable, text: string, phrasing: string): boolean {
	if (!ex.keyPoints || ex.keyPoints.length === 0) return false;
	const phrase = phraseWords(table, phrasing);
	return phrase.length >= 3 && assertsPhrase(answerWords(table, text), phrase);
}

export type {ParsedCommand};
