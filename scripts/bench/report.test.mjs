import {describe, expect, it} from 'vitest';
import {consoleTable, performanceDoc, summaryRows, TARGETS} from './report.mjs';
import {sessionPlan} from './session.mjs';

const stat = (median) => ({n: 3, median, p90: median, min: median, max: median});
const proc = (rssMB) => ({VmRSS_kB: rssMB * 1024, VmHWM_kB: rssMB * 1024});

function results({ratio = 0.5, maxMove = 200, homeMB = 60, peakMB = 65, idleSwitches = 0, diagramP95 = 1} = {}) {
	return {
		date: '2025-01-01T00:00:00.000Z',
		args: ['--runs', '3'],
		machine: {nproc: '2', cpus: 2, cpuModel: 'cpu', os: 'Linux', node: 'v20.20.2', extraCaCerts: undefined, loadBefore: '0 0 0', loadAfter: '0 0 0'},
		firstFrame: {
			runs: 3,
			tutorFirstFrame: stat(100 * ratio),
			helloFirstFrame: stat(100),
			ratio,
			tutorInkTakesOver: stat(200),
			tutorFirstKeyAfterInk: stat(50),
			bareNode: stat(40),
			withoutExtraCaCerts: {tutorFirstFrame: stat(40), helloFirstFrame: stat(80), ratio: 0.5, bareNode: stat(20)},
			insideTutor: {nodeReady: stat(30), frameWritten: stat(45), tutorWork: stat(15)},
		},
		courseLoad: {runs: 3, nodeToScript: stat(30), importLoader: stat(3), loadCourseCold: stat(10), loadCourseWarm: stat(5), course: {lessons: 1, broken: 0, exercises: 2, yamlFiles: 3, yamlBytes: 2048}},
		session: {
			cursorMove: {down: [maxMove], up: [maxMove - 10], mean: maxMove - 5, max: maxMove},
			openLesson: 900,
			nextStep: {pages: [{step: 2, kind: 'text', bytes: 500}], mean: 500, max: 500},
			backToHome: 1000,
			helpOn: 700,
			helpOff: 800,
			memory: {home: proc(homeMB), afterLesson: proc(peakMB)},
			idle: {windowMs: 5000, cpuTicks: 0, clockTicksPerSecond: 100, voluntarySwitches: idleSwitches, involuntarySwitches: 0, bytesWritten: 0},
		},
		references: {helloIdle: proc(50), nodeIdle: proc(40)},
		diagram: {median: 0.5, p95: diagramP95, max: 2, output: 'median 0.5 ms, p95 1 ms'},
	};
}

const verdicts = (r) => summaryRows(r).map((row) => row[3]);

describe('verdicts against the targets', () => {
	it('passes figures inside every target', () => {
		expect(verdicts(results())).toEqual(Array(6).fill('meets'));
	});

	it('fails each figure just past its target, and only that one', () => {
		expect(verdicts(results({ratio: TARGETS.firstFrameRatio + 0.01}))[0]).toBe('MISSES');
		expect(verdicts(results({maxMove: TARGETS.bytesPerCursorMove + 1}))[1]).toBe('MISSES');
		expect(verdicts(results({homeMB: TARGETS.residentMB}))[2]).toBe('MISSES');
		expect(verdicts(results({peakMB: TARGETS.residentMB + 1}))[3]).toBe('MISSES');
		expect(verdicts(results({idleSwitches: 50}))[4]).toBe('MISSES');
		expect(verdicts(results({diagramP95: 5}))[5]).toBe('MISSES');
		expect(verdicts(results({diagramP95: 5})).filter((v) => v === 'MISSES')).toHaveLength(1);
	});

	it('counts a diagram benchmark that could not run as a miss', () => {
		const r = {...results(), diagram: {error: 'no such file'}};
		expect(verdicts(r)[5]).toBe('MISSES');
		expect(performanceDoc(r)).toContain('failed: no such file');
	});

	it('writes the command, the machine and every figure\'s row into the document', () => {
		const doc = performanceDoc(results({ratio: 0.55}));
		expect(doc).toContain('node scripts/bench.mjs --runs 3');
		expect(doc).toContain('NODE_EXTRA_CA_CERTS not set');
		expect(doc).toContain('**0.55x**');
		expect(consoleTable(summaryRows(results())).split('\n')).toHaveLength(7);
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
