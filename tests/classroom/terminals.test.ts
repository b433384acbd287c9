/**
 * What a student's terminal really receives (every byte recorded from a tmux pane): no colour
 * under NO_COLOR or --no-color, on command steps too; under TERM=dumb and --plain plain lines,
 * without the alternate screen or cursor addressing.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {commandStep} from './course-steps.js';
import {COLOUR_SGR, RecordedTerminal, SCREEN_CONTROL, tutorArgv} from './recorded-terminal.js';

let dir: string;
let terminal: RecordedTerminal | undefined;
let env: Record<string, string>;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'pod-tutor-terms-'));
	// live: off, so no container tool runs and every command step shows its recorded output.
	writeFileSync(join(dir, 'lab.yaml'), 'live: off\n');
	env = {POD_TUTOR_CONFIG_DIR: join(dir, 'config'), POD_TUTOR_LAB_CONFIG: join(dir, 'lab.yaml'), LANG: 'C.UTF-8'};
});
afterEach(() => {
	terminal?.stop();
	terminal = undefined;
	rmSync(dir, {recursive: true, force: true});
});

async function openCommandStep(
	args: string[],
	extraEnv: Record<string, string>,
	term: string,
): Promise<RecordedTerminal> {
	const {lesson, step} = commandStep();
	// A fresh learner each time: a saved position would reopen the lesson at the command step.
	const fresh = mkdtempSync(join(dir, 'learner-'));
	const t = new RecordedTerminal(tutorArgv([lesson.id, ...args]), {
		...env,
		POD_TUTOR_CONFIG_DIR: fresh,
		...extraEnv,
		TERM: term,
	});
	terminal = t;
	await t.session.waitFor((s) => s.includes(`step 1/${lesson.steps.length}`), 'the lesson');
	for (let i = 0; i < step; i++) {
		t.session.keys('Right');
		await t.session.waitFor((s) => s.includes(`step ${i + 2}/${lesson.steps.length}`), `step ${i + 2}`);
	}
	await t.session.waitFor((s) => s.includes('recorded output'), 'the recorded output of the command step');
	return t;
}

describe.each(['xterm-256color', 'screen', 'tmux-256color', 'vt100'])('on %s', (term) => {
	it('a command step is in colour by default, and not under NO_COLOR or --no-color', async () => {
		const coloured = await openCommandStep([], {}, term);
		expect(coloured.output()).toMatch(COLOUR_SGR);
		coloured.stop();

		const noColor = await openCommandStep([], {NO_COLOR: '1'}, term);
		expect(noColor.output()).not.toMatch(COLOUR_SGR);
		noColor.stop();

		const flag = await openCommandStep(['--no-color'], {}, term);
		expect(flag.output()).not.toMatch(COLOUR_SGR);
	});
});

describe('TERM=dumb and --plain', () => {
	it('TERM=dumb gets plain lines: no alternate screen, no cursor addressing, no colour, ASCII', async () => {
		const t = new RecordedTerminal(tutorArgv(), {...env, TERM: 'dumb'});
		terminal = t;
		await t.session.waitFor((s) => s.includes('Lesson number 1-'), 'the plain lesson list');
		t.session.keys('1', 'Enter');
		await t.session.waitFor((s) => s.includes('Step 1 of'), 'the first step');
		t.session.keys('quit', 'Enter');
		await t.session.waitFor((s) => s.includes('[exited 0]'), 'the tutor to exit');
		const output = t.output();
		expect(output).toContain('pod-tutor, plain mode.');
		expect(output).not.toMatch(SCREEN_CONTROL);
		expect(output).not.toMatch(COLOUR_SGR);
		expect(output).not.toMatch(/\u001B/);
		expect(output).toMatch(/^[\x09\x0A\x0D\x20-\x7E]*$/);
		// TERM=dumb is the terminal's, not a choice to remember.
		expect(() => readFileSync(join(dir, 'config', 'config.yaml'))).toThrow();
	});

	it('--plain on a capable terminal is remembered: the next start is plain too, with nothing redrawn', async () => {
		const first = new RecordedTerminal(tutorArgv(['--plain']), {...env, TERM: 'xterm-256color'});
		terminal = first;
		await first.session.waitFor((s) => s.includes('Lesson number 1-'), 'the plain lesson list');
		first.session.keys('quit', 'Enter');
		await first.session.waitFor((s) => s.includes('[exited 0]'), 'the tutor to exit');
		first.stop();

		const again = new RecordedTerminal(tutorArgv(), {...env, TERM: 'xterm-256color'});
		terminal = again;
		await again.session.waitFor((s) => s.includes('Lesson number 1-'), 'plain mode without --plain');
		again.session.keys('2', 'Enter');
		await again.session.waitFor((s) => s.includes('Step 1 of'), 'lesson 2');
		again.session.keys('Enter');
		await again.session.waitFor((s) => s.includes('Step 2 of'), 'the second step');
		again.session.keys('quit', 'Enter');
		await again.session.waitFor((s) => s.includes('[exited 0]'), 'the tutor to exit');
		expect(again.output()).not.toMatch(SCREEN_CONTROL);
		expect(again.output()).not.toMatch(/\u001B/);
	});
});
