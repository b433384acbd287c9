/**
 * podman: real Pods with an infra (pause) container, on a machine without a cluster.
 * `podman kube play` runs the lesson's Pod manifest; containers it makes are named
 * `<pod>-<container>`.
 */
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import yaml from 'js-yaml';
import type {
	BackendReport,
	ContainerState,
	Exec,
	LiveContainer,
	LiveBackend,
	MeasuredNamespaces,
	NsInodes,
	LivePod,
} from './backend.js';
import {fail, ok, type Result} from '../result.js';
import {describeFailure, succeeded, runCommand, type RunResult} from './command-runner.js';
import {asArray, asNumber, asObject, asString, parseJson, stringRecord, type JsonObject} from '../k8s/json-reading.js';
import {readProcNamespaces, type ReadLink} from './proc-namespaces.js';
import {carriesTutorLabels, MANAGED_BY_KEY, MANAGED_BY_VALUE, USER_KEY} from './tutor-labels.js';

export interface PodmanBackendOptions {
	readonly user: string;
	readonly exec?: Exec;
	readonly readLink?: ReadLink;
	readonly binary?: string;
	/** Environment for the tool (PATH decides which binary runs). */
	readonly env?: NodeJS.ProcessEnv;
}

const QUICK = 15_000;
const SLOW = 180_000;

function stateOf(status: string | undefined): ContainerState {
	switch (status) {
		case 'running':
			return 'running';
		case 'created':
		case 'configured':
		case 'initialized':
			return 'waiting';
		case 'exited':
		case 'stopped':
			return 'terminated';
		default:
			return 'unknown';
	}
}

export function livePodFromPodman(podObject: unknown, containerObjects: unknown): LivePod | undefined {
	const pod = asObject(Array.isArray(podObject) ? podObject[0] : podObject);
	const name = asString(pod?.Name);
	if (!pod || !name) return undefined;
	const infraId = asString(pod.InfraContainerID);
	let sandbox: LivePod['sandbox'];
	let ip: string | undefined;
	const containers: LiveContainer[] = [];
	const specContainers: JsonObject[] = [];
	const volumes = new Set<string>();
	for (const item of asArray(containerObjects)) {
		const container = asObject(item);
		if (!container) continue;
		const id = asString(container.Id);
		const config = asObject(container.Config) ?? {};
		const state = asObject(container.State) ?? {};
		const pid = asNumber(state.Pid) || undefined;
		const image = asString(container.ImageName) ?? asString(config.Image) ?? '';
		if (id && id === infraId) {
			sandbox = {id, pid, image};
			const networks = asObject(asObject(container.NetworkSettings)?.Networks) ?? {};
			ip =
				Object.values(networks)
					.map((n) => asString(asObject(n)?.IPAddress))
					.find((x) => x) ??
				(asString(asObject(container.NetworkSettings)?.IPAddress) || undefined);
			continue;
		}
		const fullName = asString(container.Name) ?? '';
		const short = fullName.startsWith(`${name}-`) ? fullName.slice(name.length + 1) : fullName;
		const mounts = asArray(container.Mounts).flatMap((m) => {
			const mount = asObject(m);
			const path = asString(mount?.Destination);
			if (!path) return [];
			const stored = mount?.Type === 'volume' ? asString(mount.Name) : undefined;
			const volume = stored?.startsWith(`${name}-`) ? stored.slice(name.length + 1) : stored;
			if (volume) volumes.add(volume);
			return [{volume, path}];
		});
		const status = asString(state.Status);
		const exitCode = asNumber(state.ExitCode);
		const containerState = stateOf(status);
		containers.push({
			name: short,
			image,
			state: containerState,
			reason:
				containerState === 'terminated'
					? `exit code ${exitCode ?? '?'}`
					: containerState === 'waiting'
						? status
						: undefined,
			restartCount: asNumber(container.RestartCount),
			id,
			pid,
			mounts,
		});
		specContainers.push({
			name: short,
			image,
			// Path + Args is the argv podman started; Config.Entrypoint is a joined string in podman 4.3.
			command: asString(container.Path)
				? [asString(container.Path), ...asArray(container.Args).filter((x) => typeof x === 'string')]
				: [],
			volumeMounts: mounts.filter((m) => m.volume).map((m) => ({name: m.volume, mountPath: m.path})),
		});
	}
	const order = (a: {name: string}, b: {name: string}) => a.name.localeCompare(b.name);
	containers.sort(order);
	specContainers.sort((a, b) => String(a.name).localeCompare(String(b.name)));
	const labels = stringRecord(pod.Labels);
	return {
		name,
		ip,
		status: asString(pod.State),
		labels,
		sandbox,
		containers,
		manifest: {
			apiVersion: 'v1',
			kind: 'Pod',
			metadata: {name, labels},
			// podman keeps an emptyDir of `kube play` as a volume of the same name, alive as long as the Pod.
			spec: {containers: specContainers, volumes: [...volumes].map((v) => ({name: v, emptyDir: {}}))},
		},
	};
}

