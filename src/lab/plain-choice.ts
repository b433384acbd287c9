/** Whether the tutor runs as plain lines: --plain, the learner's remembered choice, TERM=dumb. */
import type {CommandIO} from '../commands/command-io.js';
import {progressDirectory} from '../progress/progress-path.js';
import {userConfigPath, type LabConfig} from './lab-config.js';
import {writeUserSetting} from './user-config-write.js';

/**
 * --plain or --no-plain given: remembered in the learner's config.yaml, so a screen-reader user
 * passes it once. Without either: the remembered choice, TERM=dumb or INK_SCREEN_READER=true, on a terminal.
 */
export function plainModeWanted(flag: boolean | undefined, io: CommandIO, lab: LabConfig | undefined): boolean {
	const remembered = lab?.settings.plain ?? false;
	if (flag !== undefined && flag !== remembered) {
		const file = userConfigPath(progressDirectory(io.env));
		const written = writeUserSetting(file, 'plain', String(flag));
		if (!written.ok)
			io.stderr(
				`pod-tutor: your choice of ${flag ? '--plain' : '--no-plain'} was not remembered: ${written.error}\n`,
			);
		else if (flag)
			io.stderr(
				`pod-tutor: plain mode is remembered in ${file}; --no-plain goes back to the full-screen tutor.\n`,
			);
	}
	if (flag !== undefined) return flag;
	// INK_SCREEN_READER=true is Ink's own switch for screen-reader output; Ink's version of that
	// still erases and rewrites its lines on each change, so the tutor answers it with plain mode.
	return Boolean(io.stdin.isTTY) && (remembered || io.env.TERM === 'dumb' || io.env.INK_SCREEN_READER === 'true');
}
