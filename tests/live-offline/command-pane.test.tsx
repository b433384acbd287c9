import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {CommandSpec} from '../../src/content/types.js';
import type {LiveContext} from '../../src/live/live-context.js';
import {PodmanBackend} from '../../src/live/podman-backend.js';
import {CommandPane} from '../../src/ui/live/command-pane.js';
import {frameWhere, KEYS} from '../helpers/ink-app.js';
import {waitFor} from '../helpers/wait-for.js';

const {enter, escape, up: arrowUp} = KEYS;

/** A backend whose "podman" is node itself: the pane runs real child processes, and the test decides what they do. */
function nodeAsPodman(): LiveContext {
	const backend = new PodmanBackend({user: 'tester', binary: process.execPath});
	return {backends: {podman: backend}, reports: [], values: {pod: 'web-app', namespace: 'pod-tutor', container: 'app', image: 'busybox:1.36'}};
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
		expect(frame).toContain('$ kubectl get pods -n {namespace}');
		ui.stdin.write(enter);
		await waitFor(() => onDone.mock.calls.length, (n) => n === 1, 'onDone');
	});

	it('live: shows the exact command, runs nothing before Enter, then streams the output', async () => {
		const script = 'console.log("pod " + process.argv[1]); setTimeout(() => console.log("second line"), 200)';
		const command: CommandSpec = {tool: 'podman', args: ['-e', script, '{pod}'], recorded};
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
		const command: CommandSpec = {tool: 'podman', args: ['-e', 'console.log("started"); setInterval(Function.prototype, 1000)'], recorded};
		const ui = render(<CommandPane command={command} live={nodeAsPodman()} width={100} height={8} />);
		unmount = ui.unmount;
		await frameWhere(ui, (t) => t.includes('ready to run'), 'the idle pane');
		ui.stdin.write(enter);
		const running = await frameWhere(ui, (t) => t.includes('started') && /running \d+\.\d s/.test(t), 'the running pane');
		expect(running).toContain('Esc: stop it');
		ui.stdin.write(escape);
		const stopped = await frameWhere(ui, (t) => t.includes('done in'), 'the stopped pane');
		expect(stopped).toContain('stopped by you');
	});

	it('refuses a command whose arguments use an unknown placeholder', async () => {
		const command: CommandSpec = {tool: 'podman', args: ['inspect', '{podname}'], recorded};
		const ui = render(<CommandPane command={command} live={nodeAsPodman()} width={120} height={8} />);
		unmount = ui.unmount;
		const frame = await frameWhere(ui, (t) => t.includes('cannot run'), 'the refusal');
		expect(frame).toContain('uses {podname}, which is not a placeholder');
	});

	it('scrolls back through output longer than the pane', async () => {
		const command: CommandSpec = {tool: 'podman', args: ['-e', 'for (let i = 1; i <= 30; i++) console.log("row " + i)'], recorded};
		const ui = render(<CommandPane command={command} live={nodeAsPodman()} width={80} height={8} />);
		unmount = ui.unmount;
		await frameWhere(ui, (t) => t.includes('ready to run'), 'the idle pane');
		ui.stdin.write(enter);
		const done = await frameWhere(ui, (t) => t.includes('done in'), 'the finished run');
		expect(done).toContain('row 30');
		expect(done).not.toContain('row 20\n');
		for (let i = 0; i < 10; i++) ui.stdin.write(arrowUp);
		const scrolled = await frameWhere(ui, (t) => t.includes('row 20') && !t.includes('row 30'), 'the scrolled pane');
		expect(scrolled).toMatch(/\(up: \d+ more lines\)/);
	});
});
