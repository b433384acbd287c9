/**
 * The layers of docs/ARCHITECTURE.md, enforced: the plain TypeScript below the Ink layer never
 * imports React, Ink or anything under src/ui/, so every rule of the tutor can be tested without
 * a terminal. Only the start-up path (src/cli.ts, src/tutor-start.ts) may reach into src/ui/.
 */
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {repoRoot} from '../tutor/course-fixture.js';

const src = join(repoRoot, 'src');
/** May import the Ink layer: it is that layer, or starts it. */
const INK_SIDE = ['ui/', 'cli.ts', 'tutor-start.ts'];
const UI_PACKAGES = /^(react|react\/.*|ink|ink-.*)$/;
const DOMAIN = ['content/', 'exercises/', 'k8s/', 'diagram/', 'progress/', 'live/'];
const ABOVE_DOMAIN = ['ui/', 'tutor/', 'render/', 'commands/', 'cli.ts', 'tutor-start.ts'];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.tsx?$/.test(name) ? [path] : [];
	});
}

/** Every module a file imports: static imports, re-exports and dynamic import() calls. */
function importsOf(text: string): string[] {
	const found = [
		...text.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm),
		...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
	];
	return found.map((m) => m[1]);
}

describe('layers', () => {
	const files = sourceFiles(src).map((path) => ({path, name: relative(src, path)}));

	it('finds the source files and their imports (the check below has something to check)', () => {
		expect(files.length).toBeGreaterThan(50);
		const app = files.find((f) => f.name === 'ui/tutor-app.tsx')!;
		expect(importsOf(readFileSync(app.path, 'utf8'))).toContain('ink');
	});

	it('keeps React, Ink and src/ui/ out of every module below the Ink layer', () => {
		const problems: string[] = [];
		for (const {path, name} of files) {
			if (INK_SIDE.some((side) => name === side || name.startsWith(side))) continue;
			for (const spec of importsOf(readFileSync(path, 'utf8'))) {
				if (UI_PACKAGES.test(spec)) problems.push(`${name} imports ${spec}`);
				if (spec.startsWith('.') && relative(src, resolve(dirname(path), spec)).startsWith('ui/'))
					problems.push(`${name} imports ${spec}`);
			}
		}
		expect(problems).toEqual([]);
	});

	it('keeps the domain folders free of the layers above them (tutor, render, commands, ui)', () => {
		const problems: string[] = [];
		for (const {path, name} of files.filter((f) => DOMAIN.some((d) => f.name.startsWith(d)))) {
			for (const spec of importsOf(readFileSync(path, 'utf8')).filter((s) => s.startsWith('.'))) {
				const target = relative(src, resolve(dirname(path), spec));
				if (ABOVE_DOMAIN.some((above) => target === above.replace(/\.ts$/, '.js') || target.startsWith(above)))
					problems.push(`${name} imports ${spec}`);
			}
		}
		expect(problems).toEqual([]);
	});
});
