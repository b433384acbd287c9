/**
 * podman runs on the machine the course was written on, so what a lesson shows as podman's output
 * must be what podman printed there: every podman command of the course (command steps and the
 * commands predict exercises observe) has its recording in tests/fixtures/curriculum/podman,
 * made by running exactly those arguments ({image} = the local busybox image).
 */
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, test} from 'vitest';
import type {CommandSpec} from '../../src/content/types.js';
import {curriculum} from './curriculum-course.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'curriculum', 'podman');

interface Fixture {
	readonly name: string;
	readonly args: readonly string[];
	readonly output: string;
	readonly exitCode: number;
}

function fixtures(): Fixture[] {
	return readdirSync(FIXTURES)
		.filter((f) => f.endsWith('.args.json'))
		.map((f) => {
			const name = f.slice(0, -'.args.json'.length);
			const read = (ext: string): string => readFileSync(join(FIXTURES, `${name}${ext}`), 'utf8');
			return {
				name,
				args: JSON.parse(read('.args.json')) as string[],
				output: read('.out'),
				exitCode: Number(read('.rc').trim()),
			};
		});
}

function podmanCommands(): Array<{where: string; command: CommandSpec}> {
	const course = curriculum();
	const steps = course.lessons.flatMap((l) =>
		l.steps.flatMap((s, i) =>
			s.kind === 'command' && s.tool === 'podman' ? [{where: `${l.file}: steps[${i}]`, command: s}] : [],
		),
	);
	const observed = [...course.exercises.values()].flatMap((e) =>
		e.kind === 'predict' && e.observe.tool === 'podman' ? [{where: `${e.file}: observe`, command: e.observe}] : [],
	);
	return [...steps, ...observed];
}

/** Placeholders stay as written on both sides: the recordings were made with {pod} = web-app. */
const key = (args: readonly string[]): string => JSON.stringify(args);

describe('podman recordings', () => {
	test('the course shows podman commands', () => {
		expect(podmanCommands().length).toBeGreaterThanOrEqual(5);
	});

	test('each one is byte for byte a recording made with exactly its arguments', () => {
		const byArgs = new Map(fixtures().map((f) => [key(f.args), f]));
		const problems = podmanCommands().flatMap(({where, command}) => {
			const fixture = byArgs.get(key(command.args));
			if (!fixture)
				return [
					`${where}: podman ${command.args.join(' ')} has no recording in tests/fixtures/curriculum/podman`,
				];
			const out: string[] = [];
			if (fixture.output !== command.recorded.output)
				out.push(`${where}: output differs from ${fixture.name}.out`);
			if (fixture.exitCode !== (command.recorded.exitCode ?? 0))
				out.push(`${where}: exit code differs from ${fixture.name}.rc`);
			return out;
		});
		expect(problems).toEqual([]);
	});

	test('a changed output would be caught', () => {
		const [first] = fixtures();
		expect(first).toBeDefined();
		expect(first.output).not.toBe(`${first.output}x`);
		expect(fixtures().every((f) => f.output.length > 0)).toBe(true);
	});
});

describe('recordings quoted in exercise text', () => {
	test('ns-docker-join shows the namespace numbers podman printed for web and joined', () => {
		const recorded = readFileSync(join(FIXTURES, 'web-joined-ns.txt'), 'utf8');
		const number = (name: string, kind: string): string | undefined =>
			new RegExp(`^${name} ${kind} ${kind}:\\[(\\d+)\\]$`, 'm').exec(recorded)?.[1];
		const exercise = curriculum().exercises.get('ns-docker-join');
		expect(exercise).toBeDefined();
		for (const kind of ['net', 'uts', 'ipc', 'pid']) {
			const web = number('web', kind);
			const joined = number('joined', kind);
			expect(web && joined, kind).toBeTruthy();
			expect(exercise!.prompt).toContain(`${kind}: web \`${web}\`, joined \`${joined}\``);
		}
	});
});

test('together-ns-evidence shows the numbers read on the containerd node (tests/fixtures/crictl/node-proc-ns.txt)', () => {
	const node = readFileSync(join(FIXTURES, '..', '..', 'crictl', 'node-proc-ns.txt'), 'utf8');
	const prompt = (curriculum().exercises.get('together-ns-evidence')?.prompt ?? '').replace(/\s+/g, ' ');
	for (const who of ['pause', 'app', 'log-shipper']) {
		const line = new RegExp(`^${who} pid=\\d+ (.*)$`, 'm').exec(node)?.[1] ?? '';
		const numbers = [...line.matchAll(/(net|uts|ipc|pid|mnt)=\1:\[(\d+)\]/g)].map((m) => `${m[1]} \`${m[2]}\``);
		expect(numbers, who).toHaveLength(5);
		expect(prompt).toContain(`${who}: ${numbers.join(', ')}`);
	}
});
