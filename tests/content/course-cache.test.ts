import {cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {readCourseCache} from '../../src/content/course-cache.js';
import {writeCourseCache} from '../../src/content/course-cache-writer.js';
import {loadCourse} from '../../src/content/course-loader.js';
import {repoRoot} from '../tutor/course-fixture.js';

const temps: string[] = [];
afterEach(() => {
	for (const dir of temps.splice(0)) rmSync(dir, {recursive: true, force: true});
});

/** A copy of the package's lessons and exercises in a fresh folder, with its cache written. */
async function packageCopy(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-cache-'));
	temps.push(dir);
	for (const part of ['lessons', 'exercises'])
		cpSync(join(repoRoot, part), join(dir, part), {recursive: true, preserveTimestamps: true});
	expect(await writeCourseCache(dir)).toEqual([]);
	return dir;
}

function summary(dir: string, course = loadCourse({lessonDirs: [join(dir, 'lessons')]})) {
	return {lessons: course.lessons, exercises: [...course.exercises.values()], broken: course.broken};
}

describe('the course cache', () => {
	it('gives the same course as parsing the YAML', async () => {
		const dir = await packageCopy();
		const cached = readCourseCache(dir);
		expect(cached).toBeDefined();
		expect(summary(dir, cached)).toEqual(summary(dir));
	});

	it('follows the package to another folder (paths are stored relative)', async () => {
		const dir = await packageCopy();
		const moved = mkdtempSync(join(tmpdir(), 'pod-tutor-moved-'));
		temps.push(moved);
		cpSync(dir, moved, {recursive: true});
		const cached = readCourseCache(moved);
		expect(cached?.lessons[0].file.startsWith(moved)).toBe(true);
		expect(readFileSync(cached!.lessons[0].file, 'utf8')).toContain(`id: ${cached!.lessons[0].id}`);
	});

	it('is still used when only the files times changed (as after npm install)', async () => {
		const dir = await packageCopy();
		const file = join(dir, 'lessons', '01-container.yaml');
		utimesSync(file, new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'));
		expect(readCourseCache(dir)).toBeDefined();
	});

	it('is ignored once a lesson file is edited, even to the same size', async () => {
		const dir = await packageCopy();
		const file = join(dir, 'lessons', '01-container.yaml');
		const text = readFileSync(file, 'utf8');
		const edited = text.replace(/^title: (.)/m, (_m, ch: string) => `title: ${ch === 'X' ? 'Y' : 'X'}`);
		expect(edited.length).toBe(text.length);
		writeFileSync(file, edited);
		expect(readCourseCache(dir)).toBeUndefined();
	});

	it('is ignored when a file is added, and when the cache is missing or damaged', async () => {
		const dir = await packageCopy();
		writeFileSync(join(dir, 'exercises', 'container', 'extra.yaml'), 'id: extra\n');
		expect(readCourseCache(dir)).toBeUndefined();
		const other = await packageCopy();
		writeFileSync(join(other, 'dist', 'course-cache.json'), '{"version": 1, "finger');
		expect(readCourseCache(other)).toBeUndefined();
	});
});
