/**
 * Finds out, all at once and within a time limit, which of kubectl, crictl and podman the tutor
 * can use. The UI starts this after its first frame and keeps working offline meanwhile.
 */
import {LIVE_TOOLS, type LiveTool} from '../content/types.js';
import type {BackendReport, Exec, LiveBackend} from './backend.js';
import {confirmedContextsPath, readConfirmedContexts, rememberContext, tutorConfigDir} from './context-safety.js';
import {CrictlBackend} from './crictl-backend.js';
import {DETECT_BUDGET_MS, KubectlBackend} from './kubectl-backend.js';
import type {LiveOptions} from './live-options.js';
import {PodmanBackend} from './podman-backend.js';
import type {ReadLink} from './proc-namespaces.js';
import {currentUserLabel} from './tutor-labels.js';

export interface DetectOptions {
	readonly live: LiveOptions;
	readonly env?: NodeJS.ProcessEnv;
	/** Where progress lives (GlobalOptions.configDir). */
	readonly configDir?: string;
	/** Whole-detection limit per backend. */
	readonly timeoutMs?: number;
	readonly exec?: Exec;
	readonly readLink?: ReadLink;
	/** Binaries to run instead of the tools on PATH (tests). */
	readonly binaries?: Partial<Record<LiveTool, string>>;
}

export interface DetectedBackend {
	readonly report: BackendReport;
	/** Present when the backend is usable. */
	readonly backend?: LiveBackend;
}

export interface BackendSet {
	readonly user: string;
	readonly backends: Record<LiveTool, KubectlBackend | CrictlBackend | PodmanBackend>;
	/** Problem reading the confirmed-contexts file, if any. */
	readonly configProblem?: string;
}

/** Builds the three backends. A `--context NAME` given on the command line is remembered as confirmed. */
export async function createBackends(options: DetectOptions): Promise<BackendSet> {
	const env = options.env ?? process.env;
	const user = currentUserLabel(env);
	const file = confirmedContextsPath(tutorConfigDir(env, options.configDir));
	let configProblem: string | undefined;
	let confirmed: readonly string[] = [];
	const read = options.live.context
		? await rememberContext(file, options.live.context).catch((error: Error) => ({
				ok: false as const,
				error: `${file}: ${error.message}`,
			}))
		: await readConfirmedContexts(file);
	if (read.ok) confirmed = read.contexts;
	else configProblem = read.error;
	return {
		user,
		configProblem,
		backends: {
			kubectl: new KubectlBackend({
				namespace: options.live.namespace,
				user,
				context: options.live.context,
				confirmedContexts: confirmed,
				exec: options.exec,
				env,
				binary: options.binaries?.kubectl,
			}),
			crictl: new CrictlBackend({
				endpoint: options.live.runtimeEndpoint,
				exec: options.exec,
				env,
				readLink: options.readLink,
				binary: options.binaries?.crictl,
			}),
			podman: new PodmanBackend({
				user,
				exec: options.exec,
				env,
				readLink: options.readLink,
				binary: options.binaries?.podman,
			}),
		},
	};
}

/** Whole-detection limit per backend; kubectl keeps within DETECT_BUDGET_MS itself and says which server was silent. */
export const DETECT_LIMIT_MS = DETECT_BUDGET_MS + 500;

function timedOut(tool: LiveTool, ms: number): BackendReport {
	return {
		tool,
		installed: true,
		usable: false,
		problem: `${tool} did not answer within ${Math.round(ms / 1000)} s`,
		nextStep: `run \`${tool} version\` by hand to see where it hangs`,
		durationMs: ms,
	};
}

export async function detectBackends(options: DetectOptions): Promise<DetectedBackend[]> {
	const set = await createBackends(options);
	const limit = options.timeoutMs ?? DETECT_LIMIT_MS;
	const tools = options.live.backend ? [options.live.backend] : [...LIVE_TOOLS];
	return Promise.all(
		tools.map(async (tool) => {
			const backend = set.backends[tool];
			let timer: NodeJS.Timeout | undefined;
			const report = await Promise.race([
				backend.detect(),
				new Promise<BackendReport>((resolve) => {
					timer = setTimeout(() => resolve(timedOut(tool, limit)), limit);
				}),
			]).finally(() => clearTimeout(timer));
			return report.usable ? {report, backend} : {report};
		}),
	);
}
