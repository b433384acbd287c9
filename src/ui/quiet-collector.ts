/**
 * Keeps the tutor's resident memory near its floor while it is used. Every key renders a whole
 * frame; with the small young generation the tutor runs with (see tutor-start.ts) part of that
 * garbage is promoted, and V8 would let the old generation grow by several MB before collecting it
 * on its own. Instead, once the screen has been quiet for a moment after a burst of frames, and
 * only if the heap grew since the last time, one full collection runs. It is driven by frames,
 * never by a clock: an idle tutor arms no timer and wakes up for nothing.
 */
import {getHeapStatistics, setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';

export interface QuietCollectorOptions {
	/** Runs one full garbage collection. */
	readonly collect: () => void;
	/** Bytes in use on the JS heap now. */
	readonly heapUsed?: () => number;
	/** How long the screen must stay quiet before collecting. */
	readonly quietMs?: number;
	/** Growth since the last collection below which collecting is not worth its few ms. */
	readonly minGrowthBytes?: number;
	/** Growth at which a burst of frames (a key held down) is collected without waiting for quiet. */
	readonly burstGrowthBytes?: number;
}

export class QuietCollector {
	private readonly heapUsed: () => number;
	private readonly minGrowth: number;
	private readonly burstGrowth: number;
	private readonly quietMs: number;
	private timer: NodeJS.Timeout | undefined;
	private disposed = false;
	private baseline: number;
	/** Full collections run so far (the benchmark reports it). */
	collections = 0;

	constructor(private readonly options: QuietCollectorOptions) {
		this.heapUsed = options.heapUsed ?? (() => getHeapStatistics().used_heap_size);
		this.minGrowth = options.minGrowthBytes ?? 512 * 1024;
		this.burstGrowth = options.burstGrowthBytes ?? 4 * 1024 * 1024;
		this.quietMs = options.quietMs ?? 250;
		this.baseline = this.heapUsed();
	}

	/** A frame was drawn: collect once the screen has been quiet for a moment. */
	activity(): void {
		if (this.disposed) return;
		// A key held down never leaves the screen quiet: collect when the garbage has piled up.
		if (this.heapUsed() - this.baseline >= this.burstGrowth) this.collectNow();
		// One timer, pushed back by every frame (refresh also re-arms it after it has fired).
		// Unref'd: it never keeps the process alive.
		if (this.timer) this.timer.refresh();
		else this.timer = setTimeout(() => this.settle(), this.quietMs).unref();
	}

	dispose(): void {
		this.disposed = true;
		clearTimeout(this.timer);
	}

	private settle(): void {
		// Growth is counted from the last collection, so keys that each add a little add up.
		if (this.heapUsed() - this.baseline >= this.minGrowth) this.collectNow();
	}

	private collectNow(): void {
		this.options.collect();
		this.collections++;
		this.baseline = this.heapUsed();
	}
}

/**
 * V8's full collection as a function, or undefined where it cannot be had. `--expose-gc` set at
 * run time adds `gc` only to contexts created afterwards, hence the fresh context.
 */
export function fullCollection(): (() => void) | undefined {
	try {
		setFlagsFromString('--expose-gc');
		const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
		return typeof gc === 'function' ? () => (gc as () => void)() : undefined;
	} catch {
		return undefined;
	}
}
