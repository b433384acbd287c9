import {describe, expect, it} from 'vitest';
import type {BackendReport} from '../../src/live/backend.js';
import {offlineReason, type LiveContext} from '../../src/live/live-context.js';

function context(reports: BackendReport[]): LiveContext {
	return {backends: {}, reports, values: {pod: 'p', namespace: 'n', container: 'c', image: 'i'}};
}

describe('why a command step shows its recorded output', () => {
	it('says "no kubectl here" only when kubectl is not installed', () => {
		const missing: BackendReport = {
			tool: 'kubectl',
			installed: false,
			usable: false,
			problem: 'kubectl is not on PATH',
			durationMs: 3,
		};
		expect(offlineReason('kubectl', context([missing]))).toBe('recorded output (no kubectl here)');
	});

	it('names the real problem when kubectl is installed but the cluster is missing', () => {
		const noCluster: BackendReport = {
			tool: 'kubectl',
			installed: true,
			version: 'v1.32.0',
			usable: false,
			problem: 'no current context',
			durationMs: 40,
		};
		const reason = offlineReason('kubectl', context([noCluster]));
		expect(reason).toBe('recorded output (kubectl is installed but no current context)');
		expect(reason).not.toContain('no kubectl here');
	});

	it('claims nothing about the machine before detection has answered', () => {
		expect(offlineReason('podman', undefined)).toBe('recorded output');
	});
});
