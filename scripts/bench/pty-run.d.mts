// Types for the tests that drive the tutor through the benchmark's pseudo-terminal driver.
export const KEYS: {down: string; up: string; enter: string; right: string};
export function terminalEnv(configDir?: string): NodeJS.ProcessEnv;
export function runInPty(plan: {
	argv: string[];
	env: NodeJS.ProcessEnv;
	cols?: number;
	rows?: number;
	timeout?: number;
	steps: object[];
}): Promise<unknown>;
export function mark(report: unknown, label: string): {t: number; offset: number};
