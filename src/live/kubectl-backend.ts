/**
 * kubectl: the learner's cluster through the current kubeconfig. Every call carries
 * --request-timeout (an unreachable API server otherwise hangs until TCP gives up), the context
 * and the tutor's namespace; the tutor never works in any other namespace.
 */
import type {BackendReport, Exec, LiveBackend, MeasuredNamespaces, NsInodes, LivePod} from './backend.js';
import {fail, ok, type Result} from '../result.js';
import {describeFailure, succeeded, lastLines, runCommand, type RunResult} from './command-runner.js';
import {isLocalContext} from './context-safety.js';
import {asArray, asObject, asString, parseJson} from '../k8s/json-reading.js';
import {livePodFromKubectl} from './kubectl-pod.js';
import {readNamespacesInside} from './proc-namespaces.js';
import {carriesTutorLabels, MANAGED_BY_KEY, MANAGED_BY_VALUE, tutorSelector} from './tutor-labels.js';
import {forbiddenProblem, parseForbidden} from '../lab/kubectl-forbidden.js';

export interface KubectlBackendOptions {
	readonly namespace: string;
	readonly user: string;
	/** Context to use; by default the kubeconfig's current context. */
	readonly context?: string;
	/** Contexts the learner confirmed once with --context NAME. */
	readonly confirmedContexts?: readonly string[];
	readonly exec?: Exec;
	readonly binary?: string;
	readonly env?: NodeJS.ProcessEnv;
	/** Seconds kubectl waits for the API server. */
	readonly requestTimeoutSeconds?: number;
}

/** What went wrong, from kubectl's stderr, with what to do about it. */
export function kubectlProblem(stderr: string, context?: string): {problem: string; nextStep: string} {
	if (/current-context is not set|current-context must exist/i.test(stderr)) {
		return {
			problem: 'no current context',
			nextStep: 'run `kubectl config use-context NAME` or point KUBECONFIG at your cluster',
		};
	}
	if (/context was not found|no context exists with the name/i.test(stderr)) {
		return {
			problem: `no context named ${context ?? '(unknown)'} in the kubeconfig`,
			nextStep: 'list the contexts with `kubectl config get-contexts`',
		};
	}
	const refused = /The connection to the server (\S+) was refused/.exec(stderr);
	if (refused) {
		return {
			problem: `the API server ${refused[1]} refused the connection`,
			nextStep:
				'start the cluster (e.g. `kind create cluster`, `minikube start`) or fix the server address in the kubeconfig',
		};
	}
	if (
		/Client\.Timeout|context deadline exceeded|i\/o timeout|request canceled|Timeout exceeded|TLS handshake timeout/i.test(
			stderr,
		)
	) {
		return {
			problem: 'the API server did not answer in time',
			nextStep: 'check that the cluster is up and reachable from here (VPN? firewall?)',
		};
	}
	const forbidden = parseForbidden(stderr);
	if (forbidden) return forbiddenProblem(forbidden);
	if (/Unauthorized|forbidden/i.test(stderr)) {
		return {
			problem: 'the cluster refused the request (not allowed)',
			nextStep: 'ask for access to the namespace, or log in again (`kubectl auth whoami`)',
		};
	}
	return {
		problem: lastLines(stderr, 3) || 'kubectl failed',
		nextStep: 'run `kubectl cluster-info` to see what is wrong',
	};
}

/** The most detection may take, all calls together: a silent API server must not hold a learner longer. */
export const DETECT_BUDGET_MS = 8000;
const LOCAL_TIMEOUT = '--request-timeout=1s';

export class KubectlBackend implements LiveBackend {
	readonly tool = 'kubectl' as const;
	readonly namespace: string;
	private readonly exec: Exec;
	private readonly binary: string;
	private readonly timeout: number;

	constructor(private readonly options: KubectlBackendOptions) {
		this.namespace = options.namespace;
		this.exec = options.exec ?? runCommand;
		this.binary = options.binary ?? 'kubectl';
		this.timeout = options.requestTimeoutSeconds ?? 10;
	}

	/** The flags every cluster call carries. */
	private clusterFlags(): string[] {
		const flags = [`--request-timeout=${this.timeout}s`];
		if (this.options.context) flags.push('--context', this.options.context);
		flags.push('--namespace', this.namespace);
		return flags;
	}

	private run(args: readonly string[], input?: string, timeoutMs?: number): Promise<RunResult> {
		return this.exec({
			file: this.binary,
			args,
			input,
			env: this.options.env,
			// A little beyond kubectl's own limit, so kubectl's message wins when it gives up itself.
			timeoutMs: timeoutMs ?? (this.timeout + 5) * 1000,
		});
	}

	private runCluster(args: readonly string[], input?: string, timeoutMs?: number): Promise<RunResult> {
		return this.run([...this.clusterFlags(), ...args], input, timeoutMs);
	}

