/**
 * Comparing free text the way a tutor would: case, spacing and punctuation do not matter, and
 * words the author declared synonyms (pause / infra / sandbox) count as the same word.
 */

/** A normalised text: its words, with synonyms already replaced by their group's first entry. */
export type Words = readonly string[];

/** Lower case, NFKC, apostrophes dropped (pod's = pods), every other non-letter/digit a separator. */
export function normaliseWords(text: string): string[] {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/['\u2019`]/g, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== '');
}

/** Author synonym groups, prepared once: each phrase as words, longest first, with its group's name. */
export interface SynonymTable {
	readonly phrases: readonly {readonly words: Words; readonly canonical: string}[];
}

export function buildSynonymTable(groups: readonly (readonly string[])[]): SynonymTable {
	const phrases: {words: Words; canonical: string}[] = [];
	for (const group of groups) {
		const prepared = group.map(normaliseWords).filter((words) => words.length > 0);
		if (prepared.length === 0) continue;
		// A character no normalised word can contain, so a canonical never collides with a typed word.
		const canonical = `\u0000${prepared[0].join(' ')}`;
		for (const words of prepared) phrases.push({words, canonical});
	}
	phrases.sort((a, b) => b.words.length - a.words.length);
	return {phrases};
}

function startsWithAt(words: Words, at: number, phrase: Words): boolean {
	if (at + phrase.length > words.length) return false;
	return phrase.every((word, i) => words[at + i] === word);
}

/** Replaces every synonym phrase by its group's canonical word, longest phrase first. */
export function applySynonyms(words: Words, table: SynonymTable): string[] {
	const out: string[] = [];
	let at = 0;
	while (at < words.length) {
		const hit = table.phrases.find((phrase) => startsWithAt(words, at, phrase.words));
		if (hit) {
			out.push(hit.canonical);
			at += hit.words.length;
		} else {
			out.push(words[at]);
			at += 1;
		}
	}
	return out;
}

export function prepareText(text: string, table: SynonymTable): Words {
	return applySynonyms(normaliseWords(text), table);
}

export function sameWords(a: Words, b: Words): boolean {
	return a.length === b.length && a.every((word, i) => word === b[i]);
}

/** True when `phrase` appears in `words` as consecutive whole words. */
export function containsPhrase(words: Words, phrase: Words): boolean {
	if (phrase.length === 0) return false;
	for (let at = 0; at + phrase.length <= words.length; at += 1) {
		if (startsWithAt(words, at, phrase)) return true;
	}
	return false;
}
