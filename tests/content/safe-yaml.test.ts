import {describe, expect, it} from 'vitest';
import {loadYamlSafely, MAX_YAML_DEPTH} from '../../src/content/safe-yaml.js';
import {parseYamlSource} from '../../src/content/yaml-source.js';

describe('loadYamlSafely', () => {
	it('refuses 10,000-deep nesting with the line instead of overflowing the stack', () => {
		const block = loadYamlSafely(`a: 1\nb:\n  ${'- '.repeat(10_000)}x\n`);
		expect(block).toMatchObject({
			ok: false,
			line: 3,
			message: `nested more than ${MAX_YAML_DEPTH} levels deep; no lesson or Pod needs that`,
		});
		const flow = loadYamlSafely(`a: 1\nb: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`);
		expect(flow).toMatchObject({ok: false, line: 2});
	});

	it('refuses an alias bomb and a self-referring alias', () => {
		const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
		for (let i = 1; i < 9; i++)
			rows.push(
				`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
					.fill(`*${String.fromCharCode(96 + i)}`)
					.join(', ')}]`,
			);
		expect(loadYamlSafely(rows.join('\n'))).toMatchObject({ok: false, message: expect.stringContaining('aliases')});
		expect(loadYamlSafely('a: &a [*a]')).toMatchObject({ok: false});
	});

	it('keeps ordinary files as they are', () => {
		expect(loadYamlSafely('a: [1, 2]\n---\nb: 3\n')).toMatchObject({ok: true, documents: [{a: [1, 2]}, {b: 3}]});
	});
});

describe('parseYamlSource', () => {
	it('names the line where a second document starts', () => {
		const result = parseYamlSource('id: one\ntitle: x\n---\nid: two\n');
		expect(result).toMatchObject({ok: false, line: 4, message: expect.stringContaining('2 YAML documents')});
	});
});
