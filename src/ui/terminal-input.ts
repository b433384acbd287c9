import {EventEmitter} from 'node:events';
import {StringDecoder} from 'node:string_decoder';

/**
 * What the tutor reads from the terminal, turned into keys it knows. A terminal sends far more
 * than keys: function keys with modifiers (Ctrl+F1 is `ESC[1;5P`), mouse and focus reports,
 * bracketed pastes, answers to queries, and whatever escape sequences a learner pastes. Ink 6.8's
 * input hook crashes on some of these (it reads `.startsWith` of an undefined key name, the known
 * Ink bug vadimdemedes/ink#901), and it hands a run of typed characters ("jj") to the app as one
 * input that matches no binding. So the tutor reads the terminal itself, from the first frame on,
 * and passes on one key at a time, in a small vocabulary Ink parses safely:
 *
 * - printable text (one character per key; a paste as one piece, control characters removed);
 * - Enter `\r`, Tab `\t`, Backspace `\x7f`, Escape `\x1b`, Ctrl+letter `\x01`..`\x1a`;
 * - the arrows, Home, End, Delete, Page Up and Page Down in their plain xterm forms (any
 *   modifier dropped: Ctrl+Up is Up).
 *
 * Everything else is dropped. Ctrl+Z is not a key at all but a request to suspend.
 */
export type InputToken = {readonly kind: 'key'; readonly sequence: string} | {readonly kind: 'suspend'};

const ESC = '\u001B';
export const KEY = {
	up: `${ESC}[A`,
	down: `${ESC}[B`,
	right: `${ESC}[C`,
	left: `${ESC}[D`,
	home: `${ESC}[H`,
	end: `${ESC}[F`,
	delete: `${ESC}[3~`,
	pageUp: `${ESC}[5~`,
	pageDown: `${ESC}[6~`,
	enter: '\r',
	tab: '\t',
	backspace: '\u007F',
	escape: ESC,
} as const;

/** A paste longer than this is cut: no answer field takes more, and the rest would only cost time. */
export const MAX_PASTE_CHARS = 64 * 1024;
/** An unterminated string sequence (OSC, DCS) longer than this is garbage, not a sequence. */
const MAX_SEQUENCE_CHARS = 4096;
/** Runs of typed characters up to this length are keys; longer runs arrived as a paste. */
const MAX_TYPED_RUN = 32;
const PASTE_START = `${ESC}[200~`;
const PASTE_END = `${ESC}[201~`;

const LETTER_KEYS: Readonly<Record<string, string>> = {
	A: KEY.up,
	B: KEY.down,
	C: KEY.right,
	D: KEY.left,
	H: KEY.home,
	F: KEY.end,
};
const TILDE_KEYS: Readonly<Record<string, string>> = {
	'1': KEY.home,
	'3': KEY.delete,
	'4': KEY.end,
	'5': KEY.pageUp,
	'6': KEY.pageDown,
	'7': KEY.home,
	'8': KEY.end,
};

type Scan = {readonly end: number; readonly sequence?: string} | 'pending' | 'paste';

function isFinalByte(code: number): boolean {
	return code >= 0x40 && code <= 0x7e;
}

/** Characters that stand for themselves in text: not C0, DEL, C1, or U+FFFD (a byte that was not UTF-8). */
function printable(text: string): string {
	return text.replace(/[\u0000-\u001F\u007F-\u009F\uFFFD]/g, '');
}

/** CSI: ESC [ parameters intermediates final. */
function scanCsi(input: string, start: number): Scan {
	let i = start + 2;
	// The Linux console's F1-F5: ESC [ [ A.
	if (input[i] === '[') return i + 1 < input.length ? {end: i + 2} : 'pending';
	while (i < input.length) {
		const code = input.charCodeAt(i);
		if (code >= 0x20 && code <= 0x3f) {
			i++;
			continue;
		}
		if (!isFinalByte(code)) return {end: i};
		const params = input.slice(start + 2, i);
		const final = input[i];
		// X10 mouse report: ESC [ M and three raw bytes.
		if (final === 'M' && params === '') return i + 3 < input.length ? {end: i + 4} : 'pending';
		if (`${ESC}[${params}${final}` === PASTE_START) return 'paste';
		return {end: i + 1, sequence: csiKey(params, final)};
	}
	return 'pending';
}

