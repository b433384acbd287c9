// Times building the model of a 6-container Pod and laying it out at 80 columns. The engine is
// TypeScript, so it is bundled with esbuild into a temporary file first and imported from there.
import {build} from 'esbuild';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-bench-'));
const entry = join(dir, 'entry.mjs');
try {
	await build({
		stdin: {
			contents: `export {extractPodSpecs} from './src/k8s/workload.ts';
export {buildPodModel} from './src/diagram/pod-model.ts';
export {layoutPod} from './src/diagram/pod-diagram.ts';`,
			resolveDir: root,
			loader: 'ts',
		},
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		outfile: entry,
		logLevel: 'warning',
	});
	const {extractPodSpecs, buildPodModel, layoutPod} = await import(pathToFileURL(entry).href);

	const container = (name, port, extra = {}) => ({
		name,
		image: `registry.example.com/team/${name}:1.4.2`,
		command: ['/bin/server', '--listen', `:${port}`],
		ports: [{containerPort: port}],
		volumeMounts: [{name: 'shared-data', mountPath: '/data'}],
		resources: {requests: {cpu: '100m', memory: '128Mi'}, limits: {cpu: '500m', memory: '256Mi'}},
		...extra,
	});
	const doc = {
		apiVersion: 'v1',
		kind: 'Pod',
		metadata: {name: 'bench-six'},
		spec: {
			initContainers: [
				container('wait-for-db', 5432, {ports: []}),
				container('envoy-proxy', 9901, {restartPolicy: 'Always'}),
			],
			containers: [
				container('app', 8080),
				container('log-shipper', 24224),
				container('metrics-exporter', 9090),
				container('cache-warmer', 6379),
			],
			volumes: [{name: 'shared-data', emptyDir: {}}],
		},
	};

	const once = () => {
		const found = extractPodSpecs(doc);
		if (!found.ok) throw new Error(found.error);
		const built = buildPodModel(found.pods[0]);
		if (!built.ok) throw new Error(built.error);
		return layoutPod(built.model, {width: 80, charset: 'unicode', color: false});
	};

	const warmup = 200;
	const runs = 2000;
	for (let i = 0; i < warmup; i++) once();
	const times = [];
	for (let i = 0; i < runs; i++) {
		const start = process.hrtime.bigint();
		once();
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	times.sort((a, b) => a - b);
	const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
	const lines = once();
	console.log(`diagram: 6-container Pod at 80 columns (${lines.length} lines), ${runs} runs after ${warmup} warm-up`);
	console.log(
		`median ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, max ${times[times.length - 1].toFixed(3)} ms (target: under 5 ms)`,
	);
} finally {
	rmSync(dir, {recursive: true, force: true});
}
