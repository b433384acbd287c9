/**
 * A broken lesson in a pack is named on the home screen with why it did not load (the
 * validator's first problem), sanitised, and plain mode says the same words.
 */
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {loadCourseFast} from '../../src/content/course-cache.js';
import {bundledLessonDir} from '../../src/content/course-loader.js';
import type {BrokenLesson} from '../../src/content/types.js';
import {emptyProgress} from '../../src/progress/progress-data.js';
import type {TextStyle} from '../../src/render/text-style.js';
import {homeLines} from '../../src/tutor/screen.js';
import {initialState} from '../../src/tutor/tutor-state.js';
import {repoCourse} from '../tutor/course-fixture.js';
import {runBuilt} from './built-cli.js';

const ascii: TextStyle = {charset: 'ascii', attributes: false, color: false};
let dir: string;

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'pod-tutor-broken-'));
	mkdirSync(join(dir, 'lessons'));
	mkdirSync(join(dir, 'config'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const notLoaded = (lines: readonly string[]) => lines.map((l) => l.trimEnd()).filter((l) => l.startsWith('Not loaded'));

describe('broken lessons', () => {
	it('the home screen says why, sanitised, and plain mode says the same', async () => {
		// A hostile pack: its id retitles the window (OSC 0) if written raw.
		writeFileSync(
			join(dir, 'lessons/evil.yaml'),
			'id: "evil\\e]0;pwned\\a"\ntitle: Broken one\nsteps:\n  - kind: text\n    text: hi\n',
		);
		const course = await loadCourseFast([bundledLessonDir(), join(dir, 'lessons')]);
		const home = notLoaded(homeLines(initialState(course, emptyProgress(), {columns: 200, rows: 40}), ascii));
		expect(home).toHaveLength(1);
		expect(home[0]).toContain('evil\\u001b]0;pwned\\u0007');
		expect(home[0]).toMatch(/line 1: .*control character/);
		expect(home[0]).not.toMatch(/[\u0000-\u001F\u007F]/);

		const plain = await runBuilt(
			['--plain', '--lessons', join(dir, 'lessons')],
			{POD_TUTOR_CONFIG_DIR: join(dir, 'config'), POD_TUTOR_LAB_CONFIG: join(dir, 'no-lab.yaml')},
			'quit\n',
		);
		expect(notLoaded(plain.stdout.split('\n'))).toEqual(home);
		expect(plain.stdout).not.toContain('\u001B');
	});

	it('one row each on the home screen, cut to the width; past three, a count', () => {
		const broken = (n: number): BrokenLesson => ({
			id: `pack-${n}`,
			file: `pack/${n}.yaml`,
			problems: [
				{file: `pack/${n}.yaml`, path: 'steps[2].exercise', line: 7, message: `no exercise "e${n}"\nhere`},
				{file: `pack/${n}.yaml`, path: 'title', message: 'missing'},
			],
		});
		const at = (list: BrokenLesson[], columns: number) =>
			notLoaded(
				homeLines(initialState({...repoCourse(), broken: list}, emptyProgress(), {columns, rows: 24}), ascii),
			);
		expect(at([broken(1), broken(2)], 120)).toEqual([
			'Not loaded: pack-1: steps[2].exercise, line 7: no exercise "e1" here (+1 more) (pod-tutor validate lists every problem)',
			'Not loaded: pack-2: steps[2].exercise, line 7: no exercise "e2" here (+1 more) (pod-tutor validate lists every problem)',
		]);
		// Where the pointer does not fit, the reason goes first.
		expect(at([broken(1)], 80)).toEqual([
			'Not loaded: pack-1: steps[2].exercise, line 7: no exercise "e1" here (+1 more)',
		]);
		const narrow = at([broken(1)], 40);
		expect(narrow).toEqual(['Not loaded: pack-1: steps[2].exercise, ~']);
		const many = at([1, 2, 3, 4, 5].map(broken), 120);
		expect(many).toHaveLength(3);
		expect(many[2]).toBe('Not loaded: 3 more. Run pod-tutor validate for details.');
		// The screen keeps its height whatever the count: the list gives up the rows.
		const height = (list: BrokenLesson[]) =>
			homeLines(initialState({...repoCourse(), broken: list}, emptyProgress(), {columns: 80, rows: 24}), ascii)
				.length;
		expect(height([1, 2, 3, 4, 5].map(broken))).toBe(height([]));
	});
});
