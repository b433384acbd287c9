// What a save costs against the size of the store (issue #15 item 4), for `npm run bench` and by
// hand: node scripts/progress-save-cost.mjs [--attempts 10000] [--rounds 30]
// Prints one JSON object: median ms of a page turn (visitStep) and an answer (recordAttempt) on an
// empty store and on one holding `attempts` recorded attempts over the course's exercises (each
// with its last answer at the stored cap), the file sizes, the ratios, and how long `check`-style
// opening takes when a 50 MB progress file is found. Timings belong on a quiet machine.
import {mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {projectRoot} from './build-options.mjs';
import {bundleProgressStore} from './progress-store-bundle.mjs';

/** The store's cap on a typed answer (MAX_STORED_TEXT_CHARS in src/progress/progress-data.ts). */
const MAX_STORED_TEXT_CHARS = 2048;

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

async function bundledStore(scratch) {
	return import(pathToFileURL(await bundleProgressStore(join(scratch, 'progress-store.mjs'))).href);
}

function courseExerciseIds() {
	const ids = [];
	for (const group of readdirSync(join(projectRoot, 'exercises'), {withFileTypes: true})) {
		if (!group.isDirectory()) continue;
		for (const name of readdirSync(join(projectRoot, 'exercises', group.name)))
			if (/\.ya?ml$/.test(name)) ids.push(name.replace(/\.ya?ml$/, ''));
	}
	return ids;
}

function timeSaves(store, rounds, ids) {
	const page = [];
	const answer = [];
	for (let n = 0; n < rounds; n++) {
		let started = performance.now();
		store.visitStep('pod', n % 5, 6);
		page.push(performance.now() - started);
		started = performance.now();
		store.recordAttempt(ids[n % ids.length], {correct: false, answer: {kind: 'text', text: 'a sidecar'}});
		answer.push(performance.now() - started);
	}
	return {pageTurnMs: median(page), answerMs: median(answer)};
}

/** The measurement itself; `attempts` are spread over the course's exercise ids. */
export async function measureProgressSaves({attempts = 10_000, rounds = 30} = {}) {
	const scratch = mkdtempSync(join(tmpdir(), 'pod-tutor-save-cost-'));
	try {
		const {openProgressStore} = await bundledStore(scratch);
		const ids = courseExerciseIds();
		const emptyDir = join(scratch, 'empty');
		const empty = timeSaves(openProgressStore({POD_TUTOR_CONFIG_DIR: emptyDir}).store, rounds, ids);
		const fullDir = join(scratch, 'full');
		// Written as the store would have left it after `attempts` saves (counters, one capped answer
		// per exercise: the store keeps no history), without paying `attempts` fsyncs to get there.
		openProgressStore({POD_TUTOR_CONFIG_DIR: fullDir}).store.visitStep('pod', 0, 6);
		const at = new Date().toISOString();
		const exercises = {};
		ids.forEach((id, i) => {
			const count = Math.floor(attempts / ids.length) + (i < attempts % ids.length ? 1 : 0);
			exercises[id] = {
				attempts: count,
				correct: i % 3 === 0,
				hintsUsed: 1,
				revealed: false,
				firstAttemptAt: at,
				lastAttemptAt: at,
				lastAnswer: {kind: 'text', text: 'x'.repeat(MAX_STORED_TEXT_CHARS), shortened: true},
			};
		});
		writeFileSync(
			join(fullDir, 'progress.json'),
			JSON.stringify({version: 1, lessons: {}, exercises, predictions: {}, drafts: {}}, undefined, '\t'),
		);
		const fullBytes = statSync(join(fullDir, 'progress.json')).size;
		const full = timeSaves(openProgressStore({POD_TUTOR_CONFIG_DIR: fullDir}).store, rounds, ids);
		const hugeDir = join(scratch, 'huge');
		openProgressStore({POD_TUTOR_CONFIG_DIR: hugeDir}).store.visitStep('pod', 0, 6);
		writeFileSync(
			join(hugeDir, 'progress.json'),
			`{"version": 1, "drafts": {"x": {"text": "${'y'.repeat(50 * 1024 * 1024)}"}}}`,
		);
		const started = performance.now();
		const opened = openProgressStore({POD_TUTOR_CONFIG_DIR: hugeDir});
		opened.store.visitStep('pod', 1, 6);
		const open50MbMs = performance.now() - started;
		return {
			attempts,
			rounds,
			emptyStore: {...empty, fileBytes: statSync(join(emptyDir, 'progress.json')).size},
			fullStore: {...full, fileBytes: fullBytes},
			pageTurnRatio: full.pageTurnMs / empty.pageTurnMs,
			answerRatio: full.answerMs / empty.answerMs,
			open50MbMs,
			open50MbWarning: opened.warning,
		};
	} finally {
		rmSync(scratch, {recursive: true, force: true});
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	const args = process.argv.slice(2);
	const value = (flag, fallback) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback);
	const result = await measureProgressSaves({attempts: value('--attempts', 10_000), rounds: value('--rounds', 30)});
	process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
