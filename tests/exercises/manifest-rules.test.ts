import {describe, expect, it} from 'vitest';
import type {ManifestRule} from '../../src/content/types.js';
import {parseManifest, type ManifestObject} from '../../src/exercises/manifest-yaml.js';
import {MANIFEST_RULE_NAMES, ruleLabel, ruleProblems, runRule} from '../../src/exercises/manifest-rules.js';

function manifest(source: string): ManifestObject {
	const parsed = parseManifest(source, 'test.yaml');
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.manifest;
}

const SIDECAR_POD = manifest(`
apiVersion: v1
kind: Pod
metadata:
  name: web
  labels: {app: web, tier: front}
spec:
  volumes:
    - {name: shared-data, emptyDir: {}}
    - {name: config, configMap: {name: web-config}}
  initContainers:
    - name: wait-db
      image: busybox
    - name: migrate
      image: migrate/migrate:v4
    - name: log-shipper
      image: fluent/fluent-bit:3.0
      restartPolicy: Always
      volumeMounts: [{name: shared-data, mountPath: /logs}]
      resources: {requests: {cpu: 50m, memory: 64Mi}}
  containers:
    - name: web
      image: nginx:1.27
      ports: [{containerPort: 80}, {containerPort: 443}]
      volumeMounts: [{name: shared-data, mountPath: /var/log/nginx}, {name: config, mountPath: /etc/nginx/conf.d}]
      resources: {requests: {cpu: 200m, memory: 256Mi}}
    - name: metrics
      image: prom/statsd-exporter
      ports: [{containerPort: 9102}]
`);

function run(rule: Record<string, unknown>, on: ManifestObject = SIDECAR_POD) {
	return runRule({rule: 'kind', ...rule} as ManifestRule, on);
}

function withSpec(spec: string, extra = ''): ManifestObject {
	return manifest(`apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n${extra}spec:\n${spec}`);
}

