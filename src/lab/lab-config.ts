/**
 * The classroom settings: a system file an instructor writes for every student of a lab machine
 * (/etc/pod-tutor/config.yaml, or the file POD_TUTOR_LAB_CONFIG names), then the student's own
 * config.yaml in the per-user config folder on top of it. Each effective value remembers where it
 * came from, so `pod-tutor doctor` can say so. A broken file is a list of problems with file,
 * field and line, never an exception: the tutor starts offline with the defaults.
 *
 * Domain code: no React, no Ink, no process.exit.
 */
import {readFileBounded, type BoundedRead} from '../files/bounded-read.js';
import {join} from 'node:path';
import type {YamlResult} from '../content/yaml-source.js';
import {LIVE_TOOLS, type LiveTool} from '../content/types.js';

export const SYSTEM_CONFIG_FILE = '/etc/pod-tutor/config.yaml';
export const USER_CONFIG_NAME = 'config.yaml';
/**
 * A config file is a dozen lines; a bigger one is a mistake (or /dev/zero) and is not read whole.
 * TODO(merge): use the reliability helper's bounded-read module once it is on main.
 */
export const MAX_CONFIG_BYTES = 64 * 1024;

/** The same three words as src/live's detection: lazy (on the first live request), on (at start), off. */
export type LiveMode = 'lazy' | 'on' | 'off';

export interface LabSettings {
	/** lazy: tools looked for on the first live request (the default); on: at start; off: never run a container tool. */
	readonly live: LiveMode;
	readonly backend?: LiveTool;
	/** Passed to kubectl as KUBECONFIG. */
	readonly kubeconfig?: string;
	readonly context?: string;
	/** A namespace name, or a pattern with {user} (e.g. pod-tutor-{user}) for one namespace per student. */
	readonly namespace?: string;
	/** The lesson Pods' image, e.g. a local mirror registry.lab:5000/busybox:1.36. */
	readonly image?: string;
	/** Extra lesson packs: folders, as --lessons takes them. */
	readonly lessons: readonly string[];
	/** Where `pod-tutor submit` writes. */
	readonly submit?: string;
	/** Plain line output (screen readers, TERM=dumb) without asking for --plain each time. */
	readonly plain: boolean;
}

export type SettingName = keyof LabSettings;
export const SETTING_NAMES: readonly SettingName[] = [
	'live',
	'backend',
	'kubeconfig',
	'context',
	'namespace',
	'image',
	'lessons',
	'submit',
	'plain',
];

/** Where a value came from: 'default', or a file with its line. */
export interface SettingSource {
	readonly file?: string;
	readonly line?: number;
	readonly label: string;
}

export interface ConfigProblem {
	readonly file: string;
	readonly field?: string;
	readonly line?: number;
	readonly message: string;
}

export interface LabConfig {
	readonly settings: LabSettings;
	readonly sources: Readonly<Record<SettingName, SettingSource>>;
	/** The files looked at, in the order read (system first), and whether each was there. */
	readonly files: readonly {readonly file: string; readonly found: boolean}[];
	readonly problems: readonly ConfigProblem[];
}

export const DEFAULT_SETTINGS: LabSettings = {live: 'lazy', lessons: [], plain: false};

export function formatProblem(problem: ConfigProblem): string {
	const where = `${problem.file}${problem.line !== undefined ? `:${problem.line}` : ''}`;
	return `${where}: ${problem.field ? `${problem.field}: ` : ''}${problem.message}`;
}

export function systemConfigPath(env: NodeJS.ProcessEnv): string {
	const named = env.POD_TUTOR_LAB_CONFIG;
	return named !== undefined && named.trim() !== '' ? named : SYSTEM_CONFIG_FILE;
}

export function userConfigPath(configDir: string): string {
	return join(configDir, USER_CONFIG_NAME);
}

/** A config file: a few lines, so anything over MAX_CONFIG_BYTES is refused unread. */
export function readConfigFile(file: string): BoundedRead {
	return readFileBounded(file, {limit: MAX_CONFIG_BYTES});
}

/** A {user} pattern must still give a valid namespace once a user name is put in. */
const NAMESPACE_PATTERN = /^[a-z0-9]([-a-z0-9{}]{0,70}[a-z0-9}])?$/;
const LIVE_MODES: Record<string, LiveMode> = {
	lazy: 'lazy',
	auto: 'lazy',
	on: 'on',
	off: 'off',
	true: 'on',
	false: 'off',
};

const show = (value: unknown): string => JSON.stringify(value);

type SomeSettings = {-readonly [K in SettingName]?: LabSettings[K]};

