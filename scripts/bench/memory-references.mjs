// Yardsticks for the tutor's resident memory: an idle hello-world Ink app waiting for keys, bundled
// like the CLI, and bare node waiting on stdin, both in the same pseudo-terminal and environment.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {bundleLikeCli, projectRoot} from './bundle-like-cli.mjs';
import {mark, runInPty, terminalEnv} from './pty-run.mjs';

async function idleMemory(argv, marker, quitKey) {
	const report = await runInPty({
		argv,
		env: terminalEnv(),
		timeout: 15,
		steps: [{wait_text: marker}, {wait_quiet: 300}, {proc: true, label: 'idle'}, {send: quitKey}],
	});
	return mark(report, 'idle').proc;
}

export async function measureMemoryReferences() {
	const work = mkdtempSync(join(tmpdir(), 'pod-tutor-bench-mem-'));
	try {
		const hello = await bundleLikeCli(join(projectRoot, 'scripts/bench/hello-ink-idle.tsx'), work, 'hello-idle');
		return {
			helloIdle: await idleMemory([process.execPath, hello], 'Hello world', 'q'),
			// Ctrl+D ends stdin, so node exits on its own.
			nodeIdle: await idleMemory(
				[process.execPath, '-e', "process.stdout.write('ready');process.stdin.resume()"],
				'ready',
				'\u0004',
			),
		};
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}
