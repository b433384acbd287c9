/**
 * The lab config's live settings, handed to live mode the way a learner would give them: as the
 * --backend/--namespace/--context/--image flags (a flag on the command line wins over the config)
 * and KUBECONFIG (the learner's own environment wins). Live mode then has one way in, not two.
 */
import {sanitiseTerminalText} from '../text/terminal-sanitiser.js';
import {currentUserLabel} from '../live/tutor-labels.js';
import {expandNamespace, formatProblem, type LabConfig, type LiveMode} from './lab-config.js';

const FLAGS = [
	['--backend', 'backend'],
	['--namespace', 'namespace'],
	['--context', 'context'],
	['--image', 'image'],
] as const;

function given(args: readonly string[], flag: string): boolean {
	return args.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
}

/** `args` with the lab config's live flags added where the command line has none. */
export function withLabLiveArgs(
	args: readonly string[],
	lab: LabConfig | undefined,
	user = currentUserLabel(),
): string[] {
	if (!lab) return [...args];
	const out = [...args];
	const end = out.indexOf('--');
	const extra: string[] = [];
	for (const [flag, name] of FLAGS) {
		const value = lab.settings[name];
		if (value === undefined || given(end >= 0 ? out.slice(0, end) : out, flag)) continue;
		extra.push(flag, name === 'namespace' ? expandNamespace(value, user) : value);
	}
	if (end >= 0) out.splice(end, 0, ...extra);
	else out.push(...extra);
	return out;
}

/** The environment for the tools: KUBECONFIG from the lab config unless the learner set one. */
export function withLabEnv(env: NodeJS.ProcessEnv, lab: LabConfig | undefined): NodeJS.ProcessEnv {
	const kubeconfig = lab?.settings.kubeconfig;
	if (!kubeconfig || (env.KUBECONFIG !== undefined && env.KUBECONFIG !== '')) return env;
	return {...env, KUBECONFIG: kubeconfig};
}

/**
 * Live mode as configured; a config with problems turns it off, because its live settings (a
 * namespace on a shared cluster, a context) cannot be trusted to be the ones the instructor meant.
 */
export function labLiveMode(lab: LabConfig | undefined): LiveMode {
	if (!lab) return 'lazy';
	return lab.problems.length > 0 ? 'off' : lab.settings.live;
}

/** One line for the tutor's notice: what is wrong with the config and what that means. */
export function labNotice(lab: LabConfig | undefined): string | undefined {
	if (!lab || lab.problems.length === 0) return undefined;
	const first = formatProblem(lab.problems[0]);
	const more = lab.problems.length > 1 ? ` (and ${lab.problems.length - 1} more: pod-tutor doctor lists them)` : '';
	return sanitiseTerminalText(`Config problem: ${first}${more}. Live mode is off until it is fixed.`).replace(
		/\n/g,
		' ',
	);
}
