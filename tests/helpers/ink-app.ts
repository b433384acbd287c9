/**
 * Driving an Ink component rendered with ink-testing-library: named keys, and waits for the
 * frame to show something (or to change) instead of fixed sleeps.
 */
import {waitFor} from './wait-for.js';

/** What a terminal sends for each key (xterm sequences, as Ink parses them). */
export const KEYS = {
	enter: '\r',
	escape: '\u001B',
	space: ' ',
	backspace: '\u007F',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	ctrlC: '\u0003',
} as const;

/** The part of ink-testing-library's render result these helpers use. */
export interface InkApp {
	readonly lastFrame: () => string | undefined;
	readonly stdin: {write(data: string): void};
}

/** Waits until the last frame passes the test; returns it. */
export function frameWhere(
	app: InkApp,
	test: (frame: string) => boolean,
	what: string,
	timeoutMs?: number,
): Promise<string> {
	return waitFor(() => app.lastFrame() ?? '', test, what, timeoutMs);
}

/** Waits until the last frame contains every text given. */
export function frameWith(app: InkApp, ...texts: string[]): Promise<string> {
	return frameWhere(app, (f) => texts.every((t) => f.includes(t)), texts.map((t) => JSON.stringify(t)).join(' and '));
}

/** Sends keys, then waits for the frame to pass the test. */
export async function press(
	app: InkApp,
	keys: string | readonly string[],
	test: (frame: string) => boolean,
	what: string,
): Promise<string> {
	for (const key of typeof keys === 'string' ? [keys] : keys) app.stdin.write(key);
	return frameWhere(app, test, what);
}

/** Sends one key and waits until the frame differs from the one before it: the key was taken. */
export async function pressAndWaitForChange(app: InkApp, key: string, what: string): Promise<string> {
	const before = app.lastFrame() ?? '';
	app.stdin.write(key);
	return frameWhere(app, (f) => f !== before, what);
}