/**
 * Two differences between podman 4.3's `kube play` and a cluster, smoothed over:
 * - an emptyDir becomes a named volume of the same name, which two Pods with a `shared-data`
 *   volume would then share. Prefixing the volume with the Pod's name keeps it the Pod's own,
 *   as an emptyDir is; livePodFromPodman takes the prefix off again.
 * - a containerPort is published on the host, so a second Pod serving 8080 fails with "address
 *   already in use". In a cluster containerPort is informational; the lessons reach the port on
 *   localhost inside the Pod, so it is left out here.
 */
export function podmanPlayable(manifest: Record<string, unknown>): Record<string, unknown> {
	const podName = asString(asObject(manifest.metadata)?.name) ?? '';
	const spec = asObject(manifest.spec);
	if (!spec || !podName) return manifest;
	const renamed = new Map<string, string>();
	const volumes = asArray(spec.volumes).map((v) => {
		const volume = asObject(v);
		const name = asString(volume?.name);
		if (!volume || !name || !asObject(volume.emptyDir)) return v;
		renamed.set(name, `${podName}-${name}`);
		return {...volume, name: `${podName}-${name}`};
	});
	const rename = (list: unknown) =>
		asArray(list).map((c) => {
			const container = asObject(c);
			if (!container) return c;
			const {ports: _published, ...rest} = container;
			return {
				...rest,
				volumeMounts: asArray(container.volumeMounts).map((m) => {
					const mount = asObject(m);
					const name = asString(mount?.name);
					return mount && name && renamed.has(name) ? {...mount, name: renamed.get(name)} : m;
				}),
			};
		});
	const renamedSpec: Record<string, unknown> = {...spec, volumes, containers: rename(spec.containers)};
	if (spec.initContainers !== undefined) renamedSpec.initContainers = rename(spec.initContainers);
	return {...manifest, spec: renamedSpec};
}

export class PodmanBackend implements LiveBackend {
	readonly tool = 'podman' as const;
	private readonly exec: Exec;
	private readonly readLink?: ReadLink;
	private readonly binary: string;

	constructor(private readonly options: PodmanBackendOptions) {
		this.exec = options.exec ?? runCommand;
		this.readLink = options.readLink;
		this.binary = options.binary ?? 'podman';
	}

	private run(args: readonly string[], timeoutMs = QUICK, input?: string): Promise<RunResult> {
		return this.exec({file: this.binary, args, timeoutMs, input, env: this.options.env});
	}

	argvFor(args: readonly string[]) {
		return {file: this.binary, args};
	}

	async detect(): Promise<BackendReport> {
		const started = Date.now();
		// `--version`, not `podman version`: rootless, `podman version` already joins the user
		// namespace and starts podman's pause process (catatonit), which then outlives the tutor.
		const version = await this.run(['--version']);
		const base = {tool: this.tool, durationMs: 0};
		if (version.outcome === 'not-found') {
			return {
				...base,
				installed: false,
				usable: false,
				problem: 'podman is not installed',
				nextStep: 'install podman (Debian/Ubuntu: `apt-get install podman`) to run real Pods without a cluster',
				durationMs: Date.now() - started,
			};
		}
		if (!succeeded(version)) {
			return {
				...base,
				installed: true,
				usable: false,
				problem: describeFailure(version, 'podman --version'),
				nextStep: 'run `podman info` to see what podman needs',
				durationMs: Date.now() - started,
			};
		}
		// `podman --version` is the whole check: `podman info` would set up storage and, rootless, the
		// pause process; a runtime problem shows on the learner's first real step instead.
		return {
			...base,
			installed: true,
			version: version.stdout.trim().replace(/^podman version /i, ''),
			usable: true,
			durationMs: Date.now() - started,
		};
	}