describe('manifest rules', () => {
	it('kind', () => {
		expect(run({rule: 'kind', equals: 'Pod'}).passed).toBe(true);
		expect(run({rule: 'kind', equals: 'Deployment'})).toEqual({
			passed: false,
			message: 'kind is Pod, not Deployment',
		});
		expect(run({rule: 'kind', equals: 'Pod'}, manifest('metadata: {name: x}')).message).toBe(
			'the manifest has no kind; add "kind: Pod"',
		);
	});

	it('min-containers counts the containers that keep running: app containers and native sidecars', () => {
		expect(run({rule: 'min-containers', count: 3}).passed).toBe(true);
		expect(run({rule: 'min-containers', count: 4})).toEqual({
			passed: false,
			message:
				'the Pod has 3 containers that keep running (1 of them native sidecar) in spec.containers and native sidecars; it needs at least 4',
		});
		expect(run({rule: 'min-containers', count: 2}, withSpec('  containers: [{name: a, image: x}]\n')).message).toBe(
			'the Pod has 1 container that keeps running in spec.containers and native sidecars; it needs at least 2',
		);
		const sidecarShipper = withSpec(
			'  initContainers: [{name: log-shipper, image: x, restartPolicy: Always}]\n  containers: [{name: app, image: x}]\n',
		);
		expect(run({rule: 'min-containers', count: 2}, sidecarShipper).passed).toBe(true);
		const plainInit = withSpec(
			'  initContainers: [{name: setup, image: x}]\n  containers: [{name: app, image: x}]\n',
		);
		expect(run({rule: 'min-containers', count: 2}, plainInit).passed).toBe(false);
	});

	it('helper-container: a second app container or a native sidecar, never a regular init container', () => {
		expect(run({rule: 'helper-container', name: 'log-shipper'})).toEqual({
			passed: true,
			message: 'log-shipper is a native sidecar',
		});
		expect(run({rule: 'helper-container', name: 'metrics'}).passed).toBe(true);
		expect(run({rule: 'helper-container', name: 'migrate'}).message).toMatch(
			/^migrate is a regular init container, which stops before the app starts/,
		);
		expect(run({rule: 'helper-container', name: 'nope'}).passed).toBe(false);
	});

	it('listening-port: the port in command or args must be a declared containerPort', () => {
		const pod = (args: string, ports: string) =>
			withSpec(`  containers:\n    - name: m\n      image: x\n      args: ${args}\n${ports}`);
		expect(
			run(
				{rule: 'listening-port', container: 'm'},
				pod('["--port=9090"]', '      ports: [{containerPort: 9090}]\n'),
			).passed,
		).toBe(true);
		expect(
			run(
				{rule: 'listening-port', container: 'm'},
				pod('["--metrics-port", "9100"]', '      ports: [{containerPort: 9100}]\n'),
			).passed,
		).toBe(true);
		expect(
			run(
				{rule: 'listening-port', container: 'm'},
				pod('["sh", "-c", "busybox httpd -f -p 8080"]', '      ports: [{containerPort: 8080}]\n'),
			).passed,
		).toBe(true);
		expect(
			run(
				{rule: 'listening-port', container: 'm'},
				pod('["--web.listen-address=0.0.0.0:9090"]', '      ports: [{containerPort: 9090}]\n'),
			).passed,
		).toBe(true);
		expect(
			run(
				{rule: 'listening-port', container: 'm'},
				pod('["--port=8080"]', '      ports: [{containerPort: 9090}]\n'),
			),
		).toEqual({
			passed: false,
			exact: true,
			message:
				'm listens on 8080 (--port=8080) but declares containerPort 9090: change the argument and containerPort together',
		});
		expect(run({rule: 'listening-port', container: 'm'}, pod('["--port=9090"]', '')).message).toContain(
			'but declares no containerPort',
		);
		expect(
			run(
				{rule: 'listening-port', container: 'm', port: 9090},
				pod('["--port=8080"]', '      ports: [{containerPort: 8080}]\n'),
			).message,
		).toBe('m is told to listen on 8080 (--port=8080), not 9090');
	});

	it('Deployment rules: api-version, replicas, selector-matches, label on the template', () => {
		const deployment = (extra: string) =>
			manifest(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web-api}
spec:
${extra}  selector: {matchLabels: {app: web-api}}
  template:
    metadata: {labels: {app: web-api}}
    spec: {containers: [{name: api, image: my-api:2.0.0}]}
`);
		const three = deployment('  replicas: 3\n');
		expect(run({rule: 'api-version', equals: 'apps/v1'}, three).passed).toBe(true);
		expect(run({rule: 'replicas', equals: 3}, three).passed).toBe(true);
		expect(run({rule: 'replicas', equals: 3}, deployment('')).message).toBe(
			'spec.replicas is not set, so the Deployment runs 1 Pod; set replicas: 3',
		);
		expect(run({rule: 'selector-matches'}, three).passed).toBe(true);
		expect(run({rule: 'label', key: 'app', value: 'web-api'}, three).passed).toBe(true);
		expect(run({rule: 'container', name: 'api'}, three).passed).toBe(true);
		const mismatched = manifest(
			'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n  selector: {matchLabels: {app: w}}\n  template:\n    metadata: {labels: {app: x}}\n    spec: {containers: [{name: a, image: b}]}\n',
		);
		expect(run({rule: 'selector-matches'}, mismatched).message).toBe(
			"the selector asks for app: w, but the template's labels (spec.template.metadata.labels) do not have it",
		);
		expect(run({rule: 'api-version', equals: 'apps/v1'}, SIDECAR_POD).message).toBe(
			'apiVersion is v1, not apps/v1',
		);
		expect(run({rule: 'replicas', equals: 3}, SIDECAR_POD).message).toBe(
			'a Pod has no replicas; a Deployment keeps 3 Pods running',
		);
	});

	it('container, with an image that may omit the tag', () => {
		expect(run({rule: 'container', name: 'web', image: 'nginx'}).passed).toBe(true);
		expect(run({rule: 'container', name: 'web', image: 'nginx:1.27'}).passed).toBe(true);
		expect(run({rule: 'container', name: 'log-shipper'}).passed).toBe(true);
		expect(run({rule: 'container', name: 'web', image: 'nginx:1.25'}).message).toBe(
			'container web runs image nginx:1.27, not nginx:1.25',
		);
		expect(run({rule: 'container', name: 'web', image: 'ngin'}).passed).toBe(false);
		expect(run({rule: 'container', name: 'proxy'}).message).toBe(
			'the Pod has no container named proxy (it has web, metrics, wait-db, migrate, log-shipper)',
		);
	});

	it('shared-emptydir with named volume and containers', () => {
		expect(run({rule: 'shared-emptydir', volume: 'shared-data', containers: ['web', 'log-shipper']}).passed).toBe(
			true,
		);
		expect(run({rule: 'shared-emptydir', volume: 'shared-data', containers: ['web', 'metrics']})).toEqual({
			passed: false,
			message: 'container metrics does not mount volume shared-data',
		});
		expect(run({rule: 'shared-emptydir', containers: ['metrics', 'migrate']}).message).toBe(
			'containers metrics, migrate do not mount volume shared-data',
		);
		expect(run({rule: 'shared-emptydir', volume: 'config'}).message).toBe(
			'volume config is not an emptyDir (give it "emptyDir: {}")',
		);
		expect(run({rule: 'shared-emptydir', volume: 'cache'}).message).toBe('spec.volumes has no volume named cache');
		expect(run({rule: 'shared-emptydir', containers: ['web', 'proxy']}).message).toBe(
			'the Pod has no container named proxy',
		);
	});

	it('shared-emptydir by default needs two containers mounting one emptyDir', () => {
		expect(run({rule: 'shared-emptydir'}).passed).toBe(true);
		const one = withSpec(
			'  volumes: [{name: s, emptyDir: {}}]\n  containers:\n    - {name: a, image: x, volumeMounts: [{name: s, mountPath: /s}]}\n    - {name: b, image: x}\n',
		);
		expect(run({rule: 'shared-emptydir'}, one).message).toBe(
			'emptyDir volume s is mounted only by a; mount it in a second container to share files',
		);
		const none = withSpec('  containers: [{name: a, image: x}]\n');
		expect(run({rule: 'shared-emptydir'}, none).message).toContain('spec.volumes has no emptyDir volume');
		const unmounted = withSpec('  volumes: [{name: s, emptyDir: {}}]\n  containers: [{name: a, image: x}]\n');
		expect(run({rule: 'shared-emptydir'}, unmounted).message).toBe(
			'emptyDir volume s is declared but no container mounts it (add it to volumeMounts)',
		);
	});

	it('native-sidecar', () => {
		expect(run({rule: 'native-sidecar'}).passed).toBe(true);
		expect(run({rule: 'native-sidecar', name: 'log-shipper'}).passed).toBe(true);
		expect(run({rule: 'native-sidecar', name: 'metrics'}).message).toBe(
			'metrics is in spec.containers; a native sidecar goes in spec.initContainers with restartPolicy: Always',
		);
		expect(run({rule: 'native-sidecar', name: 'migrate'}).message).toBe(
			'init container migrate has no restartPolicy: Always, so it must finish before the app starts instead of running beside it',
		);
		expect(run({rule: 'native-sidecar', name: 'proxy'}).message).toBe('the Pod has no container named proxy');
		expect(run({rule: 'native-sidecar'}, withSpec('  containers: [{name: a, image: x}]\n')).passed).toBe(false);
	});

	it('distinct-ports compares running containers, per protocol', () => {
		expect(run({rule: 'distinct-ports'}).passed).toBe(true);
		const clash = withSpec(
			'  containers:\n    - {name: a, image: x, ports: [{containerPort: 8080}]}\n    - {name: b, image: y, ports: [{containerPort: 8080}]}\n',
		);
		expect(run({rule: 'distinct-ports'}, clash).message).toBe(
			"containers a and b both declare containerPort 8080: they share the Pod's network namespace, so only one of them can listen on it",
		);
		const udp = withSpec(
			'  containers:\n    - {name: a, image: x, ports: [{containerPort: 53}]}\n    - {name: b, image: y, ports: [{containerPort: 53, protocol: UDP}]}\n',
		);
		expect(run({rule: 'distinct-ports'}, udp).passed).toBe(true);
		const initFirst = withSpec(
			'  initContainers: [{name: setup, image: x, ports: [{containerPort: 80}]}]\n  containers: [{name: a, image: x, ports: [{containerPort: 80}]}]\n',
		);
		expect(run({rule: 'distinct-ports'}, initFirst).passed).toBe(true);
	});

	it('port', () => {
		expect(run({rule: 'port', container: 'web', port: 443}).passed).toBe(true);
		expect(run({rule: 'port', container: 'web', port: 8080}).message).toBe(
			'container web declares containerPort 80, 443, not 8080',
		);
		expect(run({rule: 'port', container: 'wait-db', port: 80}).message).toBe(
			'container wait-db declares no ports; add "ports: [{containerPort: 80}]"',
		);
		expect(run({rule: 'port', container: 'db', port: 80}).message).toBe('the Pod has no container named db');
	});

	it('effective-request sums app and sidecar containers', () => {
		expect(run({rule: 'effective-request', resource: 'cpu', equals: '250m'}).passed).toBe(true);
		expect(run({rule: 'effective-request', resource: 'cpu', equals: 0.25}).passed).toBe(true);
		expect(run({rule: 'effective-request', resource: 'memory', equals: '320Mi'}).passed).toBe(true);
		expect(run({rule: 'effective-request', resource: 'memory', equals: '256Mi'})).toEqual({
			passed: false,
			message: "the Pod's effective memory request is 320Mi, not 256Mi",
		});
	});

	it('effective-request: overhead, a large init container and a limit standing in for a request', () => {
		const pod = withSpec(
			[
				'  overhead: {cpu: 250m, memory: 120Mi}',
				'  initContainers: [{name: warm, image: x, resources: {requests: {cpu: "3", memory: 100Mi}}}]',
				'  containers:',
				'    - {name: a, image: x, resources: {requests: {cpu: "1", memory: 100Mi}}}',
				'    - {name: b, image: x, resources: {limits: {cpu: "1", memory: 100Mi}}}',
				'',
			].join('\n'),
		);
		// cpu: 250m + max(1 + 1, 3) = 3250m; memory: 120Mi + max(200Mi, 100Mi) = 320Mi
		expect(run({rule: 'effective-request', resource: 'cpu', equals: '3250m'}, pod).passed).toBe(true);
		expect(run({rule: 'effective-request', resource: 'memory', equals: '320Mi'}, pod).passed).toBe(true);
		const broken = withSpec('  containers: [{name: a, image: x, resources: {requests: {cpu: 2cores}}}]\n');
		expect(run({rule: 'effective-request', resource: 'cpu', equals: '2'}, broken).message).toContain(
			'containers[0] (a).resources.requests.cpu: "2cores" has an unknown unit',
		);
	});

	it('qos-class', () => {
		expect(run({rule: 'qos-class', equals: 'Burstable'}).passed).toBe(true);
		expect(run({rule: 'qos-class', equals: 'Guaranteed'}).message).toBe(
			"the Pod's QoS class is Burstable, not Guaranteed",
		);
		const none = withSpec('  containers: [{name: a, image: x}]\n');
		expect(run({rule: 'qos-class', equals: 'BestEffort'}, none).passed).toBe(true);
		const limitsOnly = withSpec(
			'  containers: [{name: a, image: x, resources: {limits: {cpu: 500m, memory: 128Mi}}}]\n',
		);
		expect(run({rule: 'qos-class', equals: 'Guaranteed'}, limitsOnly).passed).toBe(true);
		const equalValues = withSpec(
			'  containers: [{name: a, image: x, resources: {requests: {cpu: "0.5", memory: 128Mi}, limits: {cpu: 500m, memory: "134217728"}}}]\n',
		);
		expect(run({rule: 'qos-class', equals: 'Guaranteed'}, equalValues).passed).toBe(true);
		const cpuOnly = withSpec('  containers: [{name: a, image: x, resources: {limits: {cpu: 500m}}}]\n');
		expect(run({rule: 'qos-class', equals: 'Burstable'}, cpuOnly).passed).toBe(true);
	});

	it('share-process-namespace', () => {
		expect(run({rule: 'share-process-namespace', equals: false}).passed).toBe(true);
		expect(run({rule: 'share-process-namespace', equals: true}).message).toBe(
			'spec.shareProcessNamespace is not true, so each container keeps its own pid namespace',
		);
		const shared = withSpec('  shareProcessNamespace: true\n  containers: [{name: a, image: x}]\n');
		expect(run({rule: 'share-process-namespace', equals: true}, shared).passed).toBe(true);
		expect(run({rule: 'share-process-namespace', equals: false}, shared).passed).toBe(false);
	});

	it('init-order', () => {
		expect(run({rule: 'init-order', names: ['wait-db', 'migrate']}).passed).toBe(true);
		expect(run({rule: 'init-order', names: ['migrate', 'wait-db']}).message).toBe(
			'init container wait-db runs before migrate; init containers run one at a time in list order, so move migrate up',
		);
		expect(run({rule: 'init-order', names: ['wait-db', 'log-shipper']}).message).toBe(
			'log-shipper is a sidecar (init container with restartPolicy: Always), not a regular init container',
		);
		expect(run({rule: 'init-order', names: ['web']}).message).toBe(
			'web is an app container, not a regular init container',
		);
		expect(run({rule: 'init-order', names: ['seed']}).message).toBe('the Pod has no init container named seed');
	});

	it('label', () => {
		expect(run({rule: 'label', key: 'app'}).passed).toBe(true);
		expect(run({rule: 'label', key: 'app', value: 'web'}).passed).toBe(true);
		expect(run({rule: 'label', key: 'app', value: 'api'}).message).toBe('label app is "web", not "api"');
		expect(run({rule: 'label', key: 'team'}).message).toBe('metadata.labels has no team label');
	});

	it('reads the pod template of a workload', () => {
		const deployment = manifest(
			'kind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: x}, {name: b, image: y}]\n',
		);
		expect(run({rule: 'min-containers', count: 2}, deployment).passed).toBe(true);
	});

	it('never throws on odd shapes', () => {
		const odd = manifest(
			'kind: Pod\nmetadata: 3\nspec:\n  containers: {name: a}\n  initContainers: [7, null]\n  volumes: "x"\n',
		);
		for (const name of MANIFEST_RULE_NAMES) {
			const outcome = run(
				{
					rule: name,
					equals: 'Pod',
					count: 1,
					name: 'a',
					container: 'a',
					port: 80,
					resource: 'cpu',
					key: 'k',
					names: ['a'],
				},
				odd,
			);
			expect(typeof outcome.message).toBe('string');
		}
	});
});

describe('ruleProblems', () => {
	it('accepts well-formed rules', () => {
		expect(ruleProblems({rule: 'port', container: 'web', port: 80}, 'rules[0]')).toEqual([]);
		expect(
			ruleProblems(
				{rule: 'effective-request', resource: 'memory', equals: '320Mi', feedback: 'Add both.'},
				'rules[1]',
			),
		).toEqual([]);
	});
	it('names the unknown rule and lists the known ones', () => {
		const [problem] = ruleProblems({rule: 'sidecar'}, 'rules[2]');
		expect(problem.path).toBe('rules[2].rule');
		expect(problem.message).toContain('unknown rule "sidecar"; known rules: kind, min-containers');
	});
	it('reports missing, mistyped and unknown parameters by path', () => {
		expect(ruleProblems({rule: 'min-containers', count: 1.5}, 'rules[2]')).toEqual([
			{path: 'rules[2].count', message: 'expected a whole number of at least 1'},
		]);
		expect(ruleProblems({rule: 'port', container: 'web'}, 'rules[0]')).toEqual([
			{path: 'rules[0].port', message: 'rule port needs port'},
		]);
		expect(
			ruleProblems({rule: 'effective-request', resource: 'gpu', equals: '1x'}, 'rules[3]').map((p) => p.path),
		).toEqual(['rules[3].resource', 'rules[3].equals']);
		expect(ruleProblems({rule: 'shared-emptydir', contaners: ['a']}, 'rules[1]')).toEqual([
			{
				path: 'rules[1].contaners',
				message: 'not a parameter of rule shared-emptydir (its parameters: volume, containers, mountPaths)',
			},
		]);
		expect(ruleProblems({rule: 'distinct-ports', port: 80}, 'rules[4]')[0].message).toContain('it takes none');
		expect(ruleProblems({rule: 'qos-class', equals: 'guaranteed'}, 'rules[0]')[0].message).toBe(
			'expected Guaranteed, Burstable or BestEffort',
		);
		expect(ruleProblems({rule: 'share-process-namespace', equals: 'yes'}, 'rules[0]')[0].message).toBe(
			'expected true or false',
		);
		expect(ruleProblems({rule: 'init-order', names: []}, 'rules[0]')[0].message).toBe(
			'expected a list of container names',
		);
		expect(ruleProblems({rule: 'shared-emptydir', mountPaths: {app: 'data'}}, 'rules[0]')[0].message).toContain(
			'absolute mount path',
		);
	});
	it('an invalid rule fails at check time instead of throwing', () => {
		expect(runRule({rule: 'port', container: 'web'}, SIDECAR_POD)).toEqual({
			passed: false,
			message: "the exercise's rule is invalid (rule.port: rule port needs port)",
		});
	});
	it('labels a rule by its name and parameters', () => {
		expect(ruleLabel({rule: 'shared-emptydir', volume: 'v', containers: ['a', 'b'], feedback: 'x'})).toBe(
			'shared-emptydir volume=v containers=a,b',
		);
	});
});
