import {describe, expect, it} from 'vitest';
import {consoleTable, performanceDoc, summaryRows, TARGETS} from './report.mjs';
import {readFileSync} from 'node:fs';
import {TUTOR_FLAGS} from './memory-variants.mjs';
import {sessionPlan} from './session.mjs';

const stat = (median) => ({n: 3, median, p90: median, min: median, max: median});
const proc = (rssMB) => ({VmRSS_kB: rssMB * 1024, VmHWM_kB: rssMB * 1024});

function results({
	ratio = 0.5,
	keyRatio = 0.8,
	maxMove = 40,
	pageOver = 1,
	homeMB = 60,
	peakMB = 65,
	idleSwitches = 0,
	saveRatio = 1.5,
	applied = 3,
	diagramP95 = 1,
} = {}) {
	return {
		date: '2025-01-01T00:00:00.000Z',
		args: ['--runs', '3'],
		machine: {
			nproc: '2',
			cpus: 2,
			cpuModel: 'cpu',
			os: 'Linux',
			node: 'v20.20.2',
			extraCaCerts: undefined,
			loadBefore: '0 0 0',
			loadAfter: '0 0 0',
		},
		firstFrame: {
			runs: 3,
			tutorFirstFrame: stat(100 * ratio),
			helloFirstFrame: stat(100),
			ratio,
			tutorFirstKey: stat(100 * keyRatio),
			tutorFirstKeyAfterFrame: stat(5),
			keyRatio,
			bareNode: stat(40),
			withoutExtraCaCerts: {
				tutorFirstFrame: stat(80 * ratio),
				helloFirstFrame: stat(80),
				ratio,
				tutorFirstKey: stat(80 * keyRatio),
				keyRatio,
				bareNode: stat(20),
			},
			insideTutor: {
				nodeReady: stat(30),
				frameWritten: stat(45),
				tutorWork: stat(15),
				inkReady: stat(150),
				inkAfterFrame: stat(105),
			},
			burst: {keysMs: [0, 10, 50, 100, 200], roundsAllApplied: applied, answeredEarly: stat(4), done: stat(210)},
		},
		courseLoad: {
			runs: 3,
			nodeToScript: stat(30),
			importLoader: stat(3),
			loadCourseCold: stat(10),
			loadCourseWarm: stat(5),
			course: {lessons: 1, broken: 0, exercises: 2, yamlFiles: 3, yamlBytes: 2048},
		},
		session: {
			cursorMove: {down: [maxMove], up: [maxMove - 10], mean: maxMove - 5, max: maxMove},
			openLesson: 900,
			nextStep: {
				pages: [{step: 2, kind: 'text', bytes: 500, fresh: 500 / pageOver}],
				mean: 500,
				max: 500,
				worstOverFresh: pageOver,
			},
			backToHome: 1000,
			helpOn: 700,
			helpOff: 800,
			memory: {home: proc(homeMB), afterLesson: proc(peakMB)},
			idle: {
				windowMs: 5000,
				cpuTicks: 0,
				clockTicksPerSecond: 100,
				voluntarySwitches: idleSwitches,
				involuntarySwitches: 0,
				bytesWritten: 0,
			},
		},
		references: {helloIdle: proc(homeMB - 3), nodeIdle: proc(40)},
		saveTime: {
			exerciseId: 'x',
			recordedAttempts: 10000,
			bigFileBytes: 2e7,
			checkRatio: saveRatio,
			turnRatio: 1,
			empty: {check: stat(100), turn: stat(50)},
			big: {check: stat(100 * saveRatio), turn: stat(50)},
		},
		memoryVariants: [{name: 'none', keep: [], idle: stat(60), peak: stat(75), afterLesson: stat(62)}],
		diagram: {median: 0.5, p95: diagramP95, max: 2, output: 'median 0.5 ms, p95 1 ms'},
	};
}

const verdicts = (r) => summaryRows(r).map((row) => row[3]);

describe('verdicts against the targets', () => {
	const ROWS = 10;
	it('passes figures inside every target', () => {
		expect(verdicts(results()).every((v) => v.startsWith('meets'))).toBe(true);
		expect(verdicts(results())).toHaveLength(ROWS);
	});

	it('fails each figure just past its target, and only that one', () => {
		const misses = (r) => verdicts(r).flatMap((v, i) => (v === 'MISSES' ? [i] : []));
		expect(misses(results({ratio: TARGETS.firstFrameRatio + 0.01}))).toEqual([0]);
		expect(misses(results({keyRatio: TARGETS.firstKeyRatio + 0.01}))).toEqual([1]);
		expect(misses(results({applied: 2}))).toEqual([2]);
		expect(misses(results({maxMove: TARGETS.bytesPerCursorMove + 1}))).toEqual([3]);
		expect(misses(results({pageOver: TARGETS.pageOverFresh + 0.01}))).toEqual([4]);
		expect(misses(results({peakMB: TARGETS.residentMB + 1}))).toEqual([5]);
		expect(misses(results({idleSwitches: 50}))).toEqual([7]);
		expect(misses(results({saveRatio: TARGETS.bigStoreRatio + 0.1}))).toEqual([8]);
		expect(misses(results({diagramP95: 5}))).toEqual([9]);
	});

	it('says when a stretch target is met too', () => {
		expect(verdicts(results({keyRatio: 0.5}))[1]).toBe('meets (stretch too)');
		expect(verdicts(results({maxMove: 25}))[3]).toBe('meets (stretch too)');
	});

	it('counts a diagram benchmark that could not run as a miss', () => {
		const r = {...results(), diagram: {error: 'no such file'}};
		expect(verdicts(r)[9]).toBe('MISSES');
		expect(performanceDoc(r)).toContain('failed: no such file');
	});

	it("writes the command, the machine and every figure's row into the document, and the other areas' benches", () => {
		const doc = performanceDoc({
			...results({ratio: 0.55}),
			external: [{title: 'Checking answers', command: 'node scripts/bench-checking.mjs', output: 'all fast'}],
		});
		expect(doc).toContain('node scripts/bench.mjs --runs 3');
		expect(doc).toContain('NODE_EXTRA_CA_CERTS not set');
		expect(doc).toContain('**0.55x**');
		expect(doc).toContain('## Checking answers');
		expect(doc).toContain('all fast');
		expect(consoleTable(summaryRows(results())).split('\n')).toHaveLength(ROWS + 1);
	});

	it('measures the V8 settings the tutor really sets', () => {
		const source = readFileSync(new URL('../../src/tutor-start.ts', import.meta.url), 'utf8');
		const flags = /TUTOR_V8_FLAGS =\s*'([^']*)'/.exec(source)?.[1].split(' ');
		expect(flags).toEqual(TUTOR_FLAGS);
	});
});

describe('the session plan', () => {
	it('leaves an answer field with Esc before it pages on, and only there', () => {
		const plan = sessionPlan('/tmp/x', ['text', 'free-text', 'single-choice', 'quantity'], 1);
		const sends = plan.steps.filter((s) => 'send' in s).map((s) => s.label);
		expect(sends.filter((l) => l?.startsWith('leave-field'))).toEqual(['leave-field-1:sent', 'leave-field-3:sent']);
		expect(sends.indexOf('leave-field-1:sent')).toBe(sends.indexOf('next-1:sent') + 1);
		expect(plan.env.CI).toBeUndefined();
		expect(plan.env.POD_TUTOR_CONFIG_DIR).toBe('/tmp/x');
	});
});
