/**
 * Durations as a learner writes them and as Kubernetes prints them: `300`, `300s`, `5m`, `5m0s`,
 * `1h30m`, `5 minutes`, `2.5 min`. The value is a whole-or-fractional number of seconds, so
 * `300s`, `5m` and `5 minutes` are equal, and `5m` is never read as 5 milli-anything.
 */
import {parseQuantity, type QuantityResult} from './quantity.js';

const UNIT_SECONDS: Readonly<Record<string, number>> = {
	ms: 0.001,
	millisecond: 0.001,
	milliseconds: 0.001,
	s: 1,
	sec: 1,
	secs: 1,
	second: 1,
	seconds: 1,
	m: 60,
	min: 60,
	mins: 60,
	minute: 60,
	minutes: 60,
	h: 3600,
	hr: 3600,
	hrs: 3600,
	hour: 3600,
	hours: 3600,
};

const NUMBER_WORDS: Readonly<Record<string, number>> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	fifteen: 15,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	ninety: 90,
	hundred: 100,
};

/** Seconds, as a Quantity (text kept as typed). A bare number is seconds; `five minutes` is 300. */
export function parseDuration(input: string | number): QuantityResult {
	const text = String(input).trim();
	const compact = text
		.toLowerCase()
		.replace(/\band\b/g, ' ')
		.replace(/,/g, ' ')
		.replace(/\b[a-z]+\b/g, (word) => (word in NUMBER_WORDS ? String(NUMBER_WORDS[word]) : word));
	if (compact === '') return {ok: false, error: 'the duration is empty'};
	if (compact.startsWith('-')) return {ok: false, error: `"${text}" is negative; a duration cannot be below zero`};
	const parts = [...compact.matchAll(/(\d+(?:\.\d+)?)\s*([a-z]*)/g)];
	const rest = compact.replace(/(\d+(?:\.\d+)?)\s*([a-z]*)/g, '').trim();
	if (parts.length === 0 || rest !== '') {
		const how = 'write a number of seconds (300), or with a unit (300s, 5m, 5 minutes)';
		return {ok: false, error: `"${text}" is not a duration: ${how}`};
	}
	let millis = 0n;
	for (const [, number, unit] of parts) {
		const factor = unit === '' ? 1 : UNIT_SECONDS[unit];
		if (factor === undefined) {
			return {
				ok: false,
				error: `"${text}" has an unknown unit "${unit}": use s, m or h (or seconds, minutes, hours)`,
			};
		}
		millis += BigInt(Math.round(Number(number) * factor * 1000));
	}
	const parsed = parseQuantity(`${millis}m`);
	return parsed.ok ? {ok: true, value: {...parsed.value, text}} : parsed;
}
