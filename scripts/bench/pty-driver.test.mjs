import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {mark, runInPty, terminalEnv} from './pty-run.mjs';

const fixture = fileURLToPath(new URL('./fixture-terminal-echo.mjs', import.meta.url));
const echoPlan = (steps, extra = {}) => ({
	argv: [process.execPath, fixture],
	env: terminalEnv(),
	timeout: 10,
	keep_output: true,
	steps,
	...extra,
});

describe('pty-driver.py', () => {
	it('gives the program a terminal of the size asked for', async () => {
		const report = await runInPty(echoPlan([{wait_text: 'tty=', label: 'up'}, {send: 'q'}], {cols: 93, rows: 31}));
		expect(report.output).toContain('size 93x31 tty=true');
	});

	it('sends keys, dates the answer and counts the bytes between marks', async () => {
		const report = await runInPty(
			echoPlan([
				{wait_text: 'tty=', label: 'up'},
				{wait_quiet: 100, label: 'settled'},
				{send: '\u001B[B', label: 'down:sent'},
				{wait_text: 'got:1b5b42;', since: 'down:sent', label: 'down:answered'},
				{wait_quiet: 100, label: 'down:quiet'},
				{send: 'q'},
			]),
		);
		expect(report.exit).toBe(3);
		const sent = mark(report, 'down:sent');
		const answered = mark(report, 'down:answered');
		expect(answered.t).toBeGreaterThanOrEqual(sent.t);
		expect(mark(report, 'down:quiet').offset - sent.offset).toBe('got:1b5b42;'.length);
		expect(report.total_bytes).toBe(Buffer.byteLength(report.output));
	});

	it('reads the memory and CPU time of the running program', async () => {
		const report = await runInPty(echoPlan([{wait_text: 'tty='}, {proc: true, label: 'p'}, {send: 'q'}]));
		const proc = mark(report, 'p').proc;
		expect(proc.VmRSS_kB).toBeGreaterThan(1000);
		expect(proc.VmHWM_kB).toBeGreaterThanOrEqual(proc.VmRSS_kB);
		expect(proc.utime_ticks + proc.stime_ticks).toBeGreaterThanOrEqual(0);
		expect(proc.clock_ticks_per_s).toBeGreaterThan(0);
	});

	it('waits for a text on the emulated screen that never came as one piece of output', async () => {
		// "Hxllo", then the x overwritten: the screen shows Hello, the bytes never contain it.
		const script =
			"process.stdout.write('Hxllo');setTimeout(()=>process.stdout.write('\\u001B[1;2He'),200);setTimeout(()=>{},1000)";
		const report = await runInPty({
			argv: [process.execPath, '-e', script],
			env: terminalEnv(),
			timeout: 10,
			steps: [{wait_screen: 'Hello', label: 'shown'}],
		});
		expect(report.output).not.toContain('Hello');
		expect(mark(report, 'shown').t).toBeGreaterThan(0.2);
	});

	it('fails with the label of a text that never came', async () => {
		await expect(
			runInPty(
				echoPlan([{wait_text: 'never printed', label: 'the impossible'}], {timeout: 1, exit_timeout: 0.2}),
			),
		).rejects.toThrow(/"the impossible" did not happen within 1 s/);
	});

	it('refuses a since that names no earlier mark', async () => {
		await expect(
			runInPty(echoPlan([{wait_text: 'tty=', since: 'nowhere', label: 'w'}, {send: 'q'}], {exit_timeout: 0.2})),
		).rejects.toThrow(/no earlier mark "nowhere"/);
	});
});
