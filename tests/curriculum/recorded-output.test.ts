import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import {shownCommands, type ShownCommand} from './curriculum-course.js';
import {CRICTL_TABLE, KUBECTL_TABLE, layOutTable, tableCells} from './tabwriter-table.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'curriculum', 'crictl');
const realHeader = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8').split('\n')[0];

const line = (r: ShownCommand): string => `${r.where}: ${r.command.tool} ${r.command.args.join(' ')}`;

describe('recorded commands', () => {
	test('the course shows commands for kubectl and crictl', () => {
		const tools = new Set(shownCommands().map((r) => r.command.tool));
		expect(tools.has('kubectl')).toBe(true);
		expect(tools.has('crictl')).toBe(true);
	});

	test('arguments are an argument list, never a shell line', () => {
		const shellish = shownCommands().filter(({command}) => {
			const [first = ''] = command.args;
			return (
				/\s/.test(first) ||
				first === command.tool ||
				command.args.some(
					(a) =>
						a === '|' ||
						a.startsWith('| ') ||
						a.includes(' | ') ||
						a === '&&' ||
						a.includes('$(') ||
						a.includes('`'),
				)
			);
		});
		expect(shellish.map(line)).toEqual([]);
	});

	test('a command recorded as successful printed something', () => {
		const silent = shownCommands().filter(
			({command}) => command.recorded.exitCode === 0 && command.recorded.output.trim() === '',
		);
		expect(silent.map(line)).toEqual([]);
	});

	test('kubectl tables are laid out the way kubectl lays them out', () => {
		const tables = shownCommands().filter(
			({command}) =>
				command.tool === 'kubectl' && command.args[0] === 'get' && command.recorded.output.startsWith('NAME '),
		);
		expect(tables.length).toBeGreaterThan(0);
		for (const r of tables) {
			const text = r.command.recorded.output.replace(/\n$/, '');
			expect(layOutTable(tableCells(text), KUBECTL_TABLE), line(r)).toBe(text);
		}
	});

	test('kubectl get pod tables have the columns kubectl prints', () => {
		const plain = ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'];
		const wide = [...plain, 'IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'];
		const pods = shownCommands().filter(
			({command}) =>
				command.tool === 'kubectl' &&
				command.args[0] === 'get' &&
				/^pods?$/.test(command.args[1] ?? '') &&
				!command.args.some((a) => /^(?:-o|--output)(?:=|$)/.test(a) && !/wide/.test(a)) &&
				!command.args.includes('yaml') &&
				!command.args.includes('json'),
		);
		for (const r of pods) {
			const header = tableCells(r.command.recorded.output)[0];
			expect(header, line(r)).toEqual(
				r.command.args.includes('wide') || r.command.args.includes('-owide') ? wide : plain,
			);
		}
	});

	test("crictl pods and ps tables have crictl's real header and alignment", () => {
		const headers: Record<string, string> = {pods: realHeader('pods.out'), ps: realHeader('ps.out')};
		const tables = shownCommands().filter(
			({command}) =>
				command.tool === 'crictl' &&
				command.args[0] in headers &&
				!command.args.some((a) => a === '-o' || a.startsWith('--output') || a === '-q' || a === '--quiet'),
		);
		expect(tables.length).toBeGreaterThan(0);
		for (const r of tables) {
			const text = r.command.recorded.output.replace(/\n$/, '');
			const header = text.split('\n')[0].trimEnd();
			expect(header, line(r)).toBe(headers[r.command.args[0]].trimEnd());
			expect(layOutTable(tableCells(text), CRICTL_TABLE), line(r)).toBe(text);
		}
	});
});

describe('the table layout itself', () => {
	test('reproduces real crictl output byte for byte', () => {
		for (const name of ['pods.out', 'ps.out', 'ps-a.out']) {
			const text = readFileSync(join(FIXTURES, name), 'utf8').replace(/\n$/, '');
			expect(layOutTable(tableCells(text), CRICTL_TABLE)).toBe(text);
		}
	});

	test('rejects a table whose column drifted by one space', () => {
		const drifted = ['NAME      READY   STATUS    RESTARTS   AGE', 'web-app   2/2    Running   0          5s'].join(
			'\n',
		);
		expect(layOutTable(tableCells(drifted), KUBECTL_TABLE)).not.toBe(drifted);
	});
});
