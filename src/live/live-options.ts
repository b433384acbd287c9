/** The live-mode options the CLI takes out of the global arguments. */
import {LIVE_TOOLS, type LiveTool} from '../content/types.js';
import {DEFAULT_IMAGE} from './lesson-pods.js';

export const DEFAULT_NAMESPACE = 'pod-tutor';

export interface LiveOptions {
	/** Only this backend; by default every backend found is offered. */
	readonly backend?: LiveTool;
	readonly namespace: string;
	/** The kubectl context, and the learner's one-time confirmation of it when it is not local. */
	readonly context?: string;
	readonly image: string;
	/** crictl's --runtime-endpoint. */
	readonly runtimeEndpoint?: string;
}

export type LiveOptionsResult =
	| {readonly ok: true; readonly options: LiveOptions; readonly rest: string[]}
	| {readonly ok: false; readonly error: string};

/** RFC 1123 label, as Kubernetes requires for namespace names. */
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function parseLiveOptions(args: readonly string[]): LiveOptionsResult {
	const rest: string[] = [];
	const values: {backend?: LiveTool; namespace?: string; context?: string; image?: string; runtimeEndpoint?: string} =
		{};
	const flags: Record<string, keyof typeof values> = {
		'--backend': 'backend',
		'--namespace': 'namespace',
		'--context': 'context',
		'--image': 'image',
		'--runtime-endpoint': 'runtimeEndpoint',
	};
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (arg === '--') {
			rest.push(...args.slice(i));
			break;
		}
		const eq = arg.indexOf('=');
		const flag = eq > 0 ? arg.slice(0, eq) : arg;
		const key = flags[flag];
		if (!key) {
			rest.push(arg);
			continue;
		}
		let value: string | undefined;
		if (eq > 0) value = arg.slice(eq + 1);
		else {
			value = args[i + 1];
			if (value === undefined || value.startsWith('--')) return {ok: false, error: `${flag} needs a value`};
			i++;
		}
		if (value.trim() === '') return {ok: false, error: `${flag} needs a value`};
		if (values[key] !== undefined) return {ok: false, error: `${flag} is given twice`};
		if (key === 'backend') {
			if (!(LIVE_TOOLS as readonly string[]).includes(value)) {
				return {ok: false, error: `--backend ${value}: use one of ${LIVE_TOOLS.join(', ')}`};
			}
			values.backend = value as LiveTool;
		} else if (key === 'namespace') {
			if (!NAMESPACE.test(value)) {
				return {
					ok: false,
					error: `--namespace ${value}: a namespace name is lower-case letters, digits and '-', at most 63 characters`,
				};
			}
			values.namespace = value;
		} else if (key === 'image') {
			if (/\s/.test(value))
				return {ok: false, error: `--image "${value}": an image reference has no spaces (e.g. busybox:1.36)`};
			values.image = value;
		} else {
			values[key] = value;
		}
	}
	return {
		ok: true,
		options: {
			backend: values.backend,
			namespace: values.namespace ?? DEFAULT_NAMESPACE,
			context: values.context,
			image: values.image ?? DEFAULT_IMAGE,
			runtimeEndpoint: values.runtimeEndpoint,
		},
		rest,
	};
}
