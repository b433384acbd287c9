// Preloaded with `node --import` into the tutor by first-frame.mjs: notes when node is ready to
// run user code, when the program first writes to the terminal (both from the process's time
// origin) and when Ink took over (the tutor's performance mark "pod-tutor:ink", with how many keys
// were answered before it), and writes them as JSON to $POD_TUTOR_BENCH_STAMPS when the process exits.
import {writeFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

const stamps = {nodeReady: performance.now(), firstWrite: undefined, frameWrite: undefined};
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
	const now = performance.now();
	stamps.firstWrite ??= now;
	// The first frame goes out right after the write that enters the alternate screen.
	if (stamps.frameWrite === undefined && stamps.enteredScreen) stamps.frameWrite = now;
	if (String(chunk).includes('\u001B[?1049h')) stamps.enteredScreen = now;
	return write(chunk, ...rest);
};
process.on('exit', () => {
	const ink = performance.getEntriesByName('pod-tutor:ink')[0];
	if (ink) Object.assign(stamps, {inkReady: ink.startTime, ...ink.detail});
	if (process.env.POD_TUTOR_BENCH_STAMPS) writeFileSync(process.env.POD_TUTOR_BENCH_STAMPS, JSON.stringify(stamps));
});
