import {spawnSync} from 'node:child_process';
import {getHeapStatistics} from 'node:v8';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {TUTOR_V8_FLAGS} from '../../src/tutor-start.js';
import {fullCollection, QuietCollector} from '../../src/ui/quiet-collector.js';

const MB = 1024 * 1024;

describe('QuietCollector', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	function setup(growth: number[]) {
		vi.useFakeTimers();
		let used = 10 * MB;
		const collect = vi.fn(() => {
			used = 10 * MB;
		});
		const collector = new QuietCollector({
			collect,
			heapUsed: () => used,
			quietMs: 200,
			minGrowthBytes: MB,
			burstGrowthBytes: 100 * MB,
		});
		return {
			collector,
			collect,
			grow: () => {
				used += (growth.shift() ?? 0) * MB;
			},
		};
	}

	it('arms nothing until a frame is drawn: an idle tutor has no timer', () => {
		const {collect} = setup([]);
		expect(vi.getTimerCount()).toBe(0);
		vi.advanceTimersByTime(10_000);
		expect(collect).not.toHaveBeenCalled();
	});

	it('collects once the screen has been quiet, not while frames keep coming', () => {
		const {collector, collect, grow} = setup([2, 2, 2]);
		for (let i = 0; i < 3; i++) {
			grow();
			collector.activity();
			vi.advanceTimersByTime(150);
		}
		expect(collect).not.toHaveBeenCalled();
		vi.advanceTimersByTime(60);
		expect(collect).toHaveBeenCalledTimes(1);
		expect(collector.collections).toBe(1);
		// Fired once; nothing stays armed afterwards.
		expect(vi.getTimerCount()).toBe(0);
	});

	it('skips the collection while the heap grew less than the threshold since the last one, and adds up small growths', () => {
		const {collector, collect, grow} = setup([0.5, 0.4, 0.3, 0.2]);
		grow();
		collector.activity();
		vi.advanceTimersByTime(250);
		expect(collect).not.toHaveBeenCalled();
		grow();
		collector.activity();
		vi.advanceTimersByTime(250);
		// 0.9 MB since the start: still below the threshold.
		expect(collect).not.toHaveBeenCalled();
		grow();
		collector.activity();
		vi.advanceTimersByTime(250);
		// 1.2 MB: collected, and counting starts again from what is left.
		expect(collect).toHaveBeenCalledTimes(1);
		grow();
		collector.activity();
		vi.advanceTimersByTime(250);
		expect(collect).toHaveBeenCalledTimes(1);
	});

	it('collects during a burst that never goes quiet (a key held down) once enough garbage piled up', () => {
		vi.useFakeTimers();
		let used = 10 * MB;
		const collect = vi.fn(() => {
			used = 10 * MB;
		});
		const collector = new QuietCollector({
			collect,
			heapUsed: () => used,
			quietMs: 200,
			minGrowthBytes: MB,
			burstGrowthBytes: 4 * MB,
		});
		for (let frame = 1; frame <= 20; frame++) {
			used += 0.5 * MB;
			collector.activity();
			vi.advanceTimersByTime(30);
			// Collected on the 8th frame (4 MB), and again on the 16th.
			expect(collect).toHaveBeenCalledTimes(Math.floor(frame / 8));
		}
		vi.advanceTimersByTime(250);
		// The quiet after the burst collects the rest (2 MB since the last one).
		expect(collect).toHaveBeenCalledTimes(3);
	});

	it('re-arms after firing, and does nothing after dispose', () => {
		const {collector, collect, grow} = setup([3, 3, 3]);
		grow();
		collector.activity();
		vi.advanceTimersByTime(250);
		grow();
		collector.activity();
		vi.advanceTimersByTime(250);
		expect(collect).toHaveBeenCalledTimes(2);
		grow();
		collector.activity();
		collector.dispose();
		vi.advanceTimersByTime(1000);
		expect(collect).toHaveBeenCalledTimes(2);
	});
});

describe('fullCollection', () => {
	it('gives a function that really frees garbage on the V8 heap', () => {
		const gc = fullCollection();
		expect(gc).toBeTypeOf('function');
		gc!();
		const before = getHeapStatistics().used_heap_size;
		const garbage: unknown[] = Array.from({length: 200_000}, (_, i) => ({i, text: `item ${i}`}));
		expect(getHeapStatistics().used_heap_size - before).toBeGreaterThan(5 * MB);
		garbage.length = 0;
		expect(garbage).toHaveLength(0);
		gc!();
		expect(getHeapStatistics().used_heap_size - before).toBeLessThan(2 * MB);
	});
});

describe("the tutor's V8 settings", () => {
	it('are all known to this Node: setting them prints nothing (an unknown flag would print over the screen)', () => {
		const result = spawnSync(
			process.execPath,
			['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(TUTOR_V8_FLAGS)}); console.log('set')`],
			{encoding: 'utf8'},
		);
		expect(result.stderr).toBe('');
		expect(result.stdout).toBe('set\n');
	});
});
