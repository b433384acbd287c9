// Preloaded with `node --import` into the tutor by first-frame.mjs: notes when node is ready to
// run user code and when the program first writes to the terminal (both from the process's time
// origin), and writes them as JSON to $POD_TUTOR_BENCH_STAMPS when the process exits.
import {writeFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

const stamps = {nodeReady: performance.now(), firstWrite: undefined, frameWrite: undefined};
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
	const now = performance.now();
	stamps.firstWrite ??= now;
	// The first frame goes out in one write that enters the alternate screen.
	if (stamps.frameWrite === undefined && String(chunk).includes('\u001B[?1049h')) stamps.frameWrite = now;
	return write(chunk, ...rest);
};
process.on('exit', () => {
	if (process.env.POD_TUTOR_BENCH_STAMPS) writeFileSync(process.env.POD_TUTOR_BENCH_STAMPS, JSON.stringify(stamps));
});