	async getPod(name: string): Promise<Result<LivePod>> {
		const pod = await this.run(['pod', 'inspect', name]);
		if (!succeeded(pod)) {
			if (/no such pod/i.test(pod.stderr)) return fail(`podman has no Pod named ${name} (see \`podman pod ps\`)`);
			return fail(describeFailure(pod, `podman pod inspect ${name}`));
		}
		const podJson = parseJson(pod.stdout, 'podman pod inspect');
		if (!podJson.ok) return fail(podJson.error);
		const podObject = asObject(Array.isArray(podJson.value) ? podJson.value[0] : podJson.value);
		const ids = asArray(podObject?.Containers).flatMap((c) => asString(asObject(c)?.Id) ?? []);
		if (ids.length === 0) return fail(`the Pod ${name} has no containers`);
		const containers = await this.run(['inspect', '--type', 'container', ...ids]);
		if (!succeeded(containers)) return fail(describeFailure(containers, 'podman inspect'));
		const containersJson = parseJson(containers.stdout, 'podman inspect');
		if (!containersJson.ok) return fail(containersJson.error);
		const view = livePodFromPodman(podObject, containersJson.value);
		return view ? ok(view) : fail(`podman pod inspect ${name} printed something that is not a Pod`);
	}

	async readNamespaces(pod: LivePod): Promise<Result<MeasuredNamespaces>> {
		const errors: string[] = [];
		const read = async (pid: number | undefined, who: string): Promise<NsInodes | undefined> => {
			if (!pid) {
				errors.push(`${who} is not running, so it has no namespaces to read`);
				return undefined;
			}
			const result = await readProcNamespaces(pid, this.readLink);
			errors.push(...result.errors);
			return result.inodes;
		};
		const containers: Record<string, NsInodes> = {};
		const [sandbox] = await Promise.all([
			read(pod.sandbox?.pid, 'the infra container'),
			...pod.containers.map(async (c) => {
				const inodes = await read(c.pid, `container ${c.name}`);
				if (inodes) containers[c.name] = inodes;
			}),
		]);
		if (Object.keys(containers).length === 0 && !sandbox)
			return fail(errors.join('\n') || 'no running process to read');
		return ok({sandbox, containers});
	}

	async createPod(manifest: Record<string, unknown>): Promise<Result<string>> {
		const labels = stringRecord(asObject(asObject(manifest.metadata)?.labels));
		if (!carriesTutorLabels(labels, this.options.user))
			return fail("refusing to create a Pod without the tutor's labels");
		const dir = await mkdtemp(join(tmpdir(), 'pod-tutor-'));
		const file = join(dir, 'pod.yaml');
		try {
			await writeFile(file, yaml.dump(podmanPlayable(manifest)));
			const result = await this.run(['kube', 'play', file], SLOW);
			if (!succeeded(result)) return fail(describeFailure(result, 'podman kube play'));
			return ok(String(asObject(manifest.metadata)?.name ?? ''));
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	}

	async deletePod(name: string): Promise<Result<string>> {
		const pod = await this.getPod(name);
		if (!pod.ok) return pod;
		if (!carriesTutorLabels(pod.value.labels, this.options.user)) {
			return fail(`the Pod ${name} was not created by the tutor for ${this.options.user}; leaving it alone`);
		}
		return this.removePods([name]).then((r) => (r.ok ? ok(name) : r));
	}

	private async removePods(names: readonly string[]): Promise<Result<readonly string[]>> {
		if (names.length === 0) return ok([]);
		// busybox ignores SIGTERM, so a grace period only adds 10 s per container.
		const args = ['pod', 'rm', '--force', '--time', '0', ...names];
		let result = await this.run(args, SLOW);
		// A container that podman restarts at that moment (a crash-looping scenario) can make one
		// removal fail; a second one finds it stopped. --ignore: what the first removed is gone.
		if (!succeeded(result)) result = await this.run([...args.slice(0, 2), '--ignore', ...args.slice(2)], SLOW);
		if (!succeeded(result)) return fail(describeFailure(result, 'podman pod rm'));
		return ok(names);
	}

	async cleanup(): Promise<Result<readonly string[]>> {
		const list = await this.run([
			'pod',
			'ps',
			'--filter',
			`label=${MANAGED_BY_KEY}=${MANAGED_BY_VALUE}`,
			'--filter',
			`label=${USER_KEY}=${this.options.user}`,
			'--format',
			'json',
		]);
		if (!succeeded(list)) return fail(describeFailure(list, 'podman pod ps'));
		const parsed = parseJson(list.stdout || '[]', 'podman pod ps');
		if (!parsed.ok) return fail(parsed.error);
		// The filter already selects by label; checking again here keeps a podman filter quirk from ever widening the selection.
		const names = asArray(parsed.value).flatMap((p) => {
			const pod = asObject(p);
			const name = asString(pod?.Name);
			return name && carriesTutorLabels(stringRecord(pod?.Labels), this.options.user) ? [name] : [];
		});
		return this.removePods(names);
	}
}
