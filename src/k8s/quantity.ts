/**
 * Kubernetes resource quantities, parsed exactly (no floating point), following the grammar of
 * k8s.io/apimachinery/pkg/api/resource: <sign><digits>[.<digits>]<suffix>, where the suffix is a
 * binary SI unit (Ki Mi Gi Ti Pi Ei), a decimal SI unit (m "" k M G T P E) or a decimal
 * exponent (e3, E-2). https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/
 */

/** An exact rational value: numerator / denominator, denominator > 0. */
export interface Quantity {
	readonly num: bigint;
	readonly den: bigint;
	/** The text it was parsed from, trimmed. */
	readonly text: string;
}

export type QuantityResult =
	{readonly ok: true; readonly value: Quantity} | {readonly ok: false; readonly error: string};

const BINARY: Record<string, number> = {Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6};
const DECIMAL: Record<string, number> = {m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18};

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(.*)$/;

function gcd(a: bigint, b: bigint): bigint {
	a = a < 0n ? -a : a;
	while (b !== 0n) [a, b] = [b, a % b];
	return a;
}

function make(num: bigint, den: bigint, text: string): Quantity {
	const g = gcd(num, den) || 1n;
	return {num: num / g, den: den / g, text};
}

/** Parses a quantity such as `250m`, `0.5`, `128Mi`, `1e3`. The error says what is wrong. */
export function parseQuantity(input: string | number): QuantityResult {
	const text = String(input).trim();
	if (text === '') return {ok: false, error: 'the quantity is empty'};
	if (/\s/.test(text)) {
		return {
			ok: false,
			error: `"${text}" has a space in it: write the number and its unit together, like 250m or 128Mi`,
		};
	}
	const m = NUMBER.exec(text);
	if (!m) return {ok: false, error: `"${text}" is not a quantity`};
	const [, sign, whole = '', frac = '', suffix = ''] = m;
	if (whole === '' && frac === '') {
		return {ok: false, error: `"${text}" has no number: a quantity starts with digits, like 500m or 1Gi`};
	}
	let num = BigInt(`${whole}${frac}` || '0');
	let den = 10n ** BigInt(frac.length);
	if (sign === '-') num = -num;

	if (suffix in BINARY) {
		num *= 1024n ** BigInt(BINARY[suffix]);
	} else if (suffix in DECIMAL) {
		const exp = DECIMAL[suffix];
		if (exp >= 0) num *= 10n ** BigInt(exp);
		else den *= 10n ** BigInt(-exp);
	} else if (/^[eE][+-]?\d+$/.test(suffix)) {
		const exp = Number(suffix.slice(1));
		if (Math.abs(exp) > 100)
			return {ok: false, error: `"${text}" has an exponent too large for a resource quantity`};
		if (exp >= 0) num *= 10n ** BigInt(exp);
		else den *= 10n ** BigInt(-exp);
	} else {
		const lower = suffix.toLowerCase();
		const near =
			Object.keys(BINARY).find((k) => k.toLowerCase() === lower || k.toLowerCase() === `${lower}i`) ??
			(lower === 'kb' || lower === 'mb' || lower === 'gb'
				? `${suffix[0].toUpperCase()}i or ${suffix[0].toUpperCase()}`
				: undefined);
		const hint = near ? ` (did you mean ${near}?)` : '';
		return {
			ok: false,
			error: `"${text}" has an unknown unit "${suffix}"${hint}: use m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent like e3`,
		};
	}
	return {ok: true, value: make(num, den, text)};
}

export function quantityEquals(a: Quantity, b: Quantity): boolean {
	return a.num * b.den === b.num * a.den;
}

export function compareQuantities(a: Quantity, b: Quantity): number {
	const l = a.num * b.den;
	const r = b.num * a.den;
	return l < r ? -1 : l > r ? 1 : 0;
}

export function addQuantities(a: Quantity, b: Quantity): Quantity {
	return make(a.num * b.den + b.num * a.den, a.den * b.den, '');
}

export const ZERO: Quantity = {num: 0n, den: 1n, text: '0'};

/** An approximate number, for display and arithmetic where exactness does not matter. */
export function quantityToNumber(q: Quantity): number {
	return Number(q.num) / Number(q.den);
}

/**
 * Canonical text for a value: CPU in whole cores or millicores (`2`, `250m`), memory in the
 * largest binary unit that divides it exactly (`320Mi`), else plain bytes.
 */
export function formatQuantity(q: Quantity, resource: 'cpu' | 'memory' | 'plain'): string {
	if (resource === 'cpu') {
		const milli = q.num * 1000n;
		if (milli % q.den === 0n) {
			const m = milli / q.den;
			return m % 1000n === 0n ? String(m / 1000n) : `${m}m`;
		}
		return String(quantityToNumber(q));
	}
	if (q.num % q.den !== 0n) return String(quantityToNumber(q));
	const whole = q.num / q.den;
	if (resource === 'memory' && whole !== 0n) {
		const units = ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'];
		for (const [i, unit] of units.entries()) {
			const size = 1024n ** BigInt(6 - i);
			if (whole % size === 0n) return `${whole / size}${unit}`;
		}
	}
	return String(whole);
}
