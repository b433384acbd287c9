import {describe, expect, it} from 'vitest';
import {extractPodSpecs} from '../../src/k8s/workload.js';

const podSpec = {containers: [{name: 'app', image: 'my-app:1.0.0'}]};

describe('extractPodSpecs', () => {
	it('reads a Pod with its own name', () => {
		const r = extractPodSpecs({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'web'}, spec: podSpec});
		expect(r.ok && r.pods.map((p) => [p.kind, p.name, p.specPath, p.containers[0].name])).toEqual([
			['Pod', 'web', 'spec', 'app'],
		]);
	});

	it.each([
		['Deployment', {template: {spec: podSpec}}, 'spec.template.spec'],
		['ReplicaSet', {template: {spec: podSpec}}, 'spec.template.spec'],
		['StatefulSet', {template: {spec: podSpec}}, 'spec.template.spec'],
		['DaemonSet', {template: {spec: podSpec}}, 'spec.template.spec'],
		['Job', {template: {spec: podSpec}}, 'spec.template.spec'],
		['CronJob', {jobTemplate: {spec: {template: {spec: podSpec}}}}, 'spec.jobTemplate.spec.template.spec'],
	])('reads the pod template of a %s, named after the workload', (kind, spec, path) => {
		const r = extractPodSpecs({kind, metadata: {name: 'web-api'}, spec});
		expect(r.ok).toBe(true);
		if (r.ok) expect(r.pods.map((p) => [p.kind, p.name, p.specPath])).toEqual([[kind, 'web-api', path]]);
	});

	it('skips kinds without a Pod spec, with a note', () => {
		const r = extractPodSpecs({kind: 'Service', metadata: {name: 'web'}, spec: {}});
		expect(r).toEqual({ok: true, pods: [], skipped: ['Service web skipped: it has no Pod spec to draw']});
	});

	it('sorts init containers into regular ones and native sidecars', () => {
		const r = extractPodSpecs({
			kind: 'Pod',
			metadata: {name: 'p'},
			spec: {
				initContainers: [
					{name: 'wait', image: 'busybox'},
					{name: 'proxy', image: 'envoy', restartPolicy: 'Always'},
				],
				...podSpec,
			},
		});
		expect(r.ok && r.pods[0].initContainers.map((c) => c.role)).toEqual(['init', 'sidecar']);
	});

	it.each([
		[{containers: [{name: 'app', image: 'x'}, {name: 'log'}]}, 'spec.containers[1] (log): no image'],
		[{containers: [{image: 'x'}]}, 'spec.containers[0]: no name'],
		[{containers: []}, 'spec.containers: empty'],
		[{initContainers: [{name: 'w', image: ''}], ...podSpec}, 'spec.initContainers[0] (w): no image'],
		[
			{
				containers: [
					{name: 'a', image: 'x'},
					{name: 'a', image: 'y'},
				],
			},
			'spec.containers[1]: the name "a" is already used',
		],
		[
			{containers: [{name: 'a', image: 'x', ports: [{containerPort: 70000}]}]},
			'spec.containers[0] (a).ports[0].containerPort',
		],
		[{hostNetwork: 'yes', ...podSpec}, 'spec.hostNetwork: must be true or false'],
	])('reports a broken spec by its field (%#)', (spec, message) => {
		const r = extractPodSpecs({kind: 'Pod', metadata: {name: 'p'}, spec});
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toContain(message);
	});

	it('names the template path for a workload', () => {
		const r = extractPodSpecs({
			kind: 'Deployment',
			metadata: {name: 'd'},
			spec: {template: {spec: {containers: [{name: 'api'}]}}},
		});
		expect(r.ok).toBe(false);
		if (!r.ok)
			expect(r.error).toBe(
				'spec.template.spec.containers[0] (api): no image; write the image to run, such as image: busybox:1.36',
			);
	});

	it('reads every item of a List', () => {
		const r = extractPodSpecs({
			kind: 'List',
			items: [
				{kind: 'Pod', metadata: {name: 'a'}, spec: podSpec},
				{kind: 'Service', metadata: {name: 's'}},
			],
		});
		expect(r.ok && r.pods.map((p) => p.name)).toEqual(['a']);
		expect(r.ok && r.skipped).toEqual(['Service s skipped: it has no Pod spec to draw']);
	});

	it('refuses a document that is not a mapping or has no kind', () => {
		expect(extractPodSpecs('just text').ok).toBe(false);
		const r = extractPodSpecs({metadata: {name: 'x'}});
		expect(!r.ok && r.error).toContain('kind: missing');
	});
});
