import {describe, expect, it} from 'vitest';
import {layoutCompose, layoutDocker, layoutPod, describePod} from '../../src/diagram/pod-diagram.js';
import {textWidth} from '../../src/diagram/text-line.js';
import {fixtureModel} from './fixture-models.js';

// The seeds' examples (seed 002: web-app, app + metrics, wait-for-db, envoy; seed 004: singlet,
// doublet, trio), drawn as learners see them. Snapshots are plain text files, one per drawing,
// so a reviewer can read them as they are.
const FIXTURES = ['web-app', 'app-metrics', 'wait-for-db', 'envoy-sidecar', 'singlet', 'doublet', 'trio'];
const WIDTHS = [80, 60, 40];
const CHARSETS = ['unicode', 'ascii'] as const;

function checkLines(lines: readonly string[], width: number, charset: 'unicode' | 'ascii') {
	for (const line of lines) {
		expect(textWidth(line)).toBeLessThanOrEqual(width);
		expect(line).not.toMatch(/\u001B/);
		if (charset === 'ascii') expect(line).toMatch(/^[\x20-\x7e]*$/);
	}
}

describe.each(FIXTURES)('%s', (name) => {
	const model = fixtureModel(name);
	for (const charset of CHARSETS) {
		for (const width of WIDTHS) {
			it(`pod view at ${width} columns, ${charset}`, async () => {
				const lines = layoutPod(model, {width, charset, color: false});
				checkLines(lines, width, charset);
				await expect(lines.join('\n') + '\n').toMatchFileSnapshot(
					`__snapshots__/${name}.pod.${width}.${charset}.txt`,
				);
			});
		}
	}

	it('describes itself in prose', async () => {
		await expect(describePod(model) + '\n').toMatchFileSnapshot(`__snapshots__/${name}.describe.txt`);
	});
});

describe.each(['web-app', 'app-metrics', 'doublet'])('%s, docker and compose views', (name) => {
	const model = fixtureModel(name);
	for (const charset of CHARSETS) {
		for (const width of [80, 40]) {
			it(`docker view at ${width}, ${charset}`, async () => {
				const lines = layoutDocker(model, {width, charset, color: false});
				checkLines(lines, width, charset);
				await expect(lines.join('\n') + '\n').toMatchFileSnapshot(
					`__snapshots__/${name}.docker.${width}.${charset}.txt`,
				);
			});
			it(`compose view at ${width}, ${charset}`, async () => {
				const lines = layoutCompose(model, {width, charset, color: false});
				checkLines(lines, width, charset);
				await expect(lines.join('\n') + '\n').toMatchFileSnapshot(
					`__snapshots__/${name}.compose.${width}.${charset}.txt`,
				);
			});
		}
	}
});

describe('colour', () => {
	it('adds ANSI colour as an extra: the visible text is the same as without', () => {
		const model = fixtureModel('web-app');
		const plain = layoutPod(model, {width: 80, charset: 'unicode', color: false});
		const colored = layoutPod(model, {width: 80, charset: 'unicode', color: true});
		expect(colored.join('\n')).toMatch(/\u001B\[/);
		expect(colored.map((l) => l.replace(/\u001B\[[0-9;]*m/g, ''))).toEqual(plain);
	});
});
