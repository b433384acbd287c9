import {describe, expect, it} from 'vitest';
import {mean, median, percentile, summary} from './stats.mjs';

describe('stats', () => {
	it('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([5, 1, 3])).toBe(3);
		expect(median([4, 1, 3, 2])).toBe(2.5);
	});

	it('reports nearest-rank percentiles, always a measured value', () => {
		const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
		expect(percentile(values, 90)).toBe(90);
		expect(percentile(values, 91)).toBe(100);
		expect(percentile(values, 100)).toBe(100);
		expect(percentile([7], 90)).toBe(7);
	});

	it('refuses empty input instead of returning NaN', () => {
		expect(() => median([])).toThrow(/no values/);
		expect(() => mean([])).toThrow(/no values/);
		expect(() => percentile([], 50)).toThrow(/no values/);
	});

	it("summarises without reordering the caller's array", () => {
		const values = [3, 1, 2];
		expect(summary(values)).toEqual({n: 3, median: 2, p90: 3, min: 1, max: 3});
		expect(values).toEqual([3, 1, 2]);
	});
});
