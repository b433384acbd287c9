/**
 * The built CLI (bin/pod-tutor.js over dist/, built once by tests/global-setup.ts) run with pipes,
 * as a learner's shell or an instructor's script would run it.
 */
import {spawn} from 'node:child_process';
import {join} from 'node:path';

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const builtBin = join(repoRoot, 'bin/pod-tutor.js');

export interface Run {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** A learner's environment minus CI and colour overrides, plus `env`. */
export function learnerEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	const base: NodeJS.ProcessEnv = {...process.env, LANG: 'C.UTF-8'};
	for (const key of ['CI', 'LC_ALL', 'LC_CTYPE', 'NO_COLOR', 'FORCE_COLOR', 'POD_TUTOR_DEBUG', 'KUBECONFIG'])
		delete base[key];
	return {...base, ...env};
}

export function runBuilt(args: readonly string[], env: NodeJS.ProcessEnv, input = '', cwd = repoRoot): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [builtBin, ...args], {
			cwd,
			env: learnerEnv(env),
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
		child.on('error', reject);
		child.on('close', (code) => resolve({code, stdout, stderr}));
		child.stdin.end(input);
	});
}