	/**
	 * kubectl retries API discovery several times, each try allowed the whole --request-timeout,
	 * so a server that never answers would hold `kubectl get` for five times the limit; the
	 * runner's own timeout stops it first.
	 */
	private noAnswer(server?: string, seconds = this.timeout): {problem: string; nextStep: string} {
		const who = server ? `the API server ${server}` : 'the API server';
		return {
			problem: `${who} did not answer within ${seconds} s`,
			nextStep: 'check that the cluster is up and reachable from here (VPN? firewall?)',
		};
	}

	private failure<T>(result: RunResult, what: string): Result<T> {
		if (result.outcome === 'timed-out') {
			const {problem, nextStep} = this.noAnswer();
			return fail(`${what}: ${problem} — ${nextStep}`);
		}
		if (result.outcome !== 'exited') return fail(describeFailure(result, what));
		const {problem, nextStep} = kubectlProblem(result.stderr, this.options.context);
		return fail(`${what}: ${problem} — ${nextStep}`);
	}

	argvFor(args: readonly string[]) {
		return {file: this.binary, args: [...this.clusterFlags(), ...args]};
	}

	async detect(): Promise<BackendReport> {
		const started = Date.now();
		const done = (report: Omit<BackendReport, 'tool' | 'durationMs'>): BackendReport => ({
			tool: this.tool,
			...report,
			durationMs: Date.now() - started,
		});
		// kubectl contacts the API server even for these local commands (a silent one holds each for
		// 5 s), so they get a short --request-timeout of their own.
		const version = await this.run([LOCAL_TIMEOUT, 'version', '--client', '-o', 'json']);
		if (version.outcome === 'not-found') {
			return done({
				installed: false,
				usable: false,
				problem: 'kubectl is not installed',
				nextStep: 'install kubectl (https://kubernetes.io/docs/tasks/tools/) to use a cluster',
			});
		}
		if (!succeeded(version)) {
			return done({
				installed: true,
				usable: false,
				problem: describeFailure(version, 'kubectl version --client'),
				nextStep: 'reinstall kubectl',
			});
		}
		const versionJson = parseJson(version.stdout, 'kubectl version');
		const clientVersion = versionJson.ok
			? asString(asObject(asObject(versionJson.value)?.clientVersion)?.gitVersion)
			: undefined;

		const contextArgs = this.options.context ? ['--context', this.options.context] : [];
		const config = await this.run([LOCAL_TIMEOUT, 'config', 'view', '--minify', '-o', 'json', ...contextArgs]);
		if (!succeeded(config)) {
			const {problem, nextStep} =
				config.outcome === 'exited'
					? kubectlProblem(config.stderr, this.options.context)
					: {problem: describeFailure(config, 'kubectl config view'), nextStep: 'check the kubeconfig'};
			return done({
				installed: true,
				version: clientVersion,
				usable: false,
				problem,
				nextStep,
				namespace: this.namespace,
			});
		}
		const configJson = parseJson(config.stdout, 'kubectl config view');
		const kubeconfig = configJson.ok ? asObject(configJson.value) : undefined;
		const context = this.options.context ?? asString(kubeconfig?.['current-context']);
		if (!context) {
			return done({
				installed: true,
				version: clientVersion,
				usable: false,
				namespace: this.namespace,
				...kubectlProblem('current-context is not set'),
			});
		}
		const server = asString(asObject(asObject(asArray(kubeconfig?.clusters)[0])?.cluster)?.server);
		const local = isLocalContext(context, server);
		const confirmed = local || (this.options.confirmedContexts ?? []).includes(context);
		const base = {installed: true, version: clientVersion, context, server, namespace: this.namespace, local};
		if (!confirmed) {
			// Not even a request goes to a cluster the learner has not named as theirs to practise on.
			return done({
				...base,
				usable: false,
				needsConfirmation: true,
				problem: `the context ${context} does not look like a cluster on this machine`,
				nextStep:
					`if it is yours to practise on, confirm once with \`--context ${context}\` ` +
					`(the tutor then works only in the namespace ${this.namespace})`,
			});
		}
		// Detection holds a live key (and doctor) until it answers: the API server gets what is left
		// of DETECT_BUDGET_MS, and kubectl's discovery retries are cut off by the runner.
		const seconds = Math.max(
			1,
			Math.min(this.timeout, Math.floor((DETECT_BUDGET_MS - (Date.now() - started)) / 1000) - 2),
		);
		const reachArgs = [
			`--request-timeout=${seconds}s`,
			...this.clusterFlags().slice(1),
			'get',
			'--raw',
			'/version',
		];
		const reach = await this.run(reachArgs, undefined, (seconds + 1) * 1000);
		if (!succeeded(reach)) {
			const silent =
				reach.outcome !== 'exited' ||
				/Client\.Timeout|context deadline exceeded|i\/o timeout|Timeout exceeded|TLS handshake timeout/i.test(
					reach.stderr,
				);
			const {problem, nextStep} = silent ? this.noAnswer(server, seconds) : kubectlProblem(reach.stderr, context);
			return done({...base, usable: false, problem, nextStep});
		}
		return done({...base, usable: true});
	}

