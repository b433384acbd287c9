import {describe, expect, it} from 'vitest';
import {
	findPodSpec,
	isLongRunning,
	isNativeSidecar,
	podSpecPath,
	podTemplatePath,
	roleOf,
	roleWords,
} from '../../src/k8s/pod-model.js';
import {containerResources} from '../../src/k8s/resources.js';
import {extractPodSpecs} from '../../src/k8s/workload.js';
import {viewPod} from '../../src/exercises/pod-view.js';

describe('the one Pod model', () => {
	it('a native sidecar is an init container with restartPolicy: Always, and only that', () => {
		expect(isNativeSidecar('initContainers', {restartPolicy: 'Always'})).toBe(true);
		expect(isNativeSidecar('initContainers', {restartPolicy: 'always'})).toBe(false);
		expect(isNativeSidecar('containers', {restartPolicy: 'Always'})).toBe(false);
		expect(roleOf('initContainers', {})).toBe('init');
		expect(roleOf('containers', {})).toBe('app');
		expect(roleOf('ephemeralContainers', {})).toBe('ephemeral');
		expect(['app', 'sidecar', 'init', 'ephemeral'].filter((r) => isLongRunning(r as never))).toEqual([
			'app',
			'sidecar',
		]);
		expect(roleWords('sidecar')).toBe('a sidecar (init container with restartPolicy: Always)');
	});

	it('knows where each kind keeps its Pod spec', () => {
		expect(podSpecPath('Pod')).toEqual(['spec']);
		expect(podSpecPath('Deployment')).toEqual(['spec', 'template', 'spec']);
		expect(podSpecPath('CronJob')).toEqual(['spec', 'jobTemplate', 'spec', 'template', 'spec']);
		expect(podSpecPath('Service')).toBeUndefined();
		expect(podTemplatePath('Pod')).toBeUndefined();
		expect(podTemplatePath('Job')).toEqual(['spec', 'template']);
		const cron = {kind: 'CronJob', spec: {jobTemplate: {spec: {template: {spec: {containers: []}}}}}};
		expect(findPodSpec(cron)).toEqual({containers: []});
		expect(findPodSpec({kind: 'Service', spec: {ports: []}})).toBeUndefined();
	});

	it('exercises, diagrams and resources give a container the same role', () => {
		const manifest = {
			apiVersion: 'apps/v1',
			kind: 'Deployment',
			metadata: {name: 'web'},
			spec: {
				template: {
					spec: {
						initContainers: [
							{name: 'setup', image: 'x'},
							{name: 'shipper', image: 'x', restartPolicy: 'Always'},
						],
						containers: [{name: 'app', image: 'x'}],
					},
				},
			},
		};
		const fromExercises = Object.fromEntries(viewPod(manifest).containers.map((c) => [c.name, c.role]));
		const extracted = extractPodSpecs(manifest);
		if (!extracted.ok) throw new Error(extracted.error);
		const pod = extracted.pods[0];
		const fromDiagrams = Object.fromEntries(
			[...pod.initContainers, ...pod.containers].map((c) => [c.name, c.role]),
		);
		const resources = containerResources(findPodSpec(manifest));
		if (!resources.ok) throw new Error(resources.error);
		const fromResources = Object.fromEntries(resources.value.map((c) => [c.name, c.kind]));
		expect(fromExercises).toEqual({setup: 'init', shipper: 'sidecar', app: 'app'});
		expect(fromDiagrams).toEqual(fromExercises);
		expect(fromResources).toEqual(fromExercises);
	});
});
