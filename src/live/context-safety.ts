/**
 * Which kubectl contexts the tutor may use without asking. A context for a cluster on this
 * machine is safe to practise on; anything else (a company cluster, production) needs the
 * learner to name it once with --context NAME, and that choice is remembered.
 */
import {mkdir, rename, writeFile} from 'node:fs/promises';
import {readFileBoundedAsync} from '../files/bounded-read.js';
import {dirname, join} from 'node:path';
import {progressDirectory} from '../progress/progress-path.js';

/** A list of confirmed context names: a few hundred bytes; far more is not ours. */
const MAX_CONTEXTS_BYTES = 64 * 1024;

const LOCAL_NAMES = [
	/^kind-/,
	/^k3d-/,
	/^minikube$/,
	/^docker-desktop$/,
	/^docker-for-desktop$/,
	/^rancher-desktop$/,
	/^orbstack$/,
	/^microk8s$/,
	/^colima/,
];
const LOCAL_SERVER = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;

export function isLocalContext(context: string, server: string | undefined): boolean {
	if (LOCAL_NAMES.some((pattern) => pattern.test(context))) return true;
	// k3s names its context `default`; a `default` context is only trusted when it points at this machine.
	return server !== undefined && LOCAL_SERVER.test(server);
}

export const CONFIRMED_CONTEXTS_FILE = 'live-contexts.json';

/** The confirmation is kept next to progress: POD_TUTOR_CONFIG_DIR, else the per-user config folder. */
export function tutorConfigDir(env: NodeJS.ProcessEnv = process.env, configured?: string): string {
	return configured ?? progressDirectory(env);
}

export function confirmedContextsPath(configDir: string): string {
	return join(configDir, CONFIRMED_CONTEXTS_FILE);
}

export type ContextsResult =
	{readonly ok: true; readonly contexts: readonly string[]} | {readonly ok: false; readonly error: string};

export async function readConfirmedContexts(file: string): Promise<ContextsResult> {
	const read = await readFileBoundedAsync(file, {limit: MAX_CONTEXTS_BYTES});
	if (!read.ok && read.problem === 'missing') return {ok: true, contexts: []};
	if (!read.ok) return {ok: false, error: `${file}: ${read.reason}`};
	const text = read.text;
	try {
		const value = JSON.parse(text) as unknown;
		const list = (value as {confirmed?: unknown})?.confirmed;
		if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
			return {
				ok: false,
				error: `${file}: field "confirmed" must be a list of context names; delete the file to start again`,
			};
		}
		return {ok: true, contexts: list as string[]};
	} catch {
		return {ok: false, error: `${file}: not valid JSON; delete the file to start again`};
	}
}

export async function rememberContext(file: string, context: string): Promise<ContextsResult> {
	const current = await readConfirmedContexts(file);
	if (!current.ok) return current;
	if (current.contexts.includes(context)) return current;
	const contexts = [...current.contexts, context];
	await mkdir(dirname(file), {recursive: true});
	const temporary = `${file}.${process.pid}.tmp`;
	await writeFile(temporary, `${JSON.stringify({confirmed: contexts}, null, '\t')}\n`);
	await rename(temporary, file);
	return {ok: true, contexts};
}