function readOne(
	name: SettingName,
	value: unknown,
): {ok: true; value: LabSettings[SettingName]} | {ok: false; error: string} {
	const text = typeof value === 'string' ? value.trim() : undefined;
	switch (name) {
		case 'live': {
			const mode = LIVE_MODES[String(value)];
			return mode
				? {ok: true, value: mode}
				: {ok: false, error: `use on, off or lazy, not ${JSON.stringify(value)}`};
		}
		case 'plain':
			return typeof value === 'boolean'
				? {ok: true, value}
				: {ok: false, error: `use true or false, not ${JSON.stringify(value)}`};
		case 'backend':
			return text && (LIVE_TOOLS as readonly string[]).includes(text)
				? {ok: true, value: text as LiveTool}
				: {ok: false, error: `use one of ${LIVE_TOOLS.join(', ')}, not ${JSON.stringify(value)}`};
		case 'namespace':
			if (
				text &&
				NAMESPACE_PATTERN.test(text) &&
				text.replace(/\{user\}/g, '').indexOf('{') === -1 &&
				text.replace(/\{user\}/g, '').indexOf('}') === -1
			)
				return {ok: true, value: text};
			return {
				ok: false,
				error:
					"a namespace name (lower-case letters, digits, '-'), optionally with {user}, " +
					'e.g. pod-tutor-{user}; ' +
					`not ${JSON.stringify(value)}`,
			};
		case 'image':
			return text && !/\s/.test(text)
				? {ok: true, value: text}
				: {
						ok: false,
						error: `an image reference without spaces (e.g. busybox:1.36), not ${show(value)}`,
					};
		case 'kubeconfig':
		case 'context':
		case 'submit':
			return text
				? {ok: true, value: text}
				: {ok: false, error: `a non-empty text, not ${JSON.stringify(value)}`};
		case 'lessons': {
			const list = typeof value === 'string' ? [value] : value;
			if (
				Array.isArray(list) &&
				list.length <= 50 &&
				list.every((item) => typeof item === 'string' && item.trim() !== '')
			)
				return {ok: true, value: list.map((item: string) => item.trim())};
			return {ok: false, error: 'a list of lesson folders, e.g. [/opt/pod-tutor/extra-lessons]'};
		}
	}
}

/** One file's settings; an unknown or malformed field is a problem and is left out. */
export function parseConfigText(
	text: string,
	file: string,
	parseYamlSource: (text: string) => YamlResult,
): {values: SomeSettings; lines: Record<string, number | undefined>; problems: ConfigProblem[]} {
	const problems: ConfigProblem[] = [];
	const values: SomeSettings = {};
	const lines: Record<string, number | undefined> = {};
	const parsed = parseYamlSource(text);
	if (!parsed.ok) {
		problems.push({file, line: parsed.line, message: `${parsed.message}; none of its settings are used`});
		return {values, lines, problems};
	}
	const root = parsed.source.value;
	if (root === undefined || root === null) return {values, lines, problems};
	if (typeof root !== 'object' || Array.isArray(root)) {
		const found = Array.isArray(root) ? 'a list' : typeof root;
		problems.push({
			file,
			line: 1,
			message: `expected settings such as "live: off" (a mapping), found ${found}; none of its settings are used`,
		});
		return {values, lines, problems};
	}
	for (const [key, value] of Object.entries(root as Record<string, unknown>)) {
		const line = parsed.source.lineOf([key]);
		if (!(SETTING_NAMES as readonly string[]).includes(key)) {
			problems.push({
				file,
				field: key,
				line,
				message: `unknown setting; the settings are ${SETTING_NAMES.join(', ')}`,
			});
			continue;
		}
		const name = key as SettingName;
		const read = readOne(name, value);
		if (!read.ok) {
			problems.push({file, field: key, line, message: `${read.error}; the setting is ignored`});
			continue;
		}
		(values as Record<string, unknown>)[name] = read.value;
		lines[name] = line;
	}
	return {values, lines, problems};
}

export interface LoadOptions {
	readonly env: NodeJS.ProcessEnv;
	/** The per-user config folder (where progress lives). */
	readonly configDir: string;
}

/**
 * The system file first, then the user's: a setting in the user's file wins. The YAML parser is
 * loaded only when a file exists, so a machine without config files starts as fast as before.
 */
export async function loadLabConfig(options: LoadOptions): Promise<LabConfig> {
	const settings: Record<string, unknown> = {...DEFAULT_SETTINGS};
	const sources = Object.fromEntries(SETTING_NAMES.map((name) => [name, {label: 'default'}])) as Record<
		SettingName,
		SettingSource
	>;
	const problems: ConfigProblem[] = [];
	const files: {file: string; found: boolean}[] = [];
	for (const file of [systemConfigPath(options.env), userConfigPath(options.configDir)]) {
		const read = readConfigFile(file);
		files.push({file, found: read.ok || read.problem !== 'missing'});
		if (!read.ok && read.problem === 'missing') continue;
		if (!read.ok) {
			problems.push({file, message: `${read.reason}; none of its settings are used`});
			continue;
		}
		const {parseYamlSource} = await import('../content/yaml-source.js');
		const parsed = parseConfigText(read.text, file, parseYamlSource);
		problems.push(...parsed.problems);
		for (const [name, value] of Object.entries(parsed.values)) {
			settings[name] = value;
			const line = parsed.lines[name];
			sources[name as SettingName] = {file, line, label: `${file}${line !== undefined ? `:${line}` : ''}`};
		}
	}
	return {settings: settings as unknown as LabSettings, sources, files, problems};
}

/**
 * The namespace for this user: {user} replaced by the user's label, made a valid namespace name
 * (lower case, [a-z0-9-], at most 63 characters). "pod-tutor-{user}" for Ana.Lee gives pod-tutor-ana-lee.
 */
export function expandNamespace(pattern: string, user: string): string {
	const name =
		user
			.toLowerCase()
			.replace(/[^a-z0-9-]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'user';
	return pattern
		.replace(/\{user\}/g, name)
		.slice(0, 63)
		.replace(/-+$/, '');
}
