// Runs pty-driver.py (one program in an 80x24 pseudo-terminal) and returns its JSON report.
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';

const DRIVER = fileURLToPath(new URL('./pty-driver.py', import.meta.url));
// The system's python3 has pyte (apt package python3-pyte), which wait_screen steps need; a python3
// earlier on PATH (pyenv) may not.
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Keys as a terminal sends them. */
export const KEYS = {down: '\u001B[B', up: '\u001B[A', enter: '\r', right: '\u001B[C'};

/**
 * The environment the tutor is measured in: this process's environment without CI (Ink draws
 * nothing until exit when CI is set) and with progress kept in `configDir`.
 */
export function terminalEnv(configDir) {
	const env = {
		...process.env,
		TERM: process.env.TERM && process.env.TERM !== 'dumb' ? process.env.TERM : 'xterm-256color',
	};
	delete env.CI;
	delete env.CONTINUOUS_INTEGRATION;
	if (configDir) env.POD_TUTOR_CONFIG_DIR = configDir;
	return env;
}

/**
 * `plan` is described in pty-driver.py. Rejects when the driver fails or a wait step never came
 * true, with the step's label, so a broken app shows up as a failed benchmark, never as a number.
 */
export function runInPty(plan) {
	return new Promise((resolve, reject) => {
		// The output is always kept, so a failure can show what the program last wrote.
		execFile(
			PYTHON,
			[DRIVER, JSON.stringify({keep_output: true, ...plan})],
			{maxBuffer: 64 * 1024 * 1024},
			(error, stdout, stderr) => {
				if (error) {
					reject(
						new Error(`pty driver failed for ${plan.argv.join(' ')}: ${stderr.trim() || error.message}`),
					);
					return;
				}
				const report = JSON.parse(stdout);
				if (report.timed_out) {
					const tail = report.output ? ` Last output: ${JSON.stringify(report.output.slice(-300))}` : '';
					reject(
						new Error(
							`${plan.argv.join(' ')}: "${report.failed_step}" did not happen within ${plan.timeout ?? 20} s.${tail}`,
						),
					);
					return;
				}
				resolve(report);
			},
		);
	});
}

/** The mark with this label; throws if the plan had no such step. */
export function mark(report, label) {
	const found = report.marks.find((m) => m.label === label);
	if (!found) throw new Error(`no mark "${label}" in the pty report`);
	return found;
}
