import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The folder holding package.json: lessons/ and exercises/ ship beside the bundle. */
export function packageRoot(from: string = fileURLToPath(import.meta.url)): string {
	let dir = dirname(from);
	for (;;) {
		if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'lessons'))) return dir;
		const parent = dirname(dir);
		if (parent === dir) throw new Error(`cannot find the pod-tutor package folder above ${from}`);
		dir = parent;
	}
}

export function bundledLessonDir(): string {
	return join(packageRoot(), 'lessons');
}
