import {EventEmitter} from 'node:events';
import {render, Text, useInput} from 'ink';
import {describe, expect, it} from 'vitest';
import {InkStdin, KEY, KeyDecoder, MAX_PASTE_CHARS, type InputToken} from '../../src/ui/terminal-input.js';

const ESC = '\u001B';
const keys = (tokens: InputToken[]) => tokens.map((t) => (t.kind === 'key' ? t.sequence : '<suspend>'));
const decode = (...chunks: string[]) => {
	const decoder = new KeyDecoder();
	return keys([...chunks.flatMap((c) => decoder.push(c)), ...decoder.flush()]);
};

/** Every key an xterm sends for F1-F12, the editing keys and the arrows, with every modifier (2-8). */
function xtermKeys(): string[] {
	const out: string[] = [];
	const letters = ['A', 'B', 'C', 'D', 'H', 'F', 'P', 'Q', 'R', 'S', 'E'];
	const tildes = [1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 31, 32, 33, 34];
	for (const l of letters) {
		out.push(`${ESC}[${l}`, `${ESC}O${l}`);
		for (let m = 2; m <= 8; m++) out.push(`${ESC}[1;${m}${l}`, `${ESC}O${m}${l}`);
	}
	for (const n of tildes) {
		out.push(`${ESC}[${n}~`);
		for (let m = 2; m <= 8; m++) out.push(`${ESC}[${n};${m}~`);
	}
	// Keypad in application mode, Shift+Tab, the Linux console's F1-F5, rxvt's modified keys.
	for (const c of 'jklmnopqrstuvwxyMX') out.push(`${ESC}O${c}`);
	out.push(`${ESC}[Z`, `${ESC}[[A`, `${ESC}[[E`, `${ESC}[2$`, `${ESC}[5^`, `${ESC}[a`, `${ESC}Oa`);
	return out;
}

/** Reports and strings a terminal sends that are no keys: mouse, focus, SGR, OSC, DCS, answers to queries. */
const REPORTS = [
	`${ESC}[M !!`,
	`${ESC}[<0;10;5M`,
	`${ESC}[<0;10;5m`,
	`${ESC}[I`,
	`${ESC}[O`,
	`${ESC}[31m`,
	`${ESC}[0m`,
	`${ESC}[1;31;42m`,
	`${ESC}]0;PWNED\u0007`,
	`${ESC}]52;c;UFdORUQ=\u0007`,
	`${ESC}]11;rgb:0000/0000/0000${ESC}\\`,
	`${ESC}P1$r0m${ESC}\\`,
	`${ESC}[12;40R`,
	`${ESC}[?1;2c`,
	`${ESC}[>0;276;0c`,
	`${ESC}[?62;c`,
	`${ESC}_Gi=1;OK${ESC}\\`,
	`${ESC}[2J`,
	`${ESC}c`,
	`${ESC}[97;5u`,
	`${ESC}[27;5;106~`,
];

