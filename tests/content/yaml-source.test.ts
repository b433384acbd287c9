import {describe, expect, it} from 'vitest';
import {MAX_LESSON_FILE_BYTES, parseYamlSource, type YamlSource} from '../../src/content/yaml-source.js';

const LESSON = `# yaml-language-server: $schema=../schema/lesson.schema.json
id: pause
title: The pause container
summary: One line.
steps:
  - kind: text
    body: |
      First paragraph.
  - kind: command
    tool: kubectl
    args: [get, pods]
    recorded:
      exitCode: 0
      output: |
        NAME   READY
  - kind: exercise
    exercise: pause-ip
`;

function source(text: string): YamlSource {
	const result = parseYamlSource(text);
	if (!result.ok) throw new Error(`expected the text to parse: ${result.message}`);
	return result.source;
}

/** The 1-based line holding `needle`, found independently of the parser. */
const lineWith = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('lineOf', () => {
	const src = source(LESSON);
	it('finds top-level scalar fields', () => {
		expect(src.lineOf(['id'])).toBe(lineWith(LESSON, 'id: pause'));
		expect(src.lineOf(['summary'])).toBe(lineWith(LESSON, 'summary:'));
	});
	it('finds each step of a list', () => {
		expect(src.lineOf(['steps', 0])).toBe(lineWith(LESSON, '- kind: text'));
		expect(src.lineOf(['steps', 1])).toBe(lineWith(LESSON, '- kind: command'));
		expect(src.lineOf(['steps', 2])).toBe(lineWith(LESSON, '- kind: exercise'));
	});
	it('finds scalar fields inside nested steps', () => {
		expect(src.lineOf(['steps', 2, 'exercise'])).toBe(lineWith(LESSON, 'exercise: pause-ip'));
		expect(src.lineOf(['steps', 1, 'tool'])).toBe(lineWith(LESSON, 'tool: kubectl'));
		expect(src.lineOf(['steps', 1, 'recorded', 'exitCode'])).toBe(lineWith(LESSON, 'exitCode: 0'));
	});
	it('finds a flow sequence and an item in it', () => {
		expect(src.lineOf(['steps', 1, 'args'])).toBe(lineWith(LESSON, 'args: [get, pods]'));
		expect(src.lineOf(['steps', 1, 'args', 1])).toBe(lineWith(LESSON, 'args: [get, pods]'));
	});
	it('finds the kind field of a step whose key comes first on the dash line', () => {
		expect(src.lineOf(['steps', 1, 'kind'])).toBe(lineWith(LESSON, '- kind: command'));
	});
	it('falls back to the nearest mapping for a missing field', () => {
		expect(src.lineOf(['steps', 2, 'title'])).toBe(lineWith(LESSON, '- kind: exercise'));
	});
	it('does not take a same-named key of a later step', () => {
		// steps[0] has no "tool"; the first "tool:" below it belongs to steps[1].
		const line = src.lineOf(['steps', 0, 'tool']);
		expect(line).toBe(lineWith(LESSON, '- kind: text'));
	});
});

describe('YAML errors', () => {
	it('reports the line of a syntax error', () => {
		const text = 'id: x\nsteps:\n  - kind: text\n     body: too far in\n';
		const result = parseYamlSource(text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.line).toBe(4);
		expect(result.message).toMatch(/^not valid YAML: /);
	});
	it('reports an unclosed flow list with a line', () => {
		const result = parseYamlSource('id: x\nsources: [a, b\nsteps: []\n');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.line).toBeGreaterThanOrEqual(2);
	});
	it('refuses an oversized file without parsing it', () => {
		const result = parseYamlSource(`body: "${'x'.repeat(MAX_LESSON_FILE_BYTES)}"\n`);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.message).toMatch(/larger than 512 KiB/);
	});
});
