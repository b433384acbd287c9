import {describe, expect, it} from 'vitest';
import {MAX_MANIFEST_BYTES, parseManifest} from '../../src/exercises/manifest-yaml.js';

function refusal(source: string, origin = 'pod.yaml'): string {
	const parsed = parseManifest(source, origin);
	if (parsed.ok) throw new Error('expected a refusal');
	return parsed.error;
}

/** The classic "billion laughs": 9 levels of 9 aliases, 9^9 leaves once expanded. */
function aliasBomb(): string {
	const lines = ['apiVersion: v1', 'kind: Pod', `l0: &l0 [${Array(9).fill('"lol"').join(', ')}]`];
	for (let level = 1; level <= 8; level += 1) {
		lines.push(
			`l${level}: &l${level} [${Array(9)
				.fill(`*l${level - 1}`)
				.join(', ')}]`,
		);
	}
	lines.push(`l9: [${Array(9).fill('*l8').join(', ')}]`);
	return lines.join('\n');
}

describe('parseManifest', () => {
	it('reads one mapping', () => {
		const parsed = parseManifest('apiVersion: v1\nkind: Pod\nmetadata: {name: web}\n', 'pod.yaml');
		expect(parsed).toMatchObject({ok: true, manifest: {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}}});
		expect(parsed.ok && parsed.documents).toHaveLength(1);
	});
	it('accepts a leading document marker and a few harmless aliases', () => {
		const parsed = parseManifest('---\nkind: Pod\nx: &r {cpu: 1}\ny: *r\n', 'pod.yaml');
		expect(parsed.ok).toBe(true);
	});

	it('refuses an alias bomb quickly, naming the origin', () => {
		const source = aliasBomb();
		expect(source.length).toBeLessThan(1000);
		const started = performance.now();
		const error = refusal(source, 'editor');
		expect(performance.now() - started).toBeLessThan(1000);
		expect(error).toMatch(/^editor: YAML aliases \(\*name\) expand the manifest to more than 100000 values/);
	});
	it('refuses an alias that contains itself', () => {
		expect(refusal('kind: Pod\nspec: &loop\n  again: *loop\n')).toContain(
			'pod.yaml: a YAML alias (*name) refers to a node that contains it',
		);
	});
	it('refuses nesting thousands of levels deep with the line where it passes the limit, not a stack overflow', () => {
		const flow = `kind: Pod\nspec: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
		expect(refusal(flow)).toMatch(/^pod\.yaml:2: nested more than 100 levels deep/);
		const block = ['kind: Pod', ...Array.from({length: 1_000}, (_, i) => `${' '.repeat(i)}k${i}:`)].join('\n');
		expect(refusal(block, 'editor')).toMatch(/^editor:\d+: nested more than 100 levels deep/);
	});
	it('refuses input over 1 MB before parsing it', () => {
		const source = `kind: Pod\nmetadata:\n  annotations:\n    note: "${'x'.repeat(1.1 * 1024 * 1024)}"\n`;
		expect(Buffer.byteLength(source)).toBeGreaterThan(MAX_MANIFEST_BYTES);
		expect(refusal(source, 'stdin')).toBe(
			'stdin: the manifest is 1.1 MB; a Pod manifest is a few KB (the limit is 1 MB)',
		);
	});
	it('refuses text that is not YAML, with line and column', () => {
		expect(refusal('kind: Pod\nspec:\n  containers: [\n', 'pod.yaml')).toMatch(/^pod\.yaml:4:1: not valid YAML: /);
		const parsed = parseManifest('a: 1\n a: [', 'x');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.detail).toMatch(/^line \d+, column \d+: not valid YAML/);
	});
	it('refuses duplicate keys, which kubectl would also reject', () => {
		expect(refusal('kind: Pod\nkind: Deployment\n')).toContain('duplicated mapping key');
	});
	it('refuses empty and comment-only input', () => {
		expect(refusal('', 'editor')).toBe(
			'editor: the manifest is empty: write a Pod, starting with "apiVersion: v1" and "kind: Pod"',
		);
		expect(refusal('# just a comment\n')).toContain('the manifest is empty');
	});
	it('refuses a list or a scalar instead of a mapping', () => {
		expect(refusal('- kind: Pod\n')).toBe(
			'pod.yaml: the manifest is a list, not a mapping: a Kubernetes object starts with keys such as "apiVersion:", "kind:" and "metadata:"',
		);
		expect(refusal('just some words')).toContain('the manifest is a string value, not a mapping');
		expect(refusal('42')).toContain('the manifest is a number value, not a mapping');
	});
	it('keeps every document, so the checker can say what else was sent', () => {
		const parsed = parseManifest('kind: Pod\nmetadata: {name: a}\n---\nkind: Service\n', 'pod.yaml');
		expect(parsed.ok && parsed.documents.map((doc) => doc.kind)).toEqual(['Pod', 'Service']);
		expect(refusal('kind: Pod\n---\n42\n')).toContain('document 2 of the file is a number value, not a mapping');
	});
	it('says on which line a field stands', () => {
		const parsed = parseManifest(
			'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: b\n    - name: c\n',
			'pod.yaml',
		);
		expect(parsed.ok && parsed.lineOf(['spec', 'containers', 1, 'name'])).toBe(7);
		expect(parsed.ok && parsed.lineOf(['spec', 'containers', 0])).toBe(5);
	});
	it('keeps date-like and yes/no values as the strings kubectl would see', () => {
		const parsed = parseManifest('kind: Pod\nmetadata:\n  labels: {day: 2024-01-01}\n', 'pod.yaml');
		expect(parsed.ok && (parsed.manifest.metadata as {labels: {day: unknown}}).labels.day).toBe('2024-01-01');
	});
});
