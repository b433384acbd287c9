/**
 * `pod-tutor doctor [--json]`: what live mode can use on this machine — kubectl, crictl,
 * podman — and for each missing piece the next step. Exit 0 when at least one backend is
 * usable, 1 when the tutor can only show recorded output.
 */
import type {BackendReport} from '../live/backend.js';
import {detectBackends, type DetectOptions} from '../live/detect-backends.js';
import {parseLiveOptions} from '../live/live-options.js';
import {currentUserLabel, tutorSelector} from '../live/tutor-labels.js';
import {effectiveSettings, labSettingsLines} from '../lab/lab-report.js';
import {labLiveMode, withLabEnv, withLabLiveArgs} from '../lab/lab-live.js';
import {EXIT_FAIL, EXIT_OK, EXIT_USAGE, type CommandIO, type GlobalOptions} from './command-io.js';

const USAGE =
	'usage: pod-tutor doctor [--json] [--backend kubectl|crictl|podman] [--namespace NS] [--context NAME] [--runtime-endpoint EP]';

function describe(report: BackendReport): string[] {
	const name = report.tool.padEnd(8);
	const version = report.version ? ` ${report.version}` : '';
	const lines: string[] = [];
	if (report.usable) {
		const where =
			report.tool === 'kubectl'
				? ` (context ${report.context}, namespace ${report.namespace})`
				: report.endpoint
					? ` (${report.endpoint})`
					: '';
		lines.push(`${name}ready${version}${where}`);
	} else if (!report.installed) {
		lines.push(`${name}not installed`);
	} else {
		lines.push(`${name}not usable${version}: ${report.problem ?? 'unknown problem'}`);
	}
	if (report.context && !report.usable)
		lines.push(`${' '.repeat(8)}context ${report.context}${report.server ? ` → ${report.server}` : ''}`);
	if (report.nextStep && !report.usable) lines.push(`${' '.repeat(8)}next: ${report.nextStep}`);
	return lines;
}

export async function runDoctor(
	args: readonly string[],
	io: CommandIO,
	options: GlobalOptions,
	extra: Partial<DetectOptions> = {},
): Promise<number> {
	const parsed = parseLiveOptions(withLabLiveArgs(args, options.lab));
	if (!parsed.ok) {
		io.stderr(`doctor: ${parsed.error}\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	const json = parsed.rest.includes('--json');
	const unknown = parsed.rest.filter((a) => a !== '--json');
	if (unknown.length > 0) {
		io.stderr(`doctor: unknown argument ${unknown[0]}\n${USAGE}\n`);
		return EXIT_USAGE;
	}
	const env = withLabEnv(io.env, options.lab);
	const detected = await detectBackends({live: parsed.options, env, configDir: options.configDir, ...extra});
	const reports = detected.map((d) => d.report);
	const usable = reports.filter((r) => r.usable).map((r) => r.tool);
	const user = currentUserLabel(io.env);
	if (json) {
		const {lab} = options;
		const settings = lab ? {settings: effectiveSettings(lab, args, io.env), configProblems: lab.problems} : {};
		const {namespace, image} = parsed.options;
		const report = {usable, namespace, image, user, labels: tutorSelector(user), backends: reports, ...settings};
		io.stdout(`${JSON.stringify(report, null, 2)}\n`);
		return usable.length > 0 ? EXIT_OK : EXIT_FAIL;
	}
	const lines = ['Live mode on this machine:', ''];
	for (const report of reports) lines.push(...describe(report));
	lines.push('');
	const off = options.lab !== undefined && labLiveMode(options.lab) === 'off';
	if (off) {
		lines.push('The config turns live mode off: the tutor shows recorded output and runs no container tool.');
	} else if (usable.length > 0) {
		lines.push(
			`Live steps run for real with ${usable.join(', ')} after you press Enter; objects the tutor creates carry the labels ${tutorSelector(user)}.`,
		);
		lines.push(`Lesson image: ${parsed.options.image} (change it with --image).`);
	} else {
		lines.push(
			'Nothing live is available: every command step shows its recorded output, labelled as recorded. The lessons work fully offline.',
		);
	}
	if (options.lab) lines.push('', ...labSettingsLines(options.lab, args, io.env));
	io.stdout(`${lines.join('\n')}\n`);
	return usable.length > 0 ? EXIT_OK : EXIT_FAIL;
}
