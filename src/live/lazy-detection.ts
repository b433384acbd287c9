/**
 * Detection that runs only when something awaits it: a learner who never asks for live mode
 * never starts kubectl, crictl or podman (rootless podman leaves a `catatonit -P` per user and
 * files under /tmp and ~/.local/share/containers). The lab config can turn it on or off.
 */
import type {LiveContext} from './live-context.js';

/** lazy: on the first live request (Enter on a command step, p/x/v/c, doctor); on: at start; off: never. */
export type LiveMode = 'lazy' | 'on' | 'off';

/** A promise-like that starts `detect` the first time it is awaited, and only once. */
export function lazyDetection(
	detect: () => Promise<LiveContext | undefined>,
	mode: LiveMode = 'lazy',
): PromiseLike<LiveContext | undefined> {
	let started: Promise<LiveContext | undefined> | undefined;
	const run = () => {
		// Detection failing means offline mode, which is what the tutor already shows.
		started ??= mode === 'off' ? Promise.resolve(undefined) : detect().catch(() => undefined);
		return started;
	};
	return {then: (resolve, reject) => run().then(resolve, reject)};
}
