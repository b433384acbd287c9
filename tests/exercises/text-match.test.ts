import {describe, expect, it} from 'vitest';
import {applySynonyms, buildSynonymTable, containsPhrase, normaliseWords, prepareText, sameWords} from '../../src/exercises/text-match.js';

describe('normaliseWords', () => {
	it('ignores case, spacing and punctuation', () => {
		expect(normaliseWords('  The PAUSE   container! ')).toEqual(['the', 'pause', 'container']);
		expect(normaliseWords('net, uts; ipc.')).toEqual(['net', 'uts', 'ipc']);
	});
	it('treats hyphens and slashes as word breaks and drops apostrophes', () => {
		expect(normaliseWords('init-container')).toEqual(['init', 'container']);
		expect(normaliseWords('/pause')).toEqual(['pause']);
		expect(normaliseWords("the Pod's IP")).toEqual(['the', 'pods', 'ip']);
		expect(normaliseWords('the Pod’s IP')).toEqual(['the', 'pods', 'ip']);
	});
	it('folds compatibility characters (full-width letters)', () => {
		expect(normaliseWords('ＰＡＵＳＥ')).toEqual(['pause']);
	});
	it('leaves nothing of punctuation-only text', () => {
		expect(normaliseWords(' ?! -- ')).toEqual([]);
	});
});

describe('synonyms', () => {
	const table = buildSynonymTable([['pause', 'sandbox', 'infra container'], ['ip', 'ip address']]);

	it('maps every member of a group to the same word, on either side', () => {
		expect(sameWords(prepareText('the sandbox', table), prepareText('the pause', table))).toBe(true);
		expect(sameWords(prepareText('the infra container', table), prepareText('the pause', table))).toBe(true);
	});
	it('prefers the longest phrase, so "ip address" is one word, not ip + address', () => {
		expect(applySynonyms(normaliseWords('its ip address'), table)).toEqual(applySynonyms(normaliseWords('its ip'), table));
	});
	it('does not let a typed word collide with a group name', () => {
		expect(sameWords(prepareText('pause', table), ['pause'])).toBe(false);
	});
	it('keeps unrelated words apart', () => {
		expect(sameWords(prepareText('the kubelet', table), prepareText('the pause', table))).toBe(false);
	});
});

describe('containsPhrase', () => {
	it('matches consecutive whole words only', () => {
		const words = normaliseWords('the pause process holds the network namespace');
		expect(containsPhrase(words, normaliseWords('network namespace'))).toBe(true);
		expect(containsPhrase(words, normaliseWords('net namespace'))).toBe(false);
		expect(containsPhrase(words, normaliseWords('holds network'))).toBe(false);
		expect(containsPhrase(words, [])).toBe(false);
	});
});