function csiKey(params: string, final: string): string | undefined {
	// Only the plain forms and xterm's "1;modifier" forms; private (<, ?, >, =) parameters are reports.
	if (!/^[0-9;]*$/.test(params)) return undefined;
	const [first = '', modifier] = params.split(';');
	if (final === '~') return modifier === undefined || /^\d+$/.test(modifier) ? TILDE_KEYS[first] : undefined;
	const key = LETTER_KEYS[final];
	if (!key) return undefined;
	return params === '' || first === '1' ? key : undefined;
}

/** SS3: ESC O (digits) final; the arrows, Home and End of "application mode". */
function scanSs3(input: string, start: number): Scan {
	let i = start + 2;
	while (i < input.length && /[0-9;]/.test(input[i])) i++;
	if (i >= input.length) return 'pending';
	if (!isFinalByte(input.charCodeAt(i))) return {end: i};
	return {end: i + 1, sequence: i === start + 2 ? LETTER_KEYS[input[i]] : undefined};
}

/** OSC, DCS, SOS, PM, APC: a string up to BEL or ST (ESC \ or U+009C). */
function scanString(input: string, start: number): Scan {
	for (let i = start + 2; i < input.length; i++) {
		const char = input[i];
		if (char === '\u0007' || char === '\u009C') return {end: i + 1};
		if (char === ESC) {
			if (i + 1 >= input.length) return 'pending';
			if (input[i + 1] === '\\') return {end: i + 2};
		}
	}
	return input.length - start > MAX_SEQUENCE_CHARS ? {end: input.length} : 'pending';
}

/** One escape sequence at `start` (which holds ESC). */
function scanEscape(input: string, start: number): Scan {
	const next = input[start + 1];
	if (next === undefined) return 'pending';
	if (next === '[') return scanCsi(input, start);
	if (next === 'O') return scanSs3(input, start);
	if (next === ']' || next === 'P' || next === 'X' || next === '^' || next === '_') return scanString(input, start);
	// ESC ESC: Escape pressed, then whatever the second ESC starts.
	if (next === ESC) return {end: start + 1, sequence: KEY.escape};
	// Alt+key (ESC and a character): not a binding of the tutor.
	return {end: start + 1 + (next.codePointAt(0)! > 0xffff ? 2 : 1)};
}

function controlKey(char: string): string | undefined {
	if (char === '\r' || char === '\n') return KEY.enter;
	if (char === '\t') return KEY.tab;
	if (char === '\u007F' || char === '\b') return KEY.backspace;
	const code = char.charCodeAt(0);
	// Ctrl+A..Ctrl+Y (Ctrl+Z suspends, NUL and the rest of C0 are no keys).
	return code >= 1 && code <= 25 ? char : undefined;
}

/**
 * Turns decoded terminal input into tokens, keeping an incomplete sequence for the next chunk.
 * Pure apart from that buffer: tests feed it strings.
 */
export class KeyDecoder {
	private pending = '';
	private paste: string | undefined;

	/** The tokens of `chunk`; an unfinished sequence at its end waits for the next chunk or `flush`. */
	push(chunk: string): InputToken[] {
		const tokens: InputToken[] = [];
		const input = this.pending + chunk;
		this.pending = '';
		let i = 0;
		while (i < input.length) {
			if (this.paste !== undefined) {
				const end = input.indexOf(PASTE_END, i);
				if (end === -1) {
					// Keep a possible start of the end marker for the next chunk.
					const keep = Math.min(PASTE_END.length - 1, input.length - i);
					this.addPaste(input.slice(i, input.length - keep));
					this.pending = input.slice(input.length - keep);
					return tokens;
				}
				this.addPaste(input.slice(i, end));
				const text = printable(new KeyDecoder().textOnly(this.paste.replace(/[\r\n\t]+/g, ' ')));
				if (text) tokens.push({kind: 'key', sequence: text});
				this.paste = undefined;
				i = end + PASTE_END.length;
				continue;
			}
			const char = input[i];
			if (char === ESC) {
				const scan = scanEscape(input, i);
				if (scan === 'pending') {
					this.pending = input.slice(i);
					return tokens;
				}
				if (scan === 'paste') {
					this.paste = '';
					i = input.indexOf('~', i) + 1;
					continue;
				}
				if (scan.sequence) tokens.push({kind: 'key', sequence: scan.sequence});
				i = scan.end;
				continue;
			}
			if (char === '\u001A') {
				tokens.push({kind: 'suspend'});
				i++;
				continue;
			}
			const code = char.charCodeAt(0);
			if (code < 0x20 || code === 0x7f) {
				const key = controlKey(char);
				if (key) tokens.push({kind: 'key', sequence: key});
				i++;
				continue;
			}
			// A run of text up to the next control character.
			let end = i;
			while (end < input.length && !/[\u0000-\u001F\u007F]/.test(input[end])) end++;
			const text = printable(input.slice(i, end));
			const chars = [...text];
			if (chars.length <= MAX_TYPED_RUN) for (const c of chars) tokens.push({kind: 'key', sequence: c});
			else tokens.push({kind: 'key', sequence: chars.slice(0, MAX_PASTE_CHARS).join('')});
			i = end;
		}
		return tokens;
	}

