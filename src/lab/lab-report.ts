/** The effective classroom settings and where each came from, as `pod-tutor doctor` shows them. */
import {existsSync} from 'node:fs';
import {sanitiseTerminalText} from '../text/terminal-sanitiser.js';
import {currentUserLabel} from '../live/tutor-labels.js';
import {expandNamespace, formatProblem, SETTING_NAMES, type LabConfig, type SettingName} from './lab-config.js';
import {labLiveMode} from './lab-live.js';

export interface EffectiveSetting {
	readonly name: SettingName;
	/** The value as text ('(not set)' when unset). */
	readonly value: string;
	/** 'default', 'FILE:LINE', '--flag', or 'environment KUBECONFIG'. */
	readonly from: string;
}

const FLAG_OF: Partial<Record<SettingName, string>> = {
	backend: '--backend',
	namespace: '--namespace',
	context: '--context',
	image: '--image',
};

function flagValue(args: readonly string[], flag: string): string | undefined {
	for (let i = 0; i < args.length; i++) {
		if (args[i] === '--') break;
		if (args[i] === flag) return args[i + 1];
		if (args[i].startsWith(`${flag}=`)) return args[i].slice(flag.length + 1);
	}
	return undefined;
}

/** Lesson packs, each marked when its folder is not on this machine (the tutor then leaves it out). */
function listed(folders: readonly string[]): string {
	if (folders.length === 0) return '(none)';
	return folders.map((dir) => (existsSync(dir) ? dir : `${dir} (missing: not loaded)`)).join(', ');
}

/** Every setting, with the command line and environment applied the way live mode applies them. */
export function effectiveSettings(
	lab: LabConfig,
	args: readonly string[],
	env: NodeJS.ProcessEnv,
	user = currentUserLabel(env),
): EffectiveSetting[] {
	return SETTING_NAMES.map((name): EffectiveSetting => {
		const flag = FLAG_OF[name];
		const given = flag ? flagValue(args, flag) : undefined;
		if (flag && given !== undefined) return {name, value: given, from: flag};
		if (name === 'kubeconfig' && env.KUBECONFIG)
			return {name, value: env.KUBECONFIG, from: 'environment KUBECONFIG'};
		const value = lab.settings[name];
		const source = lab.sources[name].label;
		if (name === 'live') {
			const mode = labLiveMode(lab);
			return {name, value: mode, from: mode !== value ? 'off because of the config problems below' : source};
		}
		if (value === undefined) return {name, value: '(not set)', from: source};
		if (name === 'namespace' && typeof value === 'string' && value.includes('{user}')) {
			return {name, value: `${expandNamespace(value, user)} (pattern ${value})`, from: source};
		}
		return {
			name,
			value: Array.isArray(value) ? listed(value) : String(value),
			from: source,
		};
	});
}

export function labSettingsLines(lab: LabConfig, args: readonly string[], env: NodeJS.ProcessEnv): string[] {
	const settings = effectiveSettings(lab, args, env);
	const width = Math.max(...settings.map((s) => s.name.length));
	const lines = ['Settings (the system file, then yours; a command-line flag wins):'];
	for (const file of lab.files) lines.push(`  ${file.found ? 'read   ' : 'absent '} ${file.file}`);
	for (const s of settings) lines.push(`  ${s.name.padEnd(width)}  ${s.value}   [${s.from}]`);
	if (lab.problems.length > 0) {
		lines.push('Config problems (each setting named is ignored; live mode is off until they are fixed):');
		for (const problem of lab.problems) lines.push(`  ${formatProblem(problem)}`);
	}
	// The files are written by people (and a value may hold an escape sequence): one line each, cleaned.
	return lines.map((line) => sanitiseTerminalText(line).replace(/\n/g, ' '));
}
