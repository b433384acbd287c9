/**
 * Every scenario podman can make, made with real podman as the tutor makes it: it reaches the
 * state its steps are about, and each step's podman command, run for real, shows what the lesson
 * teaches (read with the step's own `expect` / `decide`, as the tutor reads it). Scenarios podman
 * cannot make fall back to the recorded output, with the reason. Cleanup leaves nothing behind.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {CommandSpec, CommandStep, Exercise} from '../../src/content/types.js';
import {expandPlaceholders, runCommand} from '../../src/live/command-runner.js';
import {comparisonArgv} from '../../src/live/comparison.js';
import {findDeciding} from '../../src/live/output-reading.js';
import {PodmanBackend} from '../../src/live/podman-backend.js';
import {SCENARIOS} from '../../src/live/scenario-catalog.js';
import {prepareScenario} from '../../src/live/scenario-run.js';
import {planStep, scenarioValues} from '../../src/live/step-plan.js';
import {MANAGED_BY_KEY, USER_KEY} from '../../src/live/tutor-labels.js';
import {repoCourse} from '../tutor/course-fixture.js';

const image = process.env.POD_TUTOR_LIVE_IMAGE ?? 'localhost/busybox:tutor';
// A user label of its own: cleanup here removes only what this file made.
const user = `scenarios-${process.pid}`;
const backend = new PodmanBackend({user});
const live = {backends: {podman: backend}, reports: [], values: {namespace: 'pod-tutor', image}};

interface Observation {
	readonly where: string;
	readonly command: CommandSpec;
	/** The taught answer, for a predict exercise. */
	readonly answer?: string;
}

function observations(): Observation[] {
	const course = repoCourse();
	const found: Observation[] = [];
	for (const lesson of course.lessons) {
		lesson.steps.forEach((step, index) => {
			if (step.kind === 'command') found.push({where: `${lesson.id} step ${index + 1}`, command: step});
		});
	}
	for (const exercise of course.exercises.values() as IterableIterator<Exercise>) {
		if (exercise.kind === 'predict')
			found.push({where: exercise.id, command: exercise.observe, answer: exercise.answer});
	}
	return found;
}

const all = observations();
const runnable = all.filter((o) => planStep(o.command, live).kind === 'run');
const fallback = all.filter((o) => planStep(o.command, live).kind === 'recorded');
const scenarioNames = [...new Set(runnable.map((o) => o.command.scenario!))].filter((n) => !SCENARIOS[n].follows);

async function podsOfThisUser(): Promise<string[]> {
	const listed = await runCommand({
		file: 'podman',
		args: ['pod', 'ps', '--filter', `label=${USER_KEY}=${user}`, '--format', '{{.Name}}'],
		timeoutMs: 60_000,
	});
	return listed.stdout.split('\n').filter(Boolean);
}

beforeAll(async () => {
	await backend.cleanup();
});

afterAll(async () => {
	await backend.cleanup();
});

