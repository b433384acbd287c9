/**
 * `pod-tutor cleanup [--backend kubectl|podman]`: deletes what the tutor created for this user,
 * selected by its labels (never by name alone), on every usable backend or the one given.
 */
import type {LiveTool} from '../content/types.js';
import type {DetectOptions} from '../live/detect-backends.js';
import {detectBackends} from '../live/detect-backends.js';
import {parseLiveOptions, type LiveOptions} from '../live/live-options.js';
import {currentUserLabel, tutorSelector} from '../live/tutor-labels.js';
import {withLabEnv, withLabLiveArgs} from '../lab/lab-live.js';
import {EXIT_FAIL, EXIT_OK, EXIT_USAGE, type CommandIO, type GlobalOptions} from './command-io.js';

const USAGE = 'usage: pod-tutor cleanup [--backend kubectl|podman] [--namespace NS] [--context NAME]';
const CREATING_TOOLS: readonly LiveTool[] = ['kubectl', 'podman'];

export async function runCleanup(
	args: readonly string[],
	io: CommandIO,
	options: GlobalOptions,
	extra: Partial<DetectOptions> = {},
): Promise<number> {
	const parsed = parseLiveOptions(withLabLiveArgs(args, options.lab));
	if (!parsed.ok) {
		io.stderr(`cleanup: ${parsed.error}\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	if (parsed.rest.length > 0) {
		io.stderr(`cleanup: unknown argument ${parsed.rest[0]}\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	if (parsed.options.backend === 'crictl') {
		io.stderr(
			'cleanup: the tutor never creates anything through crictl, so there is nothing to clean up there; use --backend kubectl or --backend podman\n',
		);
		return EXIT_USAGE;
	}
	const outcome = await cleanupTutorObjects(io, options, parsed.options, extra);
	if (!outcome.usable) {
		io.stderr(
			`cleanup: no backend the tutor creates objects with is usable here, so there is nothing to delete:\n${outcome.why}\n`,
		);
		return EXIT_FAIL;
	}
	return outcome.failed ? EXIT_FAIL : EXIT_OK;
}

/**
 * Deletes the objects labelled as the tutor's for this user on every usable backend that creates
 * them (kubectl, podman), printing what it deleted. Shared by `cleanup` and `reset --all`.
 */
export async function cleanupTutorObjects(
	io: CommandIO,
	options: GlobalOptions,
	live: LiveOptions,
	extra: Partial<DetectOptions> = {},
): Promise<{usable: boolean; failed: boolean; why: string}> {
	const user = currentUserLabel(io.env);
	const env = withLabEnv(io.env, options.lab);
	const found = await detectBackends({live, env, configDir: options.configDir, ...extra});
	const detected = found.filter((d) => CREATING_TOOLS.includes(d.report.tool));
	const usable = detected.filter((d) => d.backend);
	const why = detected.map((d) => `  ${d.report.tool}: ${d.report.problem ?? 'not usable'}`).join('\n');
	if (usable.length === 0) return {usable: false, failed: false, why};
	let failed = false;
	for (const {backend, report} of usable) {
		if (!backend) continue;
		const where =
			report.tool === 'kubectl' ? ` in the namespace ${report.namespace} (context ${report.context})` : '';
		io.stdout(`${report.tool}: deleting Pods labelled ${tutorSelector(user)}${where} ...\n`);
		const result = await backend.cleanup();
		if (!result.ok) {
			failed = true;
			io.stderr(`${report.tool}: ${result.error}\n`);
			continue;
		}
		io.stdout(
			result.value.length === 0
				? `${report.tool}: nothing to delete\n`
				: result.value.map((name) => `${report.tool}: deleted ${name}\n`).join(''),
		);
	}
	return {usable: true, failed, why};
}