	/** Whether input is waiting for the rest of a sequence (the caller arms a short timer). */
	hasPending(): boolean {
		return this.pending !== '' && this.paste === undefined;
	}

	/** The wait is over: a lone ESC was the Escape key; a cut-off sequence is dropped. */
	flush(): InputToken[] {
		const pending = this.pending;
		if (this.paste !== undefined) return [];
		this.pending = '';
		return pending === ESC ? [{kind: 'key', sequence: KEY.escape}] : [];
	}

	private addPaste(text: string): void {
		if (this.paste !== undefined && this.paste.length < MAX_PASTE_CHARS)
			this.paste = (this.paste + text).slice(0, MAX_PASTE_CHARS);
	}

	/** The text of a string with every escape sequence in it removed (what a paste may contain). */
	private textOnly(text: string): string {
		let out = '';
		let i = 0;
		while (i < text.length) {
			if (text[i] !== ESC) {
				const next = text.indexOf(ESC, i);
				const end = next === -1 ? text.length : next;
				out += text.slice(i, end);
				i = end;
				continue;
			}
			const scan = scanEscape(text, i);
			if (scan === 'pending') break;
			i = scan === 'paste' ? text.indexOf('~', i) + 1 : scan.end;
		}
		return out;
	}
}

/** How long an ESC may wait for the rest of its sequence (over SSH a sequence can arrive in two reads). */
export const ESCAPE_WAIT_MS = 50;

/**
 * Reads the terminal as bytes (so invalid UTF-8 becomes U+FFFD and is dropped, instead of
 * breaking a sequence) and hands every token to `onToken`.
 */
export class TerminalReader {
	private readonly decoder = new StringDecoder('utf8');
	private readonly keys = new KeyDecoder();
	private timer: NodeJS.Timeout | undefined;
	private readonly onData = (data: Buffer | string) =>
		this.take(typeof data === 'string' ? data : this.decoder.write(data));

	constructor(
		private readonly stdin: NodeJS.ReadableStream,
		private readonly onToken: (token: InputToken) => void,
	) {
		stdin.on('data', this.onData);
		stdin.resume();
	}

	/** Stops reading: the terminal's input stays in its buffer for whoever reads next. */
	stop(): void {
		clearTimeout(this.timer);
		this.stdin.off('data', this.onData);
		this.stdin.pause();
	}

	/** While another program has the terminal: its keys are its own. */
	pause(): void {
		this.stdin.pause();
	}

	resume(): void {
		this.stdin.resume();
	}

	private take(text: string): void {
		clearTimeout(this.timer);
		for (const token of this.keys.push(text)) this.onToken(token);
		if (this.keys.hasPending()) {
			this.timer = setTimeout(() => {
				for (const token of this.keys.flush()) this.onToken(token);
			}, ESCAPE_WAIT_MS);
		}
	}
}

/**
 * The stdin Ink is given: the keys the tutor read, one per `readable` event, so that Ink's own
 * parser sees each key alone (an Escape followed by `j` stays two keys). Raw mode is the
 * terminal owner's: Ink's requests are noted and ignored.
 */
export class InkStdin extends EventEmitter {
	readonly isTTY = true;
	private readonly queue: string[] = [];
	private scheduled = false;
	/** Ink reads one key per readable event; this lets the next one through. */
	private gate = 0;

	constructor() {
		super();
		this.on('newListener', (event: string) => {
			if (event === 'readable') this.schedule();
		});
	}

	push(sequence: string): void {
		this.queue.push(sequence);
		this.schedule();
	}

	read(): string | null {
		if (this.gate === 0) return null;
		this.gate--;
		const next = this.queue.shift();
		return next ?? null;
	}

	setRawMode(): this {
		return this;
	}

	setEncoding(): this {
		return this;
	}

	ref(): this {
		return this;
	}

	unref(): this {
		return this;
	}

	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		setImmediate(() => {
			this.scheduled = false;
			if (this.queue.length === 0 || this.listenerCount('readable') === 0) return;
			this.gate = 1;
			this.emit('readable');
			this.gate = 0;
			if (this.queue.length > 0) this.schedule();
		});
	}
}
