/**
 * Reads fields out of a parsed YAML mapping, collecting one problem per bad field with its path,
 * so a validator can report every mistake in a file at once instead of stopping at the first.
 */
export interface FieldProblem {
	readonly path: string;
	readonly message: string;
}

export type Path = readonly (string | number)[];

export function formatPath(path: Path): string {
	let out = '';
	for (const part of path) out += typeof part === 'number' ? `[${part}]` : out ? `.${part}` : part;
	return out;
}

export function describeValue(value: unknown): string {
	if (value === null || value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'a mapping';
	return `${typeof value} ${JSON.stringify(value)}`;
}

export class FieldReader {
	readonly problems: Array<FieldProblem & {readonly at: Path}> = [];

	report(at: Path, message: string): void {
		this.problems.push({at, path: formatPath(at), message});
	}

	isMapping(value: unknown): value is Record<string, unknown> {
		return value !== null && typeof value === 'object' && !Array.isArray(value);
	}

	mapping(value: unknown, at: Path): Record<string, unknown> | undefined {
		if (this.isMapping(value)) return value;
		this.report(at, `expected a mapping (key: value lines), found ${describeValue(value)}`);
		return undefined;
	}

	/** Reports keys the format does not know, so a typo ("promt") is not silently ignored. */
	onlyKeys(obj: Record<string, unknown>, at: Path, allowed: readonly string[]): void {
		for (const key of Object.keys(obj)) {
			if (!allowed.includes(key)) {
				this.report([...at, key], `unknown field "${key}" (expected one of: ${allowed.join(', ')})`);
			}
		}
	}

	string(obj: Record<string, unknown>, key: string, at: Path): string | undefined {
		const value = obj[key];
		if (typeof value === 'string' && value.trim() !== '') return value;
		if (typeof value === 'number' || typeof value === 'boolean') return String(value);
		this.report(
			[...at, key],
			value === undefined ? 'missing (required)' : `expected text, found ${describeValue(value)}`,
		);
		return undefined;
	}

	optionalString(obj: Record<string, unknown>, key: string, at: Path): string | undefined {
		return obj[key] === undefined ? undefined : this.string(obj, key, at);
	}

	id(obj: Record<string, unknown>, key: string, at: Path): string | undefined {
		const value = this.string(obj, key, at);
		if (value !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value)) {
			this.report([...at, key], `"${value}" is not a valid id: use lower-case letters, digits and dashes`);
			return undefined;
		}
		return value;
	}

	oneOf<T extends string>(
		obj: Record<string, unknown>,
		key: string,
		at: Path,
		allowed: readonly T[],
		fallback?: T,
	): T | undefined {
		const value = obj[key];
		if (value === undefined && fallback !== undefined) return fallback;
		if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
		this.report(
			[...at, key],
			value === undefined
				? `missing (one of: ${allowed.join(', ')})`
				: `unknown value ${JSON.stringify(value)} (expected one of: ${allowed.join(', ')})`,
		);
		return undefined;
	}

	list(obj: Record<string, unknown>, key: string, at: Path, minimum = 0): unknown[] | undefined {
		const value = obj[key];
		if (!Array.isArray(value)) {
			this.report(
				[...at, key],
				value === undefined ? 'missing (required list)' : `expected a list, found ${describeValue(value)}`,
			);
			return undefined;
		}
		if (value.length < minimum)
			this.report(
				[...at, key],
				`needs at least ${minimum} entr${minimum === 1 ? 'y' : 'ies'}, found ${value.length}`,
			);
		return value;
	}

	stringList(obj: Record<string, unknown>, key: string, at: Path, minimum = 0): string[] | undefined {
		const list = this.list(obj, key, at, minimum);
		if (!list) return undefined;
		const out: string[] = [];
		list.forEach((item, i) => {
			if (typeof item === 'string' || typeof item === 'number') out.push(String(item));
			else this.report([...at, key, i], `expected text, found ${describeValue(item)}`);
		});
		return out.length === list.length ? out : undefined;
	}

	optionalStringList(obj: Record<string, unknown>, key: string, at: Path): string[] | undefined {
		return obj[key] === undefined ? undefined : this.stringList(obj, key, at);
	}

	integer(obj: Record<string, unknown>, key: string, at: Path): number | undefined {
		const value = obj[key];
		if (typeof value === 'number' && Number.isInteger(value)) return value;
		this.report(
			[...at, key],
			value === undefined ? 'missing (a whole number)' : `expected a whole number, found ${describeValue(value)}`,
		);
		return undefined;
	}
}
