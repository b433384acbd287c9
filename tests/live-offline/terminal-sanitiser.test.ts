import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sanitiseTerminalText, StreamSanitiser} from '../../src/text/terminal-sanitiser.js';

const ESC = '\u001B';
const BEL = '\u0007';

describe('terminal sanitiser', () => {
	it('drops colour and cursor movement (CSI)', () => {
		expect(sanitiseTerminalText(`${ESC}[31mred${ESC}[0m ${ESC}[2J${ESC}[10;5Hmoved${ESC}[?25l`)).toBe('red moved');
	});

	it('drops a window-title change ended by BEL or by ST (OSC)', () => {
		expect(sanitiseTerminalText(`a${ESC}]0;pwned${BEL}b${ESC}]2;also${ESC}\\c`)).toBe('abc');
	});

	it('drops hyperlinks (OSC 8) but keeps their text', () => {
		expect(sanitiseTerminalText(`${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;${ESC}\\`)).toBe('link');
	});

	it('drops device control strings, lone escapes, C1 controls and other C0 controls', () => {
		expect(sanitiseTerminalText(`x${ESC}P1$r0m${ESC}\\y${ESC}cz\u009B31mw\u0008\u0000v\u007F`)).toBe('xyzwv');
	});

	it('keeps newlines and tabs; CR LF becomes LF and a lone CR a new line', () => {
		expect(sanitiseTerminalText('a\tb\r\nc\rd\n')).toBe('a\tb\nc\nd\n');
	});

	it('recognises a sequence split across chunks', () => {
		const s = new StreamSanitiser();
		const out =
			s.push(`one${ESC}`) +
			s.push(']0;tit') +
			s.push(`le${BEL}two${ESC}[3`) +
			s.push('1mthree\r') +
			s.push('\nfour') +
			s.end();
		expect(out).toBe('onetwothree\nfour');
	});

	it('drops an unterminated sequence at the end of the stream', () => {
		const s = new StreamSanitiser();
		expect(s.push(`ok${ESC}]0;never ends`) + s.end()).toBe('ok');
	});

	it('never lets an ESC, BEL or CR through, whatever the input and however it is split', () => {
		fc.assert(
			fc.property(fc.array(fc.string({unit: 'binary'}), {maxLength: 8}), (chunks) => {
				const s = new StreamSanitiser();
				const out = chunks.map((c) => s.push(c)).join('') + s.end();
				return !/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(out);
			}),
		);
	});

	it('leaves plain text alone', () => {
		fc.assert(fc.property(fc.stringMatching(/^[ -~\n\t]*$/), (text) => sanitiseTerminalText(text) === text));
	});
});
