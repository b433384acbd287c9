import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
// The benchmark's pseudo-terminal driver: it sends bytes at chosen moments after a marker.
import {runInPty, terminalEnv} from '../../scripts/bench/pty-run.mjs';
import {repoCourse, repoRoot} from '../tutor/course-fixture.js';
import {emulate} from './pyte-screen.js';

let configDir: string;

beforeEach(() => {
	configDir = mkdtempSync(join(tmpdir(), 'pod-tutor-typeahead-'));
});

afterEach(() => {
	rmSync(configDir, {recursive: true, force: true});
});

interface PtyReport {
	output: string;
	exit: number;
}

/**
 * Starts the tutor in an 80x24 pseudo-terminal and sends `keys` right after its first frame, at
 * the given milliseconds after it. The gaps are the test's input (how fast a learner types while
 * Ink loads), not waits for the tutor; the result is read once the tutor has gone quiet.
 */
async function typeAfterFirstFrame(keys: ReadonlyArray<[number, string]>): Promise<string[]> {
	const steps: object[] = [{wait_text: 'lessons done', label: 'first'}];
	let at = 0;
	for (const [ms, key] of keys) {
		if (ms > at) steps.push({watch: ms - at});
		at = ms;
		steps.push({send: key});
	}
	steps.push({wait_quiet: 1500}, {send: '\u0003'});
	const env = terminalEnv(configDir);
	const report = (await runInPty({
		argv: [process.execPath, join(repoRoot, 'bin/pod-tutor.js')],
		env,
		cols: 80,
		rows: 24,
		timeout: 20,
		steps,
	})) as PtyReport;
	// The screen as a terminal shows it just before Ctrl+C: everything up to leaving the alternate screen.
	const output = report.output.slice(0, report.output.lastIndexOf('\u001B[?1049l'));
	return emulate(80, 24, [[output]])[0].lines;
}

function selectedLesson(lines: readonly string[]): string | undefined {
	return lines.find((l) => l.startsWith('\u276F'));
}

describe('keys typed from the first frame on', () => {
	it('answers j at 0, 10, 50, 100 and 200 ms after the first frame: every one applied', async () => {
		const course = repoCourse();
		const lines = await typeAfterFirstFrame([
			[0, 'j'],
			[10, 'j'],
			[50, 'j'],
			[100, 'j'],
			[200, 'j'],
		]);
		expect(selectedLesson(lines)).toContain(`6. ${course.lessons[5].title}`);
	});

	it('keeps the order of keys across the handover to Ink: moves, open, a step, help', async () => {
		const course = repoCourse();
		const lines = await typeAfterFirstFrame([
			[0, 'j'],
			[0, 'j'],
			[10, '\r'],
			[50, 'l'],
			[100, '?'],
			[200, '?'],
			[250, 'k'],
		]);
		const lesson = course.lessons[2];
		expect(lines[0]).toMatch(
			new RegExp(`^3\\. ${lesson.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +step 2/${lesson.steps.length}$`),
		);
	});

	it('a quit typed before Ink is ready still quits', async () => {
		const env = terminalEnv(configDir);
		const report = (await runInPty({
			argv: [process.execPath, join(repoRoot, 'bin/pod-tutor.js')],
			env,
			cols: 80,
			rows: 24,
			timeout: 20,
			steps: [{wait_text: 'lessons done'}, {send: 'q'}],
		})) as PtyReport;
		expect(report.exit).toBe(0);
	});
});