describe('scenarios with real podman', () => {
	it('covers the scenarios podman can make, and only those', () => {
		expect(scenarioNames.sort()).toEqual([
			'crash-once',
			'host-network',
			'kill-restart',
			'port-clash',
			'security-context',
			'shared-pid',
			'web-app',
		]);
		for (const name of scenarioNames) expect(SCENARIOS[name].cannot.podman).toBeUndefined();
	});

	it.each(scenarioNames)(
		'%s: created labelled, reaches its state, and every step on it shows what the lesson teaches',
		async (name) => {
			const scenario = SCENARIOS[name];
			const progress: string[] = [];
			const prepared = await prepareScenario(backend, scenario, {
				target: {user, image},
				progress: (t) => progress.push(t),
				pollMs: 500,
			});
			if (!prepared.ok) throw new Error(`${name}: ${prepared.error}`);
			expect(progress[0]).toMatch(new RegExp(`^Creating Pod ${scenario.object} with podman`));
			const pod = prepared.value[0];
			expect(pod.labels[MANAGED_BY_KEY]).toBe('pod-tutor');
			expect(pod.labels[USER_KEY]).toBe(user);
			for (const observation of runnable.filter((o) => o.command.scenario === name)) {
				const plan = planStep(observation.command, live);
				if (plan.kind !== 'run') throw new Error('planned to run');
				const args = expandPlaceholders(plan.args, scenarioValues(observation.command, live.values));
				if (!args.ok) throw new Error(args.error);
				const argv = plan.backend.argvFor(args.args);
				// A comparing reading measures first, in the same run, as the tutor does.
				const measurement = comparisonArgv(plan, observation.command, live.values);
				if (measurement && !measurement.ok) throw new Error(measurement.compared.problem);
				const measured =
					measurement &&
					(await runCommand({file: measurement.file, args: measurement.args, timeoutMs: 60_000}));
				if (measured) expect(measured.exitCode, `${observation.where}: ${measured.stderr}`).toBe(0);
				const result = await runCommand({file: argv.file, args: argv.args, timeoutMs: 60_000});
				const deciding = findDeciding(result.stdout, plan.reading, measured?.stdout);
				const seen = `${observation.where}: podman ${args.args.join(' ')} printed:\n${result.stdout}${result.stderr}${measured ? `\nafter ${measurement.ok && measurement.label}: ${measured.stdout}` : ''}`;
				expect(deciding, seen).toBeDefined();
				if (observation.answer !== undefined) expect(deciding?.answer, seen).toBe(observation.answer);
			}
		},
	);

	it('kill-restart, as lesson 9 runs it: kill 1 in app, then RESTARTS 1 in the same Pod, same infra, same IP', async () => {
		const lesson = repoCourse().lessons.find((l) => l.id === 'lifecycle')!;
		const steps = lesson.steps.filter(
			(s): s is CommandStep => s.kind === 'command' && s.scenario?.startsWith('kill-restart') === true,
		);
		expect(steps.map((s) => s.scenario)).toEqual(['kill-restart', 'kill-restarted']);
		// A fresh Pod: the generic check above has already run the kill step once.
		await runCommand({
			file: 'podman',
			args: ['pod', 'rm', '--force', '--ignore', '--time', '0', SCENARIOS['kill-restart'].pod],
			timeoutMs: 60_000,
		});
		const run = async (step: CommandStep) => {
			const scenario = SCENARIOS[step.scenario!];
			const prepared = await prepareScenario(backend, scenario, {target: {user, image}, pollMs: 500});
			if (!prepared.ok) throw new Error(`${scenario.name}: ${prepared.error}`);
			const plan = planStep(step, live);
			if (plan.kind !== 'run') throw new Error(plan.reason);
			const args = expandPlaceholders(plan.args, scenarioValues(step, live.values));
			if (!args.ok) throw new Error(args.error);
			const argv = plan.backend.argvFor(args.args);
			const result = await runCommand({file: argv.file, args: argv.args, timeoutMs: 60_000});
			const seen = `podman ${args.args.join(' ')} printed:\n${result.stdout}${result.stderr}`;
			expect(findDeciding(result.stdout, plan.reading), seen).toBeDefined();
			return {pod: prepared.value[0], result};
		};
		// The kill step: the Pod is made and running; its command ends app's PID 1.
		const killed = await run(steps[0]);
		expect(killed.result.stdout).toBe('stopping PID 1 of app\n');
		const before = killed.pod;
		expect(before.ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
		expect(before.containers.find((c) => c.name === 'app')?.restartCount ?? 0).toBe(0);
		// The next step waits for the restart, then shows it.
		const shown = await run(steps[1]);
		const after = shown.pod;
		const [, restarts, infra] =
			/^\S+ running restarts=(\d+) network: container:([0-9a-f]+)$/.exec(shown.result.stdout.trim()) ?? [];
		expect(Number(restarts), shown.result.stdout).toBe(1);
		expect(infra).toBe(before.sandbox?.id);
		expect(after.containers.find((c) => c.name === 'app')?.restartCount).toBe(1);
		expect(after.sandbox?.id).toBe(before.sandbox?.id);
		expect(after.ip).toBe(before.ip);
	});

	it('a second run finds the scenario it made instead of failing on the taken name', async () => {
		const progress: string[] = [];
		const again = await prepareScenario(backend, SCENARIOS['web-app'], {
			target: {user, image},
			progress: (t) => progress.push(t),
		});
		expect(again.ok).toBe(true);
		expect(progress.some((t) => t.startsWith('Creating'))).toBe(false);
	});

	it('scenarios podman cannot make fall back to the recorded output, with the reason', () => {
		const reasons = new Set(fallback.map((o) => (planStep(o.command, live) as {reason: string}).reason));
		expect(fallback.map((o) => o.command.scenario)).toEqual(
			expect.arrayContaining(['init-waiting', 'qos-burstable', 'crash-loop', 'web-api-deployment']),
		);
		expect([...reasons]).toEqual(
			expect.arrayContaining([
				SCENARIOS['qos-burstable'].cannot.podman,
				SCENARIOS['web-api-deployment'].cannot.podman,
			]),
		);
	});

	it('cleanup removes every scenario it made, volumes included', async () => {
		expect((await podsOfThisUser()).length).toBeGreaterThan(0);
		const removed = await backend.cleanup();
		expect(removed.ok, removed.ok ? '' : removed.error).toBe(true);
		expect(await podsOfThisUser()).toEqual([]);
		const volumes = await runCommand({
			file: 'podman',
			args: ['volume', 'ls', '--format', '{{.Name}}'],
			timeoutMs: 60_000,
		});
		const ours = Object.values(SCENARIOS).map((s) => `${s.object}-shared-data`);
		expect(volumes.stdout.split('\n').filter((v) => ours.includes(v))).toEqual([]);
	});
});
