/** A fresh progress folder per test, in the system temp folder, removed afterwards. */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach} from 'vitest';

export interface TempConfig {
	readonly dir: string;
	readonly file: string;
	readonly env: NodeJS.ProcessEnv;
}

export function useTempConfig(): () => TempConfig {
	const made: string[] = [];
	afterEach(() => {
		for (const dir of made.splice(0)) rmSync(dir, {recursive: true, force: true});
	});
	return () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'pod-tutor-progress-'));
		made.push(dir);
		return {dir, file: path.join(dir, 'progress.json'), env: {POD_TUTOR_CONFIG_DIR: dir}};
	};
}
