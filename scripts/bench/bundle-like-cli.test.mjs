import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {BUILD_SETTINGS, projectRoot} from './bundle-like-cli.mjs';

// The yardstick is only fair while it is bundled as the CLI is: catch scripts/build.mjs moving on.
describe('BUILD_SETTINGS', () => {
	const build = readFileSync(join(projectRoot, 'scripts/build.mjs'), 'utf8');
	const optionNames = [...build.matchAll(/^\t(\w+):/gm)].map((m) => m[1]).filter((name) => !['entryPoints', 'outdir'].includes(name));

	it('has every option scripts/build.mjs passes to esbuild', () => {
		expect(optionNames.length).toBeGreaterThan(5);
		expect(Object.keys(BUILD_SETTINGS).sort()).toEqual(optionNames.sort());
	});

	it('gives each simple option the value scripts/build.mjs gives it', () => {
		for (const [name, value] of Object.entries(BUILD_SETTINGS)) {
			if (typeof value === 'object') continue;
			const literal = typeof value === 'string' ? `'${value}'` : String(value);
			expect(build, name).toContain(`${name}: ${literal}`);
		}
		expect(build).toContain(BUILD_SETTINGS.banner.js);
		expect(build).toContain(`define: {'process.env.NODE_ENV': '"production"'}`);
		expect(build).toContain("alias: {'react-devtools-core': `${root}scripts/no-devtools.js`}");
	});
});
