import {describe, expect, it} from 'vitest';
import {
	applySynonyms,
	assertsLoosely,
	assertsPhrase,
	buildSynonymTable,
	containsPhrase,
	normaliseWords,
	prepareText,
	sameWords,
} from '../../src/exercises/text-match.js';

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
	const table = buildSynonymTable([
		['pause', 'sandbox', 'infra container'],
		['ip', 'ip address'],
	]);

	it('maps every member of a group to the same word, on either side', () => {
		expect(sameWords(prepareText('the sandbox', table), prepareText('the pause', table))).toBe(true);
		expect(sameWords(prepareText('the infra container', table), prepareText('the pause', table))).toBe(true);
	});
	it('prefers the longest phrase, so "ip address" is one word, not ip + address', () => {
		expect(applySynonyms(normaliseWords('its ip address'), table)).toEqual(
			applySynonyms(normaliseWords('its ip'), table),
		);
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

describe('tokens that name one thing', () => {
	it('drops a URL scheme and an image registry, library/ and tag', () => {
		expect(normaliseWords('http://localhost:8080/')).toEqual(['localhost', '8080']);
		expect(normaliseWords('registry.k8s.io/pause:3.10')).toEqual(['pause']);
		expect(normaliseWords('docker.io/library/nginx@sha256:abcdef')).toEqual(['nginx']);
		expect(normaliseWords('pause:3.10')).toEqual(['pause']);
		expect(normaliseWords('app:8080')).toEqual(['app', '8080']);
		expect(normaliseWords('localhost:8080/metrics')).toEqual(['localhost', '8080']);
		expect(normaliseWords('http://127.0.0.1:8080/healthz')).toEqual(['127', '0', '0', '1', '8080']);
	});
	it('singular and plural are one word on both sides', () => {
		const none = buildSynonymTable([]);
		expect(sameWords(prepareText('pods', none), prepareText('pod', none))).toBe(true);
		expect(sameWords(prepareText('namespaces', none), prepareText('namespace', none))).toBe(true);
		expect(sameWords(prepareText('process', none), prepareText('proces', none))).toBe(false);
	});
});

describe('negation', () => {
	it('a phrase right after not or never is not asserted', () => {
		const none = buildSynonymTable([]);
		const phrase = prepareText('containers share one ip', none);
		expect(assertsPhrase(prepareText('containers share one ip', none), phrase)).toBe(true);
		expect(assertsPhrase(prepareText('the pods, not the containers share one ip', none), phrase)).toBe(false);
		expect(assertsLoosely(prepareText('containers all share just one ip', none), phrase)).toBe(true);
		expect(assertsLoosely(prepareText('containers do not share one ip', none), phrase)).toBe(false);
	});
});
