/**
 * Where the progress file lives. Kept free of conf (which loads ajv, slow to start) so the
 * first screen can find and read progress cheaply; progress-store.ts hands the same folder to
 * conf as its `cwd`, so both always agree.
 */
import path from 'node:path';
import envPaths from 'env-paths';

export const PROGRESS_FILE_NAME = 'progress.json';

/**
 * POD_TUTOR_CONFIG_DIR when set, else conf's default per-user folder for the project:
 * env-paths('pod-tutor', {suffix: ''}).config, e.g. ~/.config/pod-tutor on Linux.
 * env-paths itself consults process.env (XDG_CONFIG_HOME, APPDATA), not `env`.
 */
export function progressDirectory(env: NodeJS.ProcessEnv = process.env): string {
	const override = env.POD_TUTOR_CONFIG_DIR;
	if (override !== undefined && override.trim() !== '') return path.resolve(override);
	return envPaths('pod-tutor', {suffix: ''}).config;
}

export function progressFilePath(env: NodeJS.ProcessEnv = process.env): string {
	return path.join(progressDirectory(env), PROGRESS_FILE_NAME);
}

/** The environment to resolve the progress file in, with the CLI's configDir (GlobalOptions) applied. */
export function withConfigDir(env: NodeJS.ProcessEnv, configDir: string | undefined): NodeJS.ProcessEnv {
	return configDir === undefined || configDir === '' ? env : {...env, POD_TUTOR_CONFIG_DIR: configDir};
}
