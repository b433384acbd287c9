import {describe, expect, it} from 'vitest';
import {buildPodModel} from '../../src/diagram/pod-model.js';
import {describePod, layoutPod} from '../../src/diagram/pod-diagram.js';
import {extractPodSpecs} from '../../src/k8s/workload.js';
import {fixtureModel, modelFromSpec, pod} from './fixture-models.js';

const two = [
	{name: 'app', image: 'my-app:1.0.0'},
	{name: 'log', image: 'fluentd'},
];
const draw = (model: ReturnType<typeof modelFromSpec>, width = 100) =>
	layoutPod(model, {width, charset: 'unicode', color: false}).join('\n');

describe('buildPodModel: namespaces', () => {
	it('default runc Pod: the sandbox holds net uts ipc, every box has its own pid and mnt', () => {
		const model = modelFromSpec(pod({containers: two}));
		expect(model.podNamespaces).toEqual(['net', 'uts', 'ipc']);
		expect(model.ownNamespaces).toEqual(['pid', 'mnt']);
		expect(model.sandbox.namespaces).toEqual({net: 'own', uts: 'own', ipc: 'own', pid: 'own', mnt: 'own'});
		expect(model.containers[0].namespaces).toEqual({net: 'pod', uts: 'pod', ipc: 'pod', pid: 'own', mnt: 'own'});
		expect(draw(model)).toContain('Pod ns, held by pause: net uts ipc');
	});

	it('shareProcessNamespace moves pid to the Pod', () => {
		const model = modelFromSpec(pod({shareProcessNamespace: true, containers: two}));
		expect(model.podNamespaces).toEqual(['net', 'uts', 'ipc', 'pid']);
		expect(model.ownNamespaces).toEqual(['mnt']);
		expect(model.containers[1].namespaces.pid).toBe('pod');
		const text = draw(model);
		expect(text).toContain('/pause is PID 1');
		expect(text).toContain('runs: image default');
		expect(describePod(model)).toContain('shareProcessNamespace is on');
	});

	it('hostNetwork takes net and uts from the node; hostIPC ipc; hostPID pid', () => {
		const net = modelFromSpec(pod({hostNetwork: true, containers: two}));
		expect(net.nodeNamespaces).toEqual(['net', 'uts']);
		expect(net.podNamespaces).toEqual(['ipc']);
		expect(net.containers[0].namespaces.net).toBe('node');
		expect(draw(net)).toContain("Node's namespaces (hostNetwork): net uts");
		expect(draw(net)).toContain("IP and hostname: the node's");

		const all = modelFromSpec(
			pod({hostNetwork: true, hostIPC: true, hostPID: true, shareProcessNamespace: true, containers: two}),
		);
		expect(all.nodeNamespaces).toEqual(['net', 'uts', 'ipc', 'pid']);
		expect(all.podNamespaces).toEqual([]);
		expect(all.ownNamespaces).toEqual(['mnt']);
		expect(all.shareProcessNamespace).toBe(false);
		expect(draw(all)).toContain("Node's namespaces (hostNetwork, hostIPC, hostPID): net uts ipc pid");
		expect(describePod(all)).toContain("uses the node's net, uts, ipc and pid namespaces");
	});
});

