import Conf from 'conf';
import {copyFileSync, existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {emptyProgress} from '../../src/progress/progress-data.js';
import {progressFilePath} from '../../src/progress/progress-path.js';
import {readProgressSnapshot} from '../../src/progress/progress-snapshot.js';
import {useTempConfig} from './temp-config.js';

const fixture = (name: string): string => new URL(`../fixtures/progress/${name}`, import.meta.url).pathname;
const newConfig = useTempConfig();

describe('progressFilePath', () => {
	const savedXdg = process.env.XDG_CONFIG_HOME;
	afterEach(() => {
		if (savedXdg === undefined) delete process.env.XDG_CONFIG_HOME;
		else process.env.XDG_CONFIG_HOME = savedXdg;
	});

	it('is the file conf itself would use by default', () => {
		// Points the per-user folder at a temp dir so conf does not create folders in the real home.
		process.env.XDG_CONFIG_HOME = newConfig().dir;
		const conf = new Conf({projectName: 'pod-tutor', projectSuffix: '', configName: 'progress'});
		expect(progressFilePath({})).toBe(conf.path);
		expect(path.basename(path.dirname(conf.path))).toBe('pod-tutor');
	});

	it('uses POD_TUTOR_CONFIG_DIR when set', () => {
		const {dir, file} = newConfig();
		expect(progressFilePath({POD_TUTOR_CONFIG_DIR: dir})).toBe(file);
	});
});

describe('readProgressSnapshot', () => {
	it('reads a missing file as empty progress, without creating anything', () => {
		const {dir, env} = newConfig();
		expect(readProgressSnapshot(env)).toEqual({
			data: emptyProgress(),
			file: path.join(dir, 'progress.json'),
			// Nothing on disk: no snapshot, no journal (what the store starts from, see its `seed`).
			disk: {snapshot: '', snapshotBytes: 0, journalBytes: 0, journalWarnings: false},
		});
		expect(readdirSync(dir)).toEqual([]);
	});

	it('migrates an old file in memory only', () => {
		const {file, env} = newConfig();
		copyFileSync(fixture('v0-draft.json'), file);
		const before = readFileSync(file, 'utf8');
		const snapshot = readProgressSnapshot(env);
		expect(snapshot.warning).toBeUndefined();
		expect(snapshot.data.lessons.container.completed).toBe(true);
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it('reports a truncated file as a warning and leaves it exactly as it was', () => {
		const {dir, file, env} = newConfig();
		copyFileSync(fixture('truncated.json'), file);
		const before = readFileSync(file);
		const snapshot = readProgressSnapshot(env);
		expect(snapshot.data).toEqual(emptyProgress());
		expect(snapshot.warning).toContain(`${file} is damaged`);
		expect(readFileSync(file)).toEqual(before);
		expect(readdirSync(dir)).toEqual(['progress.json']);
	});

	it('warns about a newer format and about dropped entries', () => {
		const newer = newConfig();
		copyFileSync(fixture('future-v7.json'), newer.file);
		expect(readProgressSnapshot(newer.env).warning).toContain('newer pod-tutor (format version 7');
		const mixed = newConfig();
		copyFileSync(fixture('v1-mixed.json'), mixed.file);
		const snapshot = readProgressSnapshot(mixed.env);
		expect(snapshot.warning).toContain('lessons.pause.currentStep: expected a whole number');
		expect(snapshot.data.exercises['pause-ip'].correct).toBe(true);
		expect(existsSync(`${mixed.file}.lock`)).toBe(false);
	});
});
