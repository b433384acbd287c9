// The diagram figure comes from scripts/bench-diagram.mjs (the diagram engineer's benchmark),
// run as it is; its summary line is read back for the table.
import {execFileSync} from 'node:child_process';
import {join} from 'node:path';
import {projectRoot} from './bundle-like-cli.mjs';

export const DIAGRAM_COMMAND = 'node scripts/bench-diagram.mjs';

export function measureDiagram() {
	const text = execFileSync(process.execPath, [join(projectRoot, 'scripts/bench-diagram.mjs')], {
		encoding: 'utf8',
		cwd: projectRoot,
	});
	const figure = (name) => {
		const found = new RegExp(`${name} ([0-9.]+) ms`).exec(text);
		return found ? Number(found[1]) : undefined;
	};
	const median = figure('median');
	const p95 = figure('p95');
	const max = figure('max');
	if (median === undefined || p95 === undefined)
		throw new Error(`${DIAGRAM_COMMAND} printed no "median ... ms, p95 ... ms" line; it printed:\n${text}`);
	return {median, p95, max, output: text.trim()};
}
