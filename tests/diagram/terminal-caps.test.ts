import {describe, expect, it} from 'vitest';
import {chooseCharset, colorEnabled} from '../../src/diagram/terminal-caps.js';

describe('chooseCharset', () => {
	it.each([
		[{LANG: 'en_US.UTF-8'}, 'unicode'],
		[{LANG: 'de_DE.utf8'}, 'unicode'],
		[{LANG: 'C'}, 'ascii'],
		[{LANG: 'en_US.UTF-8', LC_ALL: 'C'}, 'ascii'],
		[{LANG: 'C', LC_CTYPE: 'C.UTF-8'}, 'unicode'],
		[{LC_ALL: 'en_US.ISO-8859-1', LANG: 'en_US.UTF-8'}, 'ascii'],
		[{LANG: 'en_US.UTF-8', TERM: 'dumb'}, 'ascii'],
		[{}, 'ascii'],
	])('%j -> %s', (env, expected) => {
		expect(chooseCharset(env, 'linux')).toBe(expected);
	});

	it('trusts a Windows console without locale variables', () => {
		expect(chooseCharset({}, 'win32')).toBe('unicode');
	});
});

describe('colorEnabled', () => {
	it('colours a terminal only', () => {
		expect(colorEnabled({}, true)).toBe(true);
		expect(colorEnabled({}, false)).toBe(false);
	});
	it('respects NO_COLOR, TERM=dumb and FORCE_COLOR', () => {
		expect(colorEnabled({NO_COLOR: '1'}, true)).toBe(false);
		expect(colorEnabled({NO_COLOR: ''}, true)).toBe(true);
		expect(colorEnabled({TERM: 'dumb'}, true)).toBe(false);
		expect(colorEnabled({FORCE_COLOR: '1'}, false)).toBe(true);
		expect(colorEnabled({FORCE_COLOR: '0'}, true)).toBe(false);
	});
});