describe('KeyDecoder', () => {
	it('passes printable text one key at a time, so "jj" typed fast is two moves', () => {
		expect(decode('jj')).toEqual(['j', 'j']);
		expect(decode('h\u00E9\u4E2D')).toEqual(['h', '\u00E9', '\u4E2D']);
	});

	it('gives the arrows and the editing keys in one plain form, whatever the modifier', () => {
		expect(decode(`${ESC}[A${ESC}OB${ESC}[1;5C${ESC}[1;2D`)).toEqual([KEY.up, KEY.down, KEY.right, KEY.left]);
		expect(decode(`${ESC}[5~${ESC}[6;3~${ESC}[3~${ESC}[1~${ESC}[4~${ESC}OH`)).toEqual([
			KEY.pageUp,
			KEY.pageDown,
			KEY.delete,
			KEY.home,
			KEY.end,
			KEY.home,
		]);
		expect(decode('\r', '\n', '\t', '\u007F', '\b', '\u0003')).toEqual([
			KEY.enter,
			KEY.enter,
			KEY.tab,
			KEY.backspace,
			KEY.backspace,
			'\u0003',
		]);
	});

	it('drops every function key and every report, with anything modified', () => {
		const known = new Set<string>(Object.values(KEY));
		for (const sequence of [...xtermKeys(), ...REPORTS]) {
			for (const key of decode(sequence))
				expect({sequence, key, known: known.has(key)}).toEqual({sequence, key, known: true});
		}
		expect(decode(`${ESC}[1;5P`)).toEqual([]);
		expect(decode(`${ESC}[31m`, 'j')).toEqual(['j']);
	});

	it('keeps a sequence cut between two reads whole, and takes a lone ESC as the Escape key once the wait is over', () => {
		expect(decode(`${ESC}[`, '1;5', 'A')).toEqual([KEY.up]);
		expect(decode(`${ESC}]0;ti`, `tle\u0007j`)).toEqual(['j']);
		expect(decode(ESC)).toEqual([KEY.escape]);
		expect(decode(`${ESC}${ESC}[B`)).toEqual([KEY.escape, KEY.down]);
		// Alt+key is no binding of the tutor.
		expect(decode(`${ESC}q`)).toEqual([]);
	});

	it('turns a bracketed paste into one piece of text without controls or escape sequences, cut at the limit', () => {
		expect(decode(`${ESC}[200~two\r\nlines ${ESC}[31mred${ESC}[0m\u0007${ESC}]0;x\u0007${ESC}[201~j`)).toEqual([
			'two lines red',
			'j',
		]);
		expect(decode(`${ESC}[200~ab`, `c${ESC}[20`, `1~`)).toEqual(['abc']);
		const big = decode(`${ESC}[200~${'y'.repeat(100 * 1024)}${ESC}[201~`);
		expect(big.map((k) => k.length)).toEqual([MAX_PASTE_CHARS]);
		// An unbracketed paste of many characters stays one piece too.
		expect(decode('z'.repeat(100 * 1024)).map((k) => k.length)).toEqual([MAX_PASTE_CHARS]);
	});

	it('drops invalid UTF-8 (decoded as U+FFFD), C1 controls and NUL; Ctrl+Z asks to suspend', () => {
		expect(decode('a\uFFFDb\u009B31m\u0000')).toEqual(['a', 'b', '3', '1', 'm']);
		expect(decode('x\u001Ay')).toEqual(['x', '<suspend>', 'y']);
	});
});

describe('InkStdin with Ink 6.8', () => {
	class Sink extends EventEmitter {
		columns = 80;
		rows = 24;
		isTTY = true;
		frames: string[] = [];
		write(data: string) {
			this.frames.push(data);
			return true;
		}
	}

	it('hands Ink every token one at a time, and nothing a terminal sends reaches Ink in a form it crashes on', async () => {
		const stdin = new InkStdin();
		const received: string[] = [];
		let failures = 0;
		function Probe() {
			// The app's own handlers use input as a string; Ink 6.8 passed undefined for Ctrl+F1.
			useInput((input, key) => {
				received.push(
					`${input.startsWith('x') ? 'x' : input}${key.upArrow ? '<up>' : ''}${key.escape ? '<esc>' : ''}`,
				);
			});
			return <Text>probe</Text>;
		}
		const sink = new Sink();
		const app = render(<Probe />, {
			stdin: stdin as unknown as NodeJS.ReadStream,
			stdout: sink as unknown as NodeJS.WriteStream,
			debug: true,
			patchConsole: false,
			exitOnCtrlC: false,
		});
		app.waitUntilExit().catch(() => failures++);
		const decoder = new KeyDecoder();
		const everything = [
			...xtermKeys(),
			...REPORTS,
			`${ESC}[200~pasted ${ESC}[31m${ESC}[201~`,
			'\uFFFD',
			'jj',
			ESC,
			'j',
			`${ESC}[A`,
		];
		const tokens = everything.flatMap((s) => [...decoder.push(s), ...decoder.flush()]);
		for (const t of tokens) if (t.kind === 'key') stdin.push(t.sequence);
		const expectedCount = tokens.filter((t) => t.kind === 'key').length;
		const deadline = Date.now() + 5000;
		while (received.length < expectedCount && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 10));
		app.unmount();
		expect(failures).toBe(0);
		expect(received.length).toBe(expectedCount);
		// The tail: the paste whole, "jj" as two keys, Escape then j as two keys, then Up.
		expect(received.slice(-6)).toEqual(['pasted ', 'j', 'j', '<esc>', 'j', '<up>']);
	});
});
