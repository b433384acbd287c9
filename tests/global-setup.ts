import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/**
 * Builds dist/ once before any test file runs. Test files run in parallel and several start the
 * built CLI, so none of them may rebuild (the build empties dist/ first).
 */
export default function buildOnce(): void {
	const root = fileURLToPath(new URL('..', import.meta.url));
	execFileSync(process.execPath, ['scripts/build.mjs'], {cwd: root, stdio: 'inherit'});
}
