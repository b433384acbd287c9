// Summaries of repeated measurements. Percentiles use the nearest-rank method, so every figure
// reported is one that was actually measured.

export function sorted(values) {
	return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile, p in (0, 100]. */
export function percentile(values, p) {
	if (values.length === 0) throw new Error('percentile of no values');
	const ordered = sorted(values);
	const rank = Math.ceil((p / 100) * ordered.length);
	return ordered[Math.min(ordered.length, Math.max(1, rank)) - 1];
}

/** The middle value; for an even count, the mean of the two middle values. */
export function median(values) {
	if (values.length === 0) throw new Error('median of no values');
	const ordered = sorted(values);
	const middle = Math.floor(ordered.length / 2);
	return ordered.length % 2 === 1 ? ordered[middle] : (ordered[middle - 1] + ordered[middle]) / 2;
}

export function mean(values) {
	if (values.length === 0) throw new Error('mean of no values');
	return values.reduce((sum, v) => sum + v, 0) / values.length;
}

export function summary(values) {
	return {
		n: values.length,
		median: median(values),
		p90: percentile(values, 90),
		min: Math.min(...values),
		max: Math.max(...values),
	};
}