describe('buildPodModel: containers, ports, volumes', () => {
	it('numbers init containers in run order and marks native sidecars', () => {
		const model = modelFromSpec(
			pod({
				initContainers: [
					{name: 'wait', image: 'busybox'},
					{name: 'proxy', image: 'envoy', restartPolicy: 'Always'},
				],
				containers: two,
				ephemeralContainers: [{name: 'debugger', image: 'busybox', targetContainerName: 'app'}],
			}),
		);
		expect(model.initContainers.map((c) => [c.name, c.kind, c.order])).toEqual([
			['wait', 'init', 1],
			['proxy', 'sidecar', 2],
		]);
		expect(model.ephemeralContainers[0]).toMatchObject({kind: 'ephemeral', targetContainerName: 'app'});
		const text = draw(model, 120);
		expect(text).toMatch(/init 1[\s\S]*init 2 sidecar[\s\S]*ephemeral/);
		expect(text).toContain("debug; joins app's");
		expect(describePod(model)).toContain('1. wait, image busybox; runs to completion before the next one starts.');
		expect(describePod(model)).toContain(
			'2. proxy, image envoy; a sidecar: it keeps running next to the app containers.',
		);
		expect(describePod(model)).toContain('- debugger, image busybox; joins the pid namespace of app.');
	});

	it('marks two containers declaring the same port as a conflict', () => {
		const model = modelFromSpec(
			pod({
				containers: [
					{name: 'web', image: 'nginx', ports: [{containerPort: 8080}]},
					{name: 'api', image: 'api', ports: [{containerPort: 8080}, {containerPort: 9090}]},
					{name: 'dns', image: 'dns', ports: [{containerPort: 8080, protocol: 'UDP'}]},
				],
			}),
		);
		expect(model.portConflicts).toEqual([{port: 8080, protocol: 'TCP', containers: ['web', 'api']}]);
		expect(model.containers[0].ports[0].clashesWith).toEqual(['api']);
		expect(model.containers[1].ports[1].clashesWith).toEqual([]);
		const text = draw(model, 140);
		expect(text).toContain('CONFLICT: port 8080/TCP in web and api; only one can listen');
		expect(text.match(/port 8080\/TCP CONFLICT/g)).toHaveLength(2);
		expect(describePod(model)).toContain('Port conflict: web and api all declare port 8080/TCP');
	});

	it('a sidecar and an app container clash too; a finished init container does not', () => {
		const model = modelFromSpec(
			pod({
				initContainers: [
					{name: 'setup', image: 'x', ports: [{containerPort: 80}]},
					{name: 'proxy', image: 'envoy', restartPolicy: 'Always', ports: [{containerPort: 9901}]},
				],
				containers: [{name: 'app', image: 'x', ports: [{containerPort: 80}, {containerPort: 9901}]}],
			}),
		);
		expect(model.portConflicts.map((c) => c.port)).toEqual([9901]);
	});

	it('lists which container mounts each volume where, and flags undeclared volumes', () => {
		const web = fixtureModel('web-app');
		expect(web.volumes).toEqual([
			{
				name: 'shared-data',
				type: 'emptyDir',
				mounts: [
					{container: 'app', path: '/data', readOnly: false},
					{container: 'log-shipper', path: '/data', readOnly: false},
				],
			},
		]);
		const broken = modelFromSpec(
			pod({containers: [{name: 'app', image: 'x', volumeMounts: [{name: 'cache', mountPath: '/cache'}]}]}),
		);
		expect(broken.missingVolumes).toEqual([{container: 'app', volume: 'cache'}]);
		expect(draw(broken)).toContain('MISSING: app mounts "cache", which spec.volumes does not declare');
	});

	it('carries requests, limits, the effective request and the QoS class', () => {
		const model = modelFromSpec(
			pod({
				containers: [
					{
						name: 'app',
						image: 'x',
						resources: {requests: {cpu: '200m', memory: '256Mi'}, limits: {memory: '512Mi'}},
					},
					{name: 'sidecar', image: 'y', resources: {requests: {cpu: '50m', memory: '64Mi'}}},
				],
			}),
		);
		expect(model.containers[0].requests).toEqual({cpu: '200m', memory: '256Mi'});
		expect(model.containers[0].limits).toEqual({memory: '512Mi'});
		expect(model.effectiveRequest).toEqual({cpu: '250m', memory: '320Mi'});
		expect(model.qosClass).toBe('Burstable');
		expect(draw(model)).toContain('Pod request: cpu 250m, memory 320Mi');
		expect(draw(model)).toContain('QoS class: Burstable');
	});

	it('returns an error naming the container and field for a malformed quantity', () => {
		const found = extractPodSpecs({
			kind: 'Deployment',
			metadata: {name: 'd'},
			spec: {
				template: {spec: {containers: [{name: 'api', image: 'x', resources: {requests: {memory: '1 Gi'}}}]}},
			},
		});
		if (!found.ok) throw new Error(found.error);
		const built = buildPodModel(found.pods[0]);
		expect(built.ok).toBe(false);
		if (!built.ok)
			expect(built.error).toMatch(
				/^spec\.template\.spec\.containers\[0\] \(api\)\.resources\.requests\.memory: /,
			);
	});
});

describe('buildPodModel: measured inodes', () => {
	const spec = pod({containers: two}, 'web');

	it('shows the inodes and says which are shared and private as measured', () => {
		const model = modelFromSpec(spec, {
			ip: '10.244.1.7',
			measured: {
				sandbox: {
					net: 'net:[4026532201]',
					uts: 'uts:[4026532198]',
					ipc: '4026532199',
					pid: 'pid:[4026532200]',
					mnt: 'mnt:[4026532197]',
				},
				containers: {
					app: {
						net: 'net:[4026532201]',
						uts: 'uts:[4026532198]',
						ipc: 'ipc:[4026532199]',
						pid: 'pid:[4026532300]',
						mnt: 'mnt:[4026532301]',
					},
					log: {
						net: 'net:[4026532201]',
						uts: 'uts:[4026532198]',
						ipc: 'ipc:[4026532199]',
						pid: 'pid:[4026532310]',
						mnt: 'mnt:[4026532311]',
					},
				},
			},
		});
		expect(model.ip).toBe('10.244.1.7');
		expect(model.containers[0].measured?.net).toEqual({inode: '4026532201', sharedWith: ['pause', 'log']});
		expect(model.containers[0].measured?.pid).toEqual({inode: '4026532300', sharedWith: []});
		const text = draw(model);
		expect(text).toContain('One IP for the Pod: 10.244.1.7');
		expect(text).toContain('net shared by all 3: 4026532201');
		expect(text).toContain('pid private: 3 different inodes');
		expect(text).toContain('net 4026532201 shared');
		expect(text).toContain('pid 4026532300 own');
		expect(text).not.toContain('the spec expects');
		expect(describePod(model)).toContain('Measured net: pause, app and log share inode 4026532201.');
	});

	it('flags a measurement that differs from what the spec says (a raw crictl sandbox shares pid)', () => {
		const model = modelFromSpec(spec, {
			measured: {sandbox: {pid: '4026532200'}, containers: {app: {pid: '4026532200'}, log: {pid: '4026532200'}}},
		});
		expect(draw(model)).toContain('pid shared by all 3: 4026532200 (the spec expects private)');
	});

	it('groups a partly shared namespace by inode', () => {
		const model = modelFromSpec(spec, {
			measured: {sandbox: {mnt: '1'}, containers: {app: {mnt: '2'}, log: {mnt: '2'}}},
		});
		expect(model.measured).toEqual([
			{
				ns: 'mnt',
				groups: [
					{inode: '1', members: ['pause']},
					{inode: '2', members: ['app', 'log']},
				],
			},
		]);
		expect(draw(model)).toContain('mnt pause: 1; app, log: 2');
	});
});
