// Save time against store size: `pod-tutor check` (one attempt recorded) and a page turn in the
// tutor (two step visits saved, the second drawn after the first's save), with an empty progress
// file and with one holding 10,000 recorded attempts (10,000 exercises of extra lesson packs, each
// with a 2 KB answer: what a capped store can grow to), interleaved runs, medians.
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {performance} from 'node:perf_hooks';
import {projectRoot} from './bundle-like-cli.mjs';
import {mark, runInPty, terminalEnv} from './pty-run.mjs';
import {summary} from './stats.mjs';

export const RECORDED_ATTEMPTS = 10000;
const ANSWER_CHARS = 2048;

function bigProgress() {
	const at = '2026-01-01T00:00:00.000Z';
	const exercises = {};
	for (let i = 0; i < RECORDED_ATTEMPTS; i++) {
		exercises[`pack-exercise-${i}`] = {
			attempts: 1,
			correct: false,
			hintsUsed: 0,
			revealed: false,
			firstAttemptAt: at,
			lastAttemptAt: at,
			lastAnswer: {kind: 'text', text: `answer ${i} `.padEnd(ANSWER_CHARS, 'x')},
		};
	}
	return {version: 1, lessons: {}, exercises, predictions: {}, drafts: {}};
}

/** A free-text exercise of the built course: any text is an answer that gets recorded. */
function freeTextExercise() {
	const cache = JSON.parse(readFileSync(join(projectRoot, 'dist/course-cache.json'), 'utf8'));
	const text = JSON.stringify(cache);
	const match =
		/"id":"([a-z0-9-]+)","kind":"free-text"/.exec(text) ?? /"kind":"free-text","id":"([a-z0-9-]+)"/.exec(text);
	if (!match) throw new Error('no free-text exercise found in dist/course-cache.json');
	return match[1];
}

function timeCheck(configDir, exerciseId) {
	return new Promise((resolve, reject) => {
		const env = {...terminalEnv(configDir)};
		delete env.NODE_EXTRA_CA_CERTS;
		const started = performance.now();
		execFile(
			process.execPath,
			[join(projectRoot, 'bin/pod-tutor.js'), 'check', exerciseId, 'a guess'],
			{env},
			(error) => {
				// Exit 1 is a wrong answer, which is what is sent; anything else is a failure of the bench.
				if (error && error.code !== 1) return reject(new Error(`pod-tutor check failed: ${error.message}`));
				resolve(performance.now() - started);
			},
		);
	});
}

async function timePageTurn(configDir) {
	const env = {...terminalEnv(configDir)};
	delete env.NODE_EXTRA_CA_CERTS;
	const report = await runInPty({
		argv: [process.execPath, join(projectRoot, 'bin/pod-tutor.js')],
		env,
		// Before the journal (docs/DECISIONS.md) every save here read and wrote 20 MB: minutes on a busy machine.
		timeout: 180,
		steps: [
			{wait_text: 'lessons done'},
			{watch: 1500},
			{send: '\r'},
			{wait_quiet: 500},
			// Two page turns back to back: the second is drawn only after the first one's save.
			{send: 'l', label: 'turn'},
			{send: 'l'},
			// Frames are diffs: the text is looked for on the emulated screen, not in the bytes.
			{wait_screen: 'step 3/', label: 'settled'},
			{send: '\u0003'},
		],
	});
	return {answered: (mark(report, 'settled').t - mark(report, 'turn').t) * 1000};
}

export async function measureSaveTime(runs = 5, log = () => {}) {
	const work = mkdtempSync(join(tmpdir(), 'pod-tutor-bench-save-'));
	try {
		const exerciseId = freeTextExercise();
		const big = JSON.stringify(bigProgress());
		const setups = {
			empty: () => mkdtempSync(join(work, 'empty-')),
			big: () => {
				const dir = mkdtempSync(join(work, 'big-'));
				writeFileSync(join(dir, 'progress.json'), big, {mode: 0o600});
				return dir;
			},
		};
		const samples = {empty: {check: [], turn: []}, big: {check: [], turn: []}};
		for (let round = 0; round < runs; round++) {
			for (const name of round % 2 === 0 ? ['empty', 'big'] : ['big', 'empty']) {
				samples[name].check.push(await timeCheck(setups[name](), exerciseId));
				samples[name].turn.push((await timePageTurn(setups[name]())).answered);
			}
			log(`save time: round ${round + 1}/${runs}`);
		}
		const probe = setups.big();
		const result = {
			exerciseId,
			recordedAttempts: RECORDED_ATTEMPTS,
			bigFileBytes: statSync(join(probe, 'progress.json')).size,
			empty: {check: summary(samples.empty.check), turn: summary(samples.empty.turn)},
			big: {check: summary(samples.big.check), turn: summary(samples.big.turn)},
		};
		result.checkRatio = result.big.check.median / result.empty.check.median;
		result.turnRatio = result.big.turn.median / result.empty.turn.median;
		return result;
	} finally {
		rmSync(work, {recursive: true, force: true});
	}
}
