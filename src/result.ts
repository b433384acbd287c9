/**
 * The one result type at module borders: a value, or an error a learner can read. Errors are
 * values here, never exceptions, so every caller sees that a step can fail and says why.
 */
export type Result<T, E = string> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: E};

export function ok<T>(value: T): Result<T, never> {
	return {ok: true, value};
}

export function fail<E = string>(error: E): Result<never, E> {
	return {ok: false, error};
}
