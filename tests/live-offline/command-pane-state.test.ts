import {describe, expect, it} from 'vitest';
import {
	commandLine,
	initialPaneState,
	paneReducer,
	visibleLines,
	wrapOutput,
} from '../../src/tutor/command-pane-state.js';

describe('command pane reducer', () => {
	it('goes idle → running → done and ignores ticks after the end', () => {
		let s = paneReducer(initialPaneState, {type: 'start', now: 1000});
		s = paneReducer(s, {type: 'tick', now: 1250, output: 'a\n'});
		expect(s).toMatchObject({phase: 'running', elapsedMs: 250, output: 'a\n'});
		s = paneReducer(s, {type: 'finish', now: 1500, output: 'a\nb\n', outcome: 'exited', exitCode: 0});
		expect(s).toMatchObject({phase: 'done', elapsedMs: 500, exitCode: 0});
		expect(paneReducer(s, {type: 'tick', now: 9000, output: 'late'})).toBe(s);
	});

	it('keeps scrolling within the output', () => {
		let s = paneReducer(initialPaneState, {type: 'scroll', lines: 50, maxBack: 12});
		expect(s.scrollBack).toBe(12);
		s = paneReducer(s, {type: 'scroll', lines: -100, maxBack: 12});
		expect(s.scrollBack).toBe(0);
	});
});

describe('pane text', () => {
	it('wraps long lines and shows the window asked for', () => {
		expect(wrapOutput('abcdefg\n\nxy\n', 3)).toEqual(['abc', 'def', 'g', '', 'xy']);
		expect(visibleLines(['1', '2', '3', '4', '5'], 2, 1)).toEqual({lines: ['3', '4'], above: 2, below: 1});
	});

	it('quotes arguments a shell would split', () => {
		expect(commandLine('kubectl', ['exec', 'web-app', '--', 'sh', '-c', "echo 'hi' there"])).toBe(
			`kubectl exec web-app -- sh -c 'echo '\\''hi'\\'' there'`,
		);
	});
});
