import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	confirmedContextsPath,
	isLocalContext,
	readConfirmedContexts,
	rememberContext,
} from '../../src/live/context-safety.js';
import {parseLiveOptions} from '../../src/live/live-options.js';
import {labelValueFor, tutorSelector} from '../../src/live/tutor-labels.js';

describe('parseLiveOptions', () => {
	it('takes the live options out and leaves the rest in order', () => {
		expect(
			parseLiveOptions([
				'diagram',
				'--backend',
				'podman',
				'--live',
				'web',
				'--namespace=class-a',
				'--image',
				'localhost/busybox:tutor',
				'--context',
				'kind-x',
			]),
		).toEqual({
			ok: true,
			options: {
				backend: 'podman',
				namespace: 'class-a',
				context: 'kind-x',
				image: 'localhost/busybox:tutor',
				runtimeEndpoint: undefined,
			},
			rest: ['diagram', '--live', 'web'],
		});
	});

	it('defaults to the pod-tutor namespace and busybox:1.36', () => {
		expect(parseLiveOptions([])).toMatchObject({
			ok: true,
			options: {namespace: 'pod-tutor', image: 'busybox:1.36'},
		});
	});

	it('names the flag and what to do when a value is wrong or missing', () => {
		expect(parseLiveOptions(['--backend', 'docker'])).toEqual({
			ok: false,
			error: '--backend docker: use one of kubectl, crictl, podman',
		});
		expect(parseLiveOptions(['--namespace', 'Class_A'])).toEqual({
			ok: false,
			error: "--namespace Class_A: a namespace name is lower-case letters, digits and '-', at most 63 characters",
		});
		expect(parseLiveOptions(['--context'])).toEqual({ok: false, error: '--context needs a value'});
		expect(parseLiveOptions(['--image', '--json'])).toEqual({ok: false, error: '--image needs a value'});
		expect(parseLiveOptions(['--backend', 'podman', '--backend=kubectl'])).toEqual({
			ok: false,
			error: '--backend is given twice',
		});
	});
});

describe('context safety', () => {
	it('treats local cluster tools and loopback servers as local, anything else not', () => {
		for (const name of [
			'kind-kind',
			'k3d-dev',
			'minikube',
			'docker-desktop',
			'rancher-desktop',
			'orbstack',
			'microk8s',
		]) {
			expect(isLocalContext(name, 'https://203.0.113.9:6443')).toBe(true);
		}
		expect(isLocalContext('default', 'https://127.0.0.1:6443')).toBe(true);
		expect(isLocalContext('default', 'https://k8s.example.com')).toBe(false);
		expect(isLocalContext('prod-eu', 'https://10.0.0.1:6443')).toBe(false);
		expect(isLocalContext('kind', 'https://127.0.0.1.example.com')).toBe(false);
	});

	it('remembers a confirmed context once, in a file next to progress', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-ctx-'));
		const file = confirmedContextsPath(dir);
		expect(await readConfirmedContexts(file)).toEqual({ok: true, contexts: []});
		await rememberContext(file, 'prod-eu');
		await rememberContext(file, 'prod-eu');
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({confirmed: ['prod-eu']});
		writeFileSync(file, '{"confirmed": "prod-eu"}');
		expect(await readConfirmedContexts(file)).toEqual({
			ok: false,
			error: `${file}: field "confirmed" must be a list of context names; delete the file to start again`,
		});
	});
});

describe('tutor labels', () => {
	it('makes any user name a valid label value', () => {
		expect(labelValueFor('DOMAIN\\jane doe')).toBe('DOMAIN-jane-doe');
		expect(labelValueFor('_x_')).toBe('x');
		expect(labelValueFor('é')).toBe('unknown');
		expect(labelValueFor('a'.repeat(80))).toHaveLength(63);
		expect(tutorSelector('jane')).toBe('app.kubernetes.io/managed-by=pod-tutor,pod-tutor/user=jane');
	});
});
