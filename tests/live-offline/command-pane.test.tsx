import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {CommandSpec} from '../../src/content/types.js';
import type {LiveContext} from '../../src/live/live-context.js';
import type {LivePod} from '../../src/live/backend.js';
import {PodmanBackend} from '../../src/live/podman-backend.js';
import {currentUserLabel, tutorLabels} from '../../src/live/tutor-labels.js';
import {ok} from '../../src/result.js';
import {CommandPane} from '../../src/ui/live/command-pane.js';
import {frameWhere, KEYS} from '../helpers/ink-app.js';
import {waitFor} from '../helpers/wait-for.js';

const {enter, escape, up: arrowUp} = KEYS;

/**
 * A backend whose "podman" is node itself: the pane runs real child processes, and the test
 * decides what they do. Its scenario Pod is already there, labelled for this user and running,
 * so the pane goes straight to the command (tests/live makes real ones with podman).
 */
function nodeAsPodman(): LiveContext {
	const backend = new PodmanBackend({user: currentUserLabel(), binary: process.execPath});
	const pod: LivePod = {
		name: 'web-app',
		labels: tutorLabels(currentUserLabel()),
		containers: [{name: 'app', image: 'busybox', state: 'running', mounts: []}],
		manifest: {},
	};
	backend.getPod = async () => ok(pod);
	return {
		backends: {podman: backend},
		reports: [],
		values: {pod: 'web-app', namespace: 'pod-tutor', container: 'app', image: 'busybox:1.36'},
	};
}

/** A command step as the pane gets it: run against the web-app scenario. */
function step(tool: CommandSpec['tool'], args: string[], extra: Partial<CommandSpec> = {}): CommandSpec {
	return {tool, args, recorded, scenario: 'web-app', expect: 'web-app', ...extra};
}

