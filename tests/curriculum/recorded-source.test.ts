/**
 * Every output the course shows says what it is (`recorded.from`): `real`, printed by the tool on
 * a real system, or `sample`, an illustration in its format. The tutor's label follows it, so a
 * `real` one must have the capture it came from: podman's in tests/fixtures/curriculum/podman
 * (byte for byte, tests/curriculum/podman-recordings.test.ts), crictl's line for line in the
 * crictl captures. No kubectl capture exists (no cluster can run here): kubectl output is a sample.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {shownCommands} from './curriculum-course.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Every line crictl printed in the captures, trailing blanks aside. */
function crictlCaptureLines(): Set<string> {
	const lines = new Set<string>();
	for (const dir of ['curriculum/crictl', 'crictl']) {
		for (const file of readdirSync(join(FIXTURES, dir)).filter((f) => f.endsWith('.out')))
			for (const line of readFileSync(join(FIXTURES, dir, file), 'utf8').split('\n')) lines.add(line.trimEnd());
	}
	return lines;
}

describe('what each shown output is', () => {
	test('every output says whether it was printed on a real system or is a sample', () => {
		const unsaid = shownCommands().filter(({command}) => command.recorded.from === undefined);
		expect(unsaid.map((c) => c.where)).toEqual([]);
	});

	test('kubectl output is a sample: there is no kubectl capture to call it real', () => {
		const real = shownCommands().filter(
			({command}) => command.tool === 'kubectl' && command.recorded.from === 'real',
		);
		expect(real.map((c) => c.where)).toEqual([]);
	});

	test('a real crictl output is, line for line, what crictl printed in the captures', () => {
		const captured = crictlCaptureLines();
		const real = shownCommands().filter(
			({command}) => command.tool === 'crictl' && command.recorded.from === 'real',
		);
		expect(real.length).toBeGreaterThan(0);
		const problems = real.flatMap(({where, command}) =>
			command.recorded.output
				.replace(/\n$/, '')
				.split('\n')
				.filter((line) => !captured.has(line.trimEnd()))
				.map((line) => `${where}: not in a crictl capture: ${line}`),
		);
		expect(problems).toEqual([]);
	});

	test('podman output is real: each one is a recording (tests/curriculum/podman-recordings.test.ts)', () => {
		const samples = shownCommands().filter(
			({command}) => command.tool === 'podman' && command.recorded.from !== 'real',
		);
		expect(samples.map((c) => c.where)).toEqual([]);
	});
});
