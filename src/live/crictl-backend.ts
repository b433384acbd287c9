/**
 * crictl: the CRI runtime on a node (containerd, CRI-O), usually through a root-owned socket.
 * It shows what kubectl hides: the Pod sandbox (pause) and host PIDs. The tutor only reads
 * through crictl; the kubelet owns the Pods there, and anything crictl created would be
 * invisible to the cluster.
 */
import type {BackendReport, Exec, LiveBackend, MeasuredNamespaces, NsInodes, LivePod} from './backend.js';
import {fail, ok, type Result} from '../result.js';
import {describeFailure, succeeded, runCommand, type RunResult} from './command-runner.js';
import {
	containerFromInspect,
	containersFromPs,
	crictlProblem,
	livePodFromCrictl,
	sandboxFromInspectp,
	type CrictlContainer,
} from './crictl-pod.js';
import {parseJson} from '../k8s/json-reading.js';
import {readNamespacesInside, readProcNamespaces, type ReadLink} from './proc-namespaces.js';

export interface CrictlBackendOptions {
	/** --runtime-endpoint; by default crictl's own (CONTAINER_RUNTIME_ENDPOINT, /etc/crictl.yaml, containerd's socket). */
	readonly endpoint?: string;
	readonly exec?: Exec;
	readonly readLink?: ReadLink;
	readonly binary?: string;
	/** Environment for the tool (PATH decides which binary runs). */
	readonly env?: NodeJS.ProcessEnv;
}

const TIMEOUT = 15_000;

export class CrictlBackend implements LiveBackend {
	readonly tool = 'crictl' as const;
	private readonly exec: Exec;
	private readonly binary: string;

	constructor(private readonly options: CrictlBackendOptions = {}) {
		this.exec = options.exec ?? runCommand;
		this.binary = options.binary ?? 'crictl';
	}

	private flags(): string[] {
		return this.options.endpoint ? ['--runtime-endpoint', this.options.endpoint] : [];
	}

	private run(args: readonly string[]): Promise<RunResult> {
		return this.exec({
			file: this.binary,
			args: [...this.flags(), ...args],
			timeoutMs: TIMEOUT,
			env: this.options.env,
		});
	}

	private failure<T>(result: RunResult, what: string): Result<T> {
		if (result.outcome !== 'exited') return fail(describeFailure(result, what));
		const {problem, nextStep} = crictlProblem(result.stderr, this.options.endpoint);
		return fail(`${what}: ${problem} — ${nextStep}`);
	}

	argvFor(args: readonly string[]) {
		return {file: this.binary, args: [...this.flags(), ...args]};
	}

	async detect(): Promise<BackendReport> {
		const started = Date.now();
		const result = await this.run(['version']);
		const base = {tool: this.tool, endpoint: this.options.endpoint};
		if (result.outcome === 'not-found') {
			return {
				...base,
				installed: false,
				usable: false,
				problem: 'crictl is not installed',
				nextStep:
					'on a Kubernetes node install cri-tools (https://github.com/kubernetes-sigs/cri-tools) to see Pod sandboxes and pause containers',
				durationMs: Date.now() - started,
			};
		}
		if (!succeeded(result)) {
			const {problem, nextStep} =
				result.outcome === 'exited'
					? crictlProblem(result.stderr, this.options.endpoint)
					: {
							problem: describeFailure(result, 'crictl version'),
							nextStep: 'check that the runtime is running',
						};
			return {...base, installed: true, usable: false, problem, nextStep, durationMs: Date.now() - started};
		}
		const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(result.stdout)?.[1]?.trim();
		const runtime = [field('RuntimeName'), field('RuntimeVersion')].filter(Boolean).join(' ');
		return {
			...base,
			installed: true,
			usable: true,
			version: `crictl ${field('Version') ?? '?'}${runtime ? `, ${runtime}` : ''}`,
			durationMs: Date.now() - started,
		};
	}

	async getPod(name: string): Promise<Result<LivePod>> {
		const ids = await this.run(['pods', '--name', name, '-q']);
		if (!succeeded(ids)) return this.failure(ids, 'crictl pods');
		const sandboxId = ids.stdout
			.split('\n')
			.map((l) => l.trim())
			.find(Boolean);
		if (!sandboxId) return fail(`the runtime has no Pod sandbox named ${name} (see \`crictl pods\`)`);
		const inspectp = await this.run(['inspectp', sandboxId]);
		if (!succeeded(inspectp)) return this.failure(inspectp, `crictl inspectp ${sandboxId}`);
		const sandboxJson = parseJson(inspectp.stdout, 'crictl inspectp');
		if (!sandboxJson.ok) return fail(sandboxJson.error);
		const sandbox = sandboxFromInspectp(sandboxJson.value);
		if (!sandbox) return fail('crictl inspectp printed something that is not a Pod sandbox');
		const ps = await this.run(['ps', '--pod', sandboxId, '-o', 'json']);
		if (!succeeded(ps)) return this.failure(ps, 'crictl ps');
		const psJson = parseJson(ps.stdout, 'crictl ps');
		if (!psJson.ok) return fail(psJson.error);
		const containers: CrictlContainer[] = [];
		for (const entry of containersFromPs(psJson.value)) {
			const inspect = await this.run(['inspect', entry.id]);
			if (!succeeded(inspect)) return this.failure(inspect, `crictl inspect ${entry.id}`);
			const json = parseJson(inspect.stdout, 'crictl inspect');
			if (!json.ok) return fail(json.error);
			const container = containerFromInspect(json.value);
			if (container) containers.push(container);
		}
		return ok(livePodFromCrictl(sandbox, containers));
	}

	/**
	 * On the node, /proc/PID/ns for the PIDs crictl reports (the sandbox included). When /proc
	 * cannot be read (another PID namespace, no permission) each container is asked from inside.
	 */
	async readNamespaces(pod: LivePod): Promise<Result<MeasuredNamespaces>> {
		const errors: string[] = [];
		const fromProc = async (pid: number | undefined): Promise<NsInodes | undefined> => {
			if (!pid) return undefined;
			const result = await readProcNamespaces(pid, this.options.readLink);
			errors.push(...result.errors);
			return result.errors.length === 0 ? result.inodes : undefined;
		};
		const fromExec = async (id: string | undefined, name: string): Promise<NsInodes | undefined> => {
			if (!id) return undefined;
			const read = await readNamespacesInside(name, (type) =>
				this.run(['exec', id, '/bin/busybox', 'readlink', `/proc/self/ns/${type}`]),
			);
			errors.push(...read.errors);
			return Object.keys(read.inodes).length > 0 ? read.inodes : undefined;
		};
		const sandbox = await fromProc(pod.sandbox?.pid);
		const containers: Record<string, NsInodes> = {};
		for (const container of pod.containers) {
			const inodes =
				(await fromProc(container.pid)) ??
				(container.state === 'running' ? await fromExec(container.id, container.name) : undefined);
			if (inodes) containers[container.name] = inodes;
		}
		if (!sandbox && Object.keys(containers).length === 0)
			return fail(errors.join('\n') || 'nothing could be measured');
		return ok({sandbox, containers});
	}

	async createPod(): Promise<Result<string>> {
		return fail(
			'the tutor does not create Pods through crictl (the kubelet would not know them): use --backend kubectl or --backend podman',
		);
	}

	async deletePod(): Promise<Result<string>> {
		return fail('the tutor does not delete Pods through crictl: use --backend kubectl or --backend podman');
	}

	async cleanup(): Promise<Result<readonly string[]>> {
		return ok([]);
	}
}
