/** Small readers for JSON that came from another program: never trust its shape. */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

export function asArray(value: unknown): readonly unknown[] {
	return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

export function asNumber(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function stringRecord(value: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, item] of Object.entries(asObject(value) ?? {})) if (typeof item === 'string') out[key] = item;
	return out;
}

export type ParseResult = {readonly ok: true; readonly value: unknown} | {readonly ok: false; readonly error: string};

export function parseJson(text: string, what: string): ParseResult {
	try {
		return {ok: true, value: JSON.parse(text)};
	} catch (error) {
		return {ok: false, error: `${what} did not print JSON (${(error as Error).message})`};
	}
}
