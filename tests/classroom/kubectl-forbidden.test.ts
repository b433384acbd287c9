import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {forbiddenProblem, parseForbidden} from '../../src/lab/kubectl-forbidden.js';
import type {Exec} from '../../src/live/backend.js';
import {KubectlBackend, kubectlProblem} from '../../src/live/kubectl-backend.js';
import {tutorLabels} from '../../src/live/tutor-labels.js';
import {resultOf} from '../live-offline/recorded-exec.js';

const dir = fileURLToPath(new URL('../fixtures/kubectl/forbidden/', import.meta.url));
const recorded = (name: string) => readFileSync(`${dir}${name}`, 'utf8');

describe('kubectl forbidden (403) answers', () => {
	it('reads verb, resource, namespace and user from what kubectl prints', () => {
		expect(parseForbidden(recorded('create-pod-other-namespace.err'))).toEqual({
			verb: 'create',
			resource: 'pods',
			namespace: 'pod-tutor-bob',
			user: 'system:serviceaccount:pod-tutor-ana:student',
		});
		expect(parseForbidden(recorded('exec.err'))).toEqual({
			verb: 'create',
			resource: 'pods/exec',
			namespace: 'pod-tutor-ana',
			user: 'ana',
			name: 'web-app',
		});
		expect(parseForbidden(recorded('scale-deployment.err'))).toEqual({
			verb: 'patch',
			resource: 'deployments/scale.apps',
			namespace: 'pod-tutor-ana',
			user: 'ana',
			name: 'web-api',
		});
		expect(parseForbidden(recorded('list-all-namespaces.err'))).toEqual({
			verb: 'list',
			resource: 'pods',
			user: 'ana',
		});
		expect(parseForbidden(recorded('get-namespace.err'))).toEqual({
			verb: 'get',
			resource: 'namespaces',
			namespace: 'pod-tutor-ana',
			user: 'ana',
			name: 'pod-tutor-ana',
		});
		expect(parseForbidden(recorded('unauthorized.err'))).toBeUndefined();
	});

	it("is the API server's Status message, as the recorded answer has it", () => {
		const status = JSON.parse(recorded('create-pod-other-namespace.status.json'));
		expect(status).toMatchObject({kind: 'Status', reason: 'Forbidden', code: 403});
		expect(recorded('create-pod-other-namespace.err')).toContain(status.message);
		expect(parseForbidden(status.message)).toEqual(parseForbidden(recorded('create-pod-other-namespace.err')));
	});

	it("becomes one sentence naming the verb and the namespace, not kubectl's output", () => {
		const {problem, nextStep} = kubectlProblem(recorded('exec.err'));
		expect(problem).toBe(
			'the cluster does not allow ana to create pods/exec web-app in the namespace pod-tutor-ana',
		);
		expect(nextStep).toContain('ask your instructor for a Role there that allows create on pods/exec');
		expect(kubectlProblem(recorded('list-all-namespaces.err')).problem).toBe(
			'the cluster does not allow ana to list pods across the whole cluster (outside any namespace)',
		);
		expect(kubectlProblem(recorded('unauthorized.err')).problem).toBe(
			'the cluster refused the request (not allowed)',
		);
		expect(
			forbiddenProblem({verb: 'get', resource: 'namespaces', user: 'ana', namespace: 'x', name: 'x'}).problem,
		).toBe('the cluster does not allow ana to get namespaces x in the namespace x');
	});

	it('a student creating the lesson Pod where RBAC forbids it is told the namespace and the verb', async () => {
		const asked: string[][] = [];
		const exec: Exec = async (request) => {
			asked.push([...request.args]);
			if (request.args.includes('namespace'))
				return resultOf({stdout: 'namespace/pod-tutor-bob\n', stderr: '', exitCode: 0});
			return resultOf({stdout: '', stderr: recorded('create-pod-other-namespace.err'), exitCode: 1});
		};
		const backend = new KubectlBackend({namespace: 'pod-tutor-bob', user: 'ana', exec});
		const created = await backend.createPod({
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name: 'web-app', labels: tutorLabels('ana')},
			spec: {containers: [{name: 'app', image: 'busybox:1.36'}]},
		});
		expect(created.ok).toBe(false);
		if (created.ok) return;
		expect(created.error).toBe(
			'kubectl create: the cluster does not allow system:serviceaccount:pod-tutor-ana:student to create pods ' +
				'in the namespace pod-tutor-bob — the tutor works only in your own namespace; if pod-tutor-bob is yours, ' +
				'ask your instructor for a Role there that allows create on pods (docs/CLASSROOM.md)',
		);
		expect(created.error).not.toContain('Error from server');
		// Every request carried the student's namespace.
		expect(asked.find((args) => args.includes('create'))).toEqual(
			expect.arrayContaining(['--namespace', 'pod-tutor-bob']),
		);
	});
});
