/**
 * Comparing free text the way a tutor would: case, spacing and punctuation do not matter, plural
 * and singular are one word, a URL's scheme and an image's registry and tag are left out, and
 * words the author declared synonyms (pause / infra / sandbox) count as the same word. Matching
 * is always by whole words, never by substring.
 */

/** A normalised text: its words, with synonyms already replaced by their group's first entry. */
export type Words = readonly string[];

/**
 * An image reference or URL typed as one token, reduced to what names the thing:
 * registry.k8s.io/pause:3.10 and docker.io/library/pause are "pause", http://localhost:8080/ is
 * "localhost:8080". A plain host:port (no dot in the tag) keeps its port.
 */
function simplifyToken(token: string): string {
	let out = token.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/\/+$/, '');
	const parts = out.split('/');
	const hadPath = parts.length > 1;
	// localhost:8080/metrics is a URL (keep the host); registry.k8s.io/pause an image (drop the registry).
	const host = /^(localhost|\d+\.\d+\.\d+\.\d+|\[[\d:a-f]*\])(:\d+)?$/.test(parts[0]);
	if (host && hadPath) return parts[0];
	if (parts.length > 1 && /[.:]/.test(parts[0])) parts.shift();
	if (parts.length > 1 && parts[0] === 'library') parts.shift();
	out = parts.join('/');
	if (hadPath || /:[0-9]+\.[0-9.]+$|:latest$/.test(out))
		out = out.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[\w.-]+$/, '');
	return out;
}

/** Lower case, NFKC, apostrophes dropped (pod's = pods), every other non-letter/digit a separator. */
export function normaliseWords(text: string): string[] {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.replace(/['\u2019`]/g, '')
		.split(/\s+/)
		.map(simplifyToken)
		.join(' ')
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== '');
}

/** Text with (glosses) and [notes] taken out: "the CRI runtime (containerd or CRI-O)". */
export function withoutGlosses(text: string): string {
	return text.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
}

/** Words that carry no meaning in a short answer: "it is the kernel" is "kernel". */
const FILLER = new Set([
	'a',
	'an',
	'the',
	'it',
	'its',
	'is',
	'are',
	'i',
	'think',
	'probably',
	'maybe',
	'just',
	'simply',
	'called',
	'named',
	'answer',
	'field',
	'this',
	'that',
	'thats',
	'would',
	'be',
	'use',
	'type',
	'run',
	'one',
]);

/** Articles only: in a sentence the other filler words can matter. */
const ARTICLES = new Set(['a', 'an', 'the']);

export function withoutFiller(words: Words): Words {
	return words.filter((word) => !FILLER.has(word));
}

export function withoutArticles(words: Words): Words {
	return words.filter((word) => !ARTICLES.has(word));
}

/** Singular and plural as one word, the same on both sides: pods/pod, namespaces/namespace. */
function stem(word: string): string {
	if (word.length <= 3 || word.startsWith('\u0000')) return word;
	if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
	if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
	return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Author synonym groups, prepared once: each phrase as words, longest first, with its group's name. */
export interface SynonymTable {
	readonly phrases: readonly {readonly words: Words; readonly canonical: string}[];
}

export function buildSynonymTable(groups: readonly (readonly string[])[]): SynonymTable {
	const phrases: {words: Words; canonical: string}[] = [];
	for (const group of groups) {
		const prepared = group.map((text) => normaliseWords(text).map(stem)).filter((words) => words.length > 0);
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
	return applySynonyms(normaliseWords(text).map(stem), table);
}

/** Words preceding a phrase that turn it round: "not a container", "never each container". */
const NEGATIONS = new Set(['not', 'never', 'no', 'nor', 'isnt', 'arent', 'doesnt', 'dont', 'nothing', 'without']);

/**
 * Like assertsPhrase, but other words may stand between the phrase's words (at most `slack` in
 * all): "each container in the Pod gets its own IP" asserts "each container gets its own ip".
 * For contradictions, where a rephrased mistake must still count as the mistake.
 */
export function assertsLoosely(words: Words, phrase: Words, slack = 2): boolean {
	if (phrase.length === 0) return false;
	for (let at = 0; at < words.length; at += 1) {
		if (words[at] !== phrase[0]) continue;
		let j = 1;
		let end = at;
		for (let k = at + 1; k < words.length && j < phrase.length && k - at < phrase.length + slack; k += 1) {
			if (words[k] === phrase[j]) {
				j += 1;
				end = k;
			}
		}
		if (j < phrase.length) continue;
		const span = words.slice(Math.max(0, at - 2), end + 1);
		if (!span.some((word) => NEGATIONS.has(word))) return true;
	}
	return false;
}

/** True when `phrase` appears in `words` and no negation stands in the two words before it. */
export function assertsPhrase(words: Words, phrase: Words): boolean {
	if (phrase.length === 0) return false;
	for (let at = 0; at + phrase.length <= words.length; at += 1) {
		if (!startsWithAt(words, at, phrase)) continue;
		const before = words.slice(Math.max(0, at - 2), at);
		if (!before.some((word) => NEGATIONS.has(word))) return true;
	}
	return false;
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
