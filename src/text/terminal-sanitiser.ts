/**
 * The one sanitiser for anything from outside that reaches the terminal. Two ways to use it:
 *
 * - Command output drawn inside the tutor's own screen (StreamSanitiser, sanitiseTerminalText).
 *   A Pod's logs are written by whoever runs in the Pod: an escape sequence in them could move
 *   the cursor, clear the screen, retitle the window (OSC 0/2) or talk to the terminal (DCS).
 *   Everything but printable text, newlines and tabs is dropped. A carriage return on its own
 *   becomes a newline, so progress bars that redraw one line show as successive lines instead of
 *   overwriting the pane.
 * - Echoes of what a learner or a lesson pack gave: answers, ids, paths, file contents, in text
 *   and in JSON (visibleText, terminalSafeText). Here nothing is dropped, since the learner must
 *   see what they typed: every control character is written out visibly as \u001b, \u009b...,
 *   the same spelling JSON uses, so a JSON document passed through stays valid and equal.
 */

const ESC = 0x1b;
const BEL = 0x07;
/** Sequences longer than this that never end are dropped rather than held forever. */
const MAX_PENDING = 4096;

type Scan = {readonly kind: 'done'; readonly next: number} | {readonly kind: 'incomplete'};

function isC1(code: number): boolean {
	return code >= 0x80 && code <= 0x9f;
}

/** Control strings (OSC, DCS, SOS, PM, APC) run until BEL (OSC only, in practice any) or ST. */
function scanControlString(text: string, start: number): Scan {
	for (let i = start; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === BEL || code === 0x9c) return {kind: 'done', next: i + 1};
		if (code === ESC) {
			if (i + 1 >= text.length) return {kind: 'incomplete'};
			if (text[i + 1] === '\\') return {kind: 'done', next: i + 2};
		}
	}
	return {kind: 'incomplete'};
}

/** CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E. */
function scanCsi(text: string, start: number): Scan {
	for (let i = start; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x40 && code <= 0x7e) return {kind: 'done', next: i + 1};
		if (code < 0x20 || code > 0x3f) return {kind: 'done', next: i};
	}
	return {kind: 'incomplete'};
}

function scanEscape(text: string, at: number): Scan {
	if (at + 1 >= text.length) return {kind: 'incomplete'};
	const intro = text[at + 1];
	if (intro === '[') return scanCsi(text, at + 2);
	if (intro === ']' || intro === 'P' || intro === 'X' || intro === '^' || intro === '_') {
		return scanControlString(text, at + 2);
	}
	// Other escapes: optional intermediates 0x20–0x2F then one final byte (ESC c resets the terminal).
	for (let i = at + 1; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0x20 && code <= 0x2f) continue;
		if (code >= 0x30 && code <= 0x7e) return {kind: 'done', next: i + 1};
		return {kind: 'done', next: i};
	}
	return {kind: 'incomplete'};
}

function scanC1(text: string, at: number): Scan {
	const code = text.charCodeAt(at);
	if (code === 0x9b) return scanCsi(text, at + 1);
	if (code === 0x9d || code === 0x90 || code === 0x98 || code === 0x9e || code === 0x9f) {
		return scanControlString(text, at + 1);
	}
	return {kind: 'done', next: at + 1};
}

/** A sanitiser for one stream: sequences split across chunks are recognised whole. */
export class StreamSanitiser {
	private pending = '';

	push(chunk: string): string {
		const text = this.pending + chunk;
		this.pending = '';
		let out = '';
		let i = 0;
		while (i < text.length) {
			const code = text.charCodeAt(i);
			if (code === ESC || isC1(code)) {
				const scan = code === ESC ? scanEscape(text, i) : scanC1(text, i);
				if (scan.kind === 'incomplete') {
					const rest = text.slice(i);
					if (rest.length <= MAX_PENDING) this.pending = rest;
					return out;
				}
				i = scan.next;
				continue;
			}
			if (code === 0x0d) {
				if (i + 1 >= text.length) {
					this.pending = '\r';
					return out;
				}
				if (text[i + 1] !== '\n') out += '\n';
				i++;
				continue;
			}
			if ((code < 0x20 && code !== 0x0a && code !== 0x09) || code === 0x7f) {
				i++;
				continue;
			}
			out += text[i];
			i++;
		}
		return out;
	}

	/** Flushes what is left at the end of the stream; an unfinished sequence is dropped. */
	end(): string {
		const rest = this.pending;
		this.pending = '';
		return rest === '\r' ? '\n' : '';
	}
}

/** Sanitises a complete text at once. */
export function sanitiseTerminalText(text: string): string {
	const sanitiser = new StreamSanitiser();
	return sanitiser.push(text) + sanitiser.end();
}

/**
 * C0 controls, DEL, C1 controls (U+009B is a one-character CSI for many terminals), the line and
 * paragraph separators, and the bidirectional overrides that make text display in another order
 * than it is stored. Newline and tab are handled by the callers.
 */
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const INVISIBLE_OR_LINE_BREAK = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const INVISIBLE_OR_COLOUR = new RegExp(`\\u001b\\[[0-9;]*m|${INVISIBLE.source}`, 'g');

function escapeCode(char: string): string {
	return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** One value (an id, a path, an answer) for a message line: every control, newline included, shown escaped. */
export function visibleText(value: string): string {
	return value.replace(INVISIBLE_OR_LINE_BREAK, escapeCode);
}

/**
 * Whole text for stdout or stderr: newlines and tabs kept, every other control shown escaped.
 * With `keepColour`, SGR sequences (ESC [ digits ; m: colour and bold only, which cannot move the
 * cursor or talk to the terminal) pass, for output that pod-tutor coloured itself.
 */
export function terminalSafeText(text: string, keepColour = false): string {
	if (!keepColour) return text.replace(INVISIBLE, escapeCode);
	return text.replace(INVISIBLE_OR_COLOUR, (piece) => (piece.length > 1 ? piece : escapeCode(piece)));
}
