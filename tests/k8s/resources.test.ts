import {describe, expect, it} from 'vitest';
import {effectiveRequest, qosClass} from '../../src/k8s/resources.js';
import {formatQuantity} from '../../src/k8s/quantity.js';

function request(spec: unknown, resource: 'cpu' | 'memory'): string {
	const result = effectiveRequest(spec, resource);
	if (!result.ok) throw new Error(result.error);
	return formatQuantity(result.value, resource);
}

const c = (name: string, cpu?: string, memory?: string, extra: Record<string, unknown> = {}) => ({
	name,
	image: 'busybox',
	...(cpu || memory ? {resources: {requests: {...(cpu ? {cpu} : {}), ...(memory ? {memory} : {})}}} : {}),
	...extra,
});

describe('effectiveRequest', () => {
	it('adds the app containers of the seed example: 200m/256Mi + 50m/64Mi', () => {
		const spec = {containers: [c('app', '200m', '256Mi'), c('sidecar', '50m', '64Mi')]};
		expect(request(spec, 'cpu')).toBe('250m');
		expect(request(spec, 'memory')).toBe('320Mi');
	});

	it('adds the Pod overhead (docs worked example: 2000m/200Mi + 250m/120Mi)', () => {
		const spec = {
			containers: [c('a', '1', '100Mi'), c('b', '1000m', '100Mi')],
			overhead: {cpu: '250m', memory: '120Mi'},
		};
		expect(request(spec, 'cpu')).toBe('2250m');
		expect(request(spec, 'memory')).toBe('320Mi');
	});

	it('takes an init container when it asks for more than the app containers together', () => {
		const spec = {
			initContainers: [c('migrate', '1', '1Gi')],
			containers: [c('app', '200m', '256Mi'), c('log', '100m', '64Mi')],
		};
		expect(request(spec, 'cpu')).toBe('1');
		expect(request(spec, 'memory')).toBe('1Gi');
	});

	it('takes the highest init request, not their sum', () => {
		const spec = {initContainers: [c('one', '300m'), c('two', '500m')], containers: [c('app', '100m')]};
		expect(request(spec, 'cpu')).toBe('500m');
	});

	it('counts native sidecars in the sum with the app containers', () => {
		const spec = {
			initContainers: [c('init', '250m'), c('proxy', '100m', '64Mi', {restartPolicy: 'Always'})],
			containers: [c('app', '200m', '256Mi')],
		};
		expect(request(spec, 'cpu')).toBe('300m');
		expect(request(spec, 'memory')).toBe('320Mi');
	});

	it('runs a regular init container next to the sidecars declared before it', () => {
		const spec = {
			initContainers: [c('proxy', '100m', undefined, {restartPolicy: 'Always'}), c('init', '500m')],
			containers: [c('app', '100m')],
		};
		expect(request(spec, 'cpu')).toBe('600m');
	});

	it('is zero when nothing is requested', () => {
		const spec = {containers: [c('app'), c('log')]};
		expect(request(spec, 'cpu')).toBe('0');
		expect(request(spec, 'memory')).toBe('0');
	});

	it('mixes units exactly: 0.5 and 500m, 1Gi and 1024Mi', () => {
		const spec = {containers: [c('a', '0.5', '1Gi'), c('b', '500m', '1024Mi')]};
		expect(request(spec, 'cpu')).toBe('1');
		expect(request(spec, 'memory')).toBe('2Gi');
	});

	it('uses the limit when only a limit is written', () => {
		const spec = {containers: [{name: 'app', image: 'x', resources: {limits: {cpu: '300m'}}}]};
		expect(request(spec, 'cpu')).toBe('300m');
	});

	it('names the container and field of a malformed quantity', () => {
		const spec = {containers: [c('app', '200m'), c('log', '1 cpu')]};
		const result = effectiveRequest(spec, 'cpu');
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/^containers\[1\] \(log\)\.resources\.requests\.cpu: .*space/);
		const badUnit = effectiveRequest({containers: [c('app', undefined, '128MB')]}, 'cpu');
		expect(badUnit.ok).toBe(false);
		if (!badUnit.ok) expect(badUnit.error).toContain('containers[0] (app).resources.requests.memory');
	});

	it('rejects a negative request', () => {
		const result = effectiveRequest({containers: [c('app', '-1')]}, 'cpu');
		expect(result.ok).toBe(false);
	});
});

describe('qosClass', () => {
	const qos = (spec: unknown) => {
		const r = qosClass(spec);
		if (!r.ok) throw new Error(r.error);
		return r.value;
	};
	const res = (requests?: Record<string, string>, limits?: Record<string, string>) => ({
		resources: {...(requests ? {requests} : {}), ...(limits ? {limits} : {})},
	});

	it('is BestEffort with no requests or limits', () => {
		expect(qos({containers: [c('a'), c('b')]})).toBe('BestEffort');
	});

	it('is Guaranteed when every container has equal cpu and memory requests and limits', () => {
		const both = {cpu: '500m', memory: '256Mi'};
		expect(
			qos({
				containers: [
					{name: 'a', image: 'x', ...res(both, both)},
					{name: 'b', image: 'x', ...res({cpu: '0.5', memory: '256Mi'}, both)},
				],
			}),
		).toBe('Guaranteed');
	});

	it('defaults a missing request to the limit', () => {
		expect(qos({containers: [{name: 'a', image: 'x', ...res(undefined, {cpu: '1', memory: '1Gi'})}]})).toBe(
			'Guaranteed',
		);
	});

	it('is Burstable when one container lacks limits or they differ', () => {
		const g = res({cpu: '1', memory: '1Gi'}, {cpu: '1', memory: '1Gi'});
		expect(qos({containers: [{name: 'a', image: 'x', ...g}, c('b')]})).toBe('Burstable');
		expect(
			qos({
				containers: [{name: 'a', image: 'x', ...res({cpu: '500m', memory: '1Gi'}, {cpu: '1', memory: '1Gi'})}],
			}),
		).toBe('Burstable');
		expect(qos({containers: [{name: 'a', image: 'x', ...res({cpu: '1'}, {cpu: '1'})}]})).toBe('Burstable');
	});

	it('counts init containers', () => {
		const g = res({cpu: '1', memory: '1Gi'}, {cpu: '1', memory: '1Gi'});
		expect(qos({initContainers: [c('init', '100m')], containers: [{name: 'a', image: 'x', ...g}]})).toBe(
			'Burstable',
		);
	});

	it('reports a malformed limit with its field', () => {
		const r = qosClass({containers: [{name: 'a', image: 'x', ...res(undefined, {memory: '12XB'})}]});
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toContain('containers[0] (a).resources.limits.memory');
	});
});
