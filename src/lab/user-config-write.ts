/**
 * Changes one setting in the learner's own config.yaml (e.g. `plain: true` once they chose
 * --plain), keeping the rest of the file, comments included, as they wrote it. Written to a temp
 * file and renamed over the old one, mode 0600 in a 0700 folder: a classmate on the same lab
 * machine can neither read nor replace it.
 */
import {chmodSync, closeSync, fsyncSync, mkdirSync, openSync, renameSync, unlinkSync, writeSync} from 'node:fs';
import {randomBytes} from 'node:crypto';
import {dirname} from 'node:path';
import {readConfigFile, type SettingName} from './lab-config.js';

export type WriteResult = {readonly ok: true} | {readonly ok: false; readonly error: string};

/** The file's text with `name: value` set: the top-level line replaced, or one appended. */
export function withSetting(text: string, name: SettingName, value: string): string {
	const line = `${name}: ${value}`;
	const pattern = new RegExp(`^${name}\\s*:.*$`, 'm');
	if (pattern.test(text)) return text.replace(pattern, line);
	return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${line}\n`;
}

export function writeUserSetting(file: string, name: SettingName, value: string): WriteResult {
	const read = readConfigFile(file);
	if (!read.ok && read.problem !== 'missing') return {ok: false, error: `${file}: ${read.reason}`};
	const text = withSetting(read.ok ? read.text : '', name, value);
	const temp = `${file}.tmp-${randomBytes(4).toString('hex')}`;
	try {
		// mkdir's mode is filtered by the umask; a folder made here is set to 0700 whatever it is.
		if (mkdirSync(dirname(file), {recursive: true, mode: 0o700}) !== undefined) chmodSync(dirname(file), 0o700);
		const fd = openSync(temp, 'wx', 0o600);
		try {
			writeSync(fd, text);
			fsyncSync(fd);
		} finally {
			closeSync(fd);
		}
		renameSync(temp, file);
		return {ok: true};
	} catch (error) {
		try {
			unlinkSync(temp);
		} catch {
			// Never created, or already renamed.
		}
		return {ok: false, error: `${file}: ${(error as Error).message}`};
	}
}