const recorded = {output: '\u001B]0;hijacked\u0007NAME      READY   STATUS\nweb-app   2/2     Running\n', exitCode: 0};
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('CommandPane', () => {
	it('offline: shows the recorded output, labelled as recorded, cleaned of escape sequences', async () => {
		const onDone = vi.fn();
		const command: CommandSpec = {tool: 'kubectl', args: ['get', 'pods', '-n', '{namespace}'], recorded};
		const ui = render(<CommandPane command={command} live={undefined} width={70} height={10} onDone={onDone} />);
		unmount = ui.unmount;
		const frame = await frameWhere(ui, (t) => t.includes('recorded output'), 'the recorded label');
		expect(frame).toContain('recorded output, exit code 0');
		expect(frame).toContain('web-app   2/2     Running');
		expect(frame).not.toContain('hijacked');
		expect(frame).toContain('$ kubectl get pods -n pod-tutor');
		ui.stdin.write(enter);
		await waitFor(
			() => onDone.mock.calls.length,
			(n) => n === 1,
			'onDone',
		);
	});

	it('live: shows the exact command, runs nothing before Enter, then streams the output', async () => {
		const script = 'console.log("pod " + process.argv[1]); setTimeout(() => console.log("second line"), 200)';
		const command = step('podman', ['-e', script, '{pod}']);
		const ui = render(<CommandPane command={command} live={nodeAsPodman()} width={120} height={10} />);
		unmount = ui.unmount;
		const idle = await frameWhere(ui, (t) => t.includes('ready to run'), 'the idle pane');
		expect(idle).toContain(`$ ${process.execPath} -e`);
		expect(idle).toContain('web-app');
		expect(idle).not.toContain('pod web-app\n');
		ui.stdin.write(enter);
		const done = await frameWhere(ui, (t) => t.includes('done in'), 'the finished run');
		expect(done).toContain('pod web-app');
		expect(done).toContain('second line');
		expect(done).toMatch(/done in \d+\.\d s, exit code 0/);
	});

	it('live: shows a spinner and elapsed time while running, and Esc stops the command', async () => {
		const command = step('podman', ['-e', 'console.log("started"); setInterval(Function.prototype, 1000)']);
		const ui = render(<CommandPane command={command} live={nodeAsPodman()} width={100} height={8} />);
		unmount = ui.unmount;
		await frameWhere(ui, (t) => t.includes('ready to run'), 'the idle pane');
		ui.stdin.write(enter);
		const running = await frameWhere(
			ui,
			(t) => t.includes('started') && /running \d+\.\d s/.test(t),
			'the running pane',
		);
		expect(running).toContain('Esc: stop it');
		ui.stdin.write(escape);
		const stopped = await frameWhere(ui, (t) => t.includes('done in'), 'the stopped pane');
		expect(stopped).toContain('stopped by you');
	});

	it('refuses a command whose arguments use an unknown placeholder', async () => {
		const command = step('podman', ['inspect', '{podname}']);
		const ui = render(<CommandPane command={command} live={nodeAsPodman()} width={120} height={8} />);
		unmount = ui.unmount;
		const frame = await frameWhere(ui, (t) => t.includes('cannot run'), 'the refusal');
		expect(frame).toContain('uses {podname}, which is not a placeholder');
	});

	it('scrolls back through output longer than the pane', async () => {
		const command = step('podman', ['-e', 'for (let i = 1; i <= 30; i++) console.log("row " + i)'], {
			expect: '^row 30$',
		});
		const ui = render(<CommandPane command={command} live={nodeAsPodman()} width={80} height={8} />);
		unmount = ui.unmount;
		await frameWhere(ui, (t) => t.includes('ready to run'), 'the idle pane');
		ui.stdin.write(enter);
		const done = await frameWhere(ui, (t) => t.includes('done in'), 'the finished run');
		expect(done).toContain('row 30');
		expect(done).not.toContain('row 20\n');
		for (let i = 0; i < 10; i++) ui.stdin.write(arrowUp);
		const scrolled = await frameWhere(
			ui,
			(t) => t.includes('row 20') && !t.includes('row 30'),
			'the scrolled pane',
		);
		expect(scrolled).toMatch(/\(up: \d+ more lines\)/);
	});

	it('after a real run, says whether it agrees with the prediction and points at the deciding line', async () => {
		const command = step('podman', ['-e', 'console.log("NAME STATUS"); console.log("web-app Burstable")'], {
			expect: undefined,
			decide: {a: 'Guaranteed$', b: 'Burstable$'},
		});
		const ui = render(
			<CommandPane command={command} live={nodeAsPodman()} prediction="a" width={100} height={10} />,
		);
		unmount = ui.unmount;
		await frameWhere(ui, (t) => t.includes('ready to run'), 'the idle pane');
		ui.stdin.write(enter);
		const done = await frameWhere(ui, (t) => t.includes('done in'), 'the finished run');
		expect(done).toContain('This does not agree with your prediction (a): line 2 "web-app Burstable" shows b.');
	});

	it('wide output: wrapped by default, w shows the lines whole and < > scroll them sideways', async () => {
		const wide = 'A'.repeat(30) + 'B'.repeat(30) + 'C'.repeat(30);
		const command = step('podman', ['-e', `console.log(${JSON.stringify(wide)})`], {expect: 'A+B+C+'});
		const ui = render(<CommandPane command={command} live={nodeAsPodman()} width={62} height={10} />);
		unmount = ui.unmount;
		await frameWhere(ui, (t) => t.includes('ready to run'), 'the idle pane');
		ui.stdin.write(enter);
		const wrapped = await frameWhere(ui, (t) => t.includes('done in'), 'the finished run');
		expect(wrapped).toContain('w: show wide lines whole');
		expect(wrapped).toContain('C'.repeat(30));
		ui.stdin.write('w');
		const whole = await frameWhere(ui, (t) => t.includes('< >: sideways'), 'the unwrapped pane');
		expect(whole).not.toContain('C'.repeat(30));
		ui.stdin.write('>');
		const moved = await frameWhere(ui, (t) => t.includes('C'.repeat(20)), 'the pane scrolled sideways');
		expect(moved).not.toContain('A'.repeat(30));
	});

	it('a backend that cannot make the scenario: one line says why, then the recorded output', async () => {
		const command = step('kubectl', ['get', 'pod', '{pod}', '-o', 'jsonpath={.status.qosClass}'], {
			scenario: 'qos-burstable',
			expect: 'Running',
			podman: {args: ['inspect', '{pod}']},
		});
		const ui = render(<CommandPane command={command} live={nodeAsPodman()} width={100} height={10} />);
		unmount = ui.unmount;
		const frame = await frameWhere(ui, (t) => t.includes('recorded output'), 'the fallback');
		expect(frame).toContain('Not run here: podman has no QoS classes');
		expect(frame).toContain('recorded output, exit code 0');
		expect(frame).toContain('web-app   2/2     Running');
	});
});