	async getPod(name: string): Promise<Result<LivePod>> {
		const result = await this.runCluster(['get', 'pod', name, '-o', 'json']);
		if (!succeeded(result)) {
			if (/NotFound|not found/.test(result.stderr))
				return fail(`there is no Pod ${name} in the namespace ${this.namespace}`);
			return this.failure(result, `kubectl get pod ${name}`);
		}
		const json = parseJson(result.stdout, 'kubectl get pod');
		if (!json.ok) return fail(json.error);
		const view = livePodFromKubectl(json.value);
		return view ? ok(view) : fail(`kubectl get pod ${name} printed something that is not a Pod`);
	}

	async listPods(selector: string): Promise<Result<readonly LivePod[]>> {
		const result = await this.runCluster(['get', 'pods', '-l', selector, '-o', 'json']);
		if (!succeeded(result)) return this.failure(result, `kubectl get pods -l ${selector}`);
		const json = parseJson(result.stdout, 'kubectl get pods');
		if (!json.ok) return fail(json.error);
		return ok(asArray(asObject(json.value)?.items).flatMap((item) => livePodFromKubectl(item) ?? []));
	}

	/** The pause container is not visible through the API: only the app containers are measured, from inside. */
	async readNamespaces(pod: LivePod): Promise<Result<MeasuredNamespaces>> {
		const containers: Record<string, NsInodes> = {};
		const errors: string[] = [];
		await Promise.all(
			pod.containers.map(async (container) => {
				if (container.state !== 'running') {
					errors.push(`container ${container.name} is not running`);
					return;
				}
				const read = await readNamespacesInside(container.name, (type) =>
					this.runCluster([
						'exec',
						pod.name,
						'-c',
						container.name,
						'--',
						'readlink',
						`/proc/self/ns/${type}`,
					]),
				);
				errors.push(...read.errors);
				const inodes = read.inodes;
				if (Object.keys(inodes).length > 0) containers[container.name] = inodes;
			}),
		);
		if (Object.keys(containers).length === 0) return fail(errors.join('\n') || 'no container could be measured');
		return ok({containers});
	}

	private async ensureNamespace(): Promise<Result<void>> {
		const get = await this.run([
			`--request-timeout=${this.timeout}s`,
			...(this.options.context ? ['--context', this.options.context] : []),
			'get',
			'namespace',
			this.namespace,
			'-o',
			'name',
		]);
		if (succeeded(get)) return ok(undefined);
		if (!/NotFound|not found/.test(get.stderr)) return this.failure(get, `kubectl get namespace ${this.namespace}`);
		// Only the managed-by label: the namespace is shared by every learner and cleanup never deletes it.
		const namespace = {
			apiVersion: 'v1',
			kind: 'Namespace',
			metadata: {name: this.namespace, labels: {[MANAGED_BY_KEY]: MANAGED_BY_VALUE}},
		};
		const create = await this.run(
			[
				`--request-timeout=${this.timeout}s`,
				...(this.options.context ? ['--context', this.options.context] : []),
				'create',
				'-f',
				'-',
			],
			JSON.stringify(namespace),
		);
		if (create.outcome === 'exited' && (create.exitCode === 0 || /AlreadyExists/.test(create.stderr)))
			return ok(undefined);
		return this.failure(create, `kubectl create namespace ${this.namespace}`);
	}

	async createPod(manifest: Record<string, unknown>): Promise<Result<string>> {
		const metadata = asObject(manifest.metadata) ?? {};
		if (!carriesTutorLabels(asObject(metadata.labels) as Record<string, string> | undefined, this.options.user)) {
			return fail("refusing to create a Pod without the tutor's labels");
		}
		if (metadata.namespace !== undefined && metadata.namespace !== this.namespace) {
			return fail(
				`the manifest names the namespace ${String(metadata.namespace)}; the tutor works only in ${this.namespace}`,
			);
		}
		const namespace = await this.ensureNamespace();
		if (!namespace.ok) return namespace;
		const result = await this.runCluster(['create', '-f', '-', '-o', 'name'], JSON.stringify(manifest));
		if (!succeeded(result)) return this.failure(result, 'kubectl create');
		return ok(result.stdout.trim());
	}

	async deletePod(name: string): Promise<Result<string>> {
		// By label and name together: a Pod without the tutor's labels is never matched.
		const result = await this.runCluster([
			'delete',
			'pod',
			'-l',
			tutorSelector(this.options.user),
			'--field-selector',
			`metadata.name=${name}`,
			'--wait=false',
			'-o',
			'name',
		]);
		if (!succeeded(result)) return this.failure(result, `kubectl delete pod ${name}`);
		if (result.stdout.trim() === '')
			return fail(`no Pod ${name} created by the tutor for ${this.options.user} in ${this.namespace}`);
		return ok(result.stdout.trim());
	}

	async cleanup(): Promise<Result<readonly string[]>> {
		const result = await this.runCluster([
			'delete',
			'deployments,pods,services,configmaps',
			'-l',
			tutorSelector(this.options.user),
			'--wait=false',
			'-o',
			'name',
		]);
		if (!succeeded(result)) return this.failure(result, 'kubectl delete');
		return ok(
			result.stdout
				.split('\n')
				.map((l) => l.trim())
				.filter(Boolean),
		);
	}
}
