/**
 * Keeps the last part of a command's output. The end is what matters (the error, the last log
 * lines), and an endless `kubectl logs -f` must not grow the tutor's memory without bound.
 */
export const DEFAULT_OUTPUT_CAP = 256 * 1024;

export class OutputTail {
	private chunks: string[] = [];
	private length = 0;
	private cutBytes = 0;

	constructor(private readonly capChars: number = DEFAULT_OUTPUT_CAP) {}

	append(text: string): void {
		if (text === '') return;
		this.chunks.push(text);
		this.length += text.length;
		// Trimming joins the kept text; doing it only at twice the cap keeps appends cheap.
		if (this.length > 2 * this.capChars) this.trim();
	}

	/** Bytes (UTF-8) dropped from the front so far. */
	get cut(): number {
		if (this.length > this.capChars) this.trim();
		return this.cutBytes;
	}

	/** The kept text, headed by a notice when anything was dropped. */
	text(): string {
		if (this.length > this.capChars) this.trim();
		const body = this.chunks.join('');
		return this.cutBytes > 0 ? `[... ${this.cutBytes} bytes cut ...]\n${body}` : body;
	}

	/** The kept text alone, without the notice. */
	kept(): string {
		if (this.length > this.capChars) this.trim();
		return this.chunks.join('');
	}

	private trim(): void {
		const joined = this.chunks.join('');
		let start = joined.length - this.capChars;
		// Start on a whole line so the first kept line is not a meaningless fragment.
		const newline = joined.indexOf('\n', start);
		if (newline !== -1 && newline - start < 1024) start = newline + 1;
		this.cutBytes += Buffer.byteLength(joined.slice(0, start));
		const kept = joined.slice(start);
		this.chunks = [kept];
		this.length = kept.length;
	}
}
