/** What the terminal can show: box-drawing characters or ASCII only, colour or not. */
import type {Charset} from './text-line.js';

/**
 * ASCII when the locale is not UTF-8 (LC_ALL wins over LC_CTYPE, which wins over LANG, as in
 * setlocale) or the terminal is dumb. Windows consoles have no locale variables yet show UTF-8.
 */
export function chooseCharset(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): Charset {
	if (env.TERM === 'dumb') return 'ascii';
	const locale = env.LC_ALL || env.LC_CTYPE || env.LANG;
	if (!locale) return platform === 'win32' ? 'unicode' : 'ascii';
	return /utf-?8/i.test(locale) ? 'unicode' : 'ascii';
}

/** Colour only on a terminal, never when NO_COLOR is set (https://no-color.org) or TERM=dumb. */
export function colorEnabled(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
	if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
	if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
	if (env.TERM === 'dumb') return false;
	return isTTY;
}
