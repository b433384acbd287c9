import {describe, expect, it} from 'vitest';
import {terminalSafeText, visibleText} from '../../src/text/terminal-sanitiser.js';

const HOSTILE = '\u001b]0;PWNED\u0007\u001b]52;c;UFdORUQ=\u0007\u001b[2J\u009b2J\u202e';

describe('visible echoes', () => {
	it('shows every control character of an echoed value as an escape, newline included', () => {
		expect(visibleText(`${HOSTILE}\nnext`)).toBe(
			'\\u001b]0;PWNED\\u0007\\u001b]52;c;UFdORUQ=\\u0007\\u001b[2J\\u009b2J\\u202e\\u000anext',
		);
	});

	it('keeps newlines and tabs of whole output, and colours only when asked', () => {
		expect(terminalSafeText(`a\tb\n${HOSTILE}\r`)).toBe(
			'a\tb\n\\u001b]0;PWNED\\u0007\\u001b]52;c;UFdORUQ=\\u0007\\u001b[2J\\u009b2J\\u202e\\u000d',
		);
		expect(terminalSafeText('\u001b[1;31mred\u001b[0m\u001b[2J', true)).toBe('\u001b[1;31mred\u001b[0m\\u001b[2J');
		expect(terminalSafeText('\u001b[1;31mred', false)).toBe('\\u001b[1;31mred');
	});

	it('turns JSON with C1 characters into JSON that parses to the same value', () => {
		const json = JSON.stringify({answer: HOSTILE});
		const safe = terminalSafeText(json);
		expect(safe).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
		expect(JSON.parse(safe)).toEqual({answer: HOSTILE});
	});
});
