/**
 * Waiting for content instead of sleeping: polls a reading until it passes, and on timeout
 * fails with what it was waiting for and the last thing it read.
 */
export async function waitFor<T>(
	read: () => T | Promise<T>,
	test: (value: T) => boolean,
	what: string,
	timeoutMs = 10_000,
	everyMs = 10,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (test(value)) return value;
		if (Date.now() > deadline)
			throw new Error(
				`timed out waiting for ${what}; last seen:\n${typeof value === 'string' ? value : JSON.stringify(value)}`,
			);
		await new Promise((resolve) => setTimeout(resolve, everyMs));
	}
}
