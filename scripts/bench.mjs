// `npm run bench`: measures the built tutor (dist/) against the product owner's figures, prints a
// table and rewrites docs/PERFORMANCE.md. See that file for what each figure means.
//   node scripts/bench.mjs [--runs N] [--no-write] [--json FILE]
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import {join} from 'node:path';
import {parseArgs} from 'node:util';
import {projectRoot} from './bench/bundle-like-cli.mjs';
import {measureCourseLoad} from './bench/course-load.mjs';
import {measureDiagram} from './bench/diagram.mjs';
import {measureFirstFrame} from './bench/first-frame.mjs';
import {measureMemoryReferences} from './bench/memory-references.mjs';
import {consoleTable, performanceDoc, summaryRows} from './bench/report.mjs';
import {measureMemoryVariants} from './bench/memory-variants.mjs';
import {measureSaveTime} from './bench/save-time.mjs';
import {measureSession} from './bench/session.mjs';

const USAGE = 'usage: node scripts/bench.mjs [--runs N] [--no-write] [--json FILE]\n';

function options(argv) {
	try {
		const {values} = parseArgs({
			args: argv,
			options: {
				runs: {type: 'string', default: '20'},
				'no-write': {type: 'boolean', default: false},
				json: {type: 'string'},
			},
		});
		const runs = Number(values.runs);
		if (!Number.isInteger(runs) || runs < 1)
			return {error: `--runs wants a whole number of at least 1, not "${values.runs}"`};
		return {runs, write: !values['no-write'], json: values.json};
	} catch (error) {
		return {error: error.message};
	}
}

function loadAverage() {
	return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/**
 * The other areas' benchmarks, when they are there: answer checking (scripts/bench-checking.mjs)
 * and a class starting at once (scripts/bench-class.mjs). Their own output goes into the report;
 * a failure is reported there too, never as a failed run.
 */
function runExternalBenches(log) {
	const benches = [
		{title: 'Checking answers', script: 'scripts/bench-checking.mjs', args: []},
		{
			title: 'A class starting at once (no lab config: live detection lazy)',
			script: 'scripts/bench-class.mjs',
			args: ['--sessions', '20', '--lab', 'default'],
		},
		{
			title: 'A class starting at once (lab config live: off)',
			script: 'scripts/bench-class.mjs',
			args: ['--sessions', '20', '--lab', 'live-off'],
		},
	];
	return benches
		.filter((b) => existsSync(join(projectRoot, b.script)))
		.map((b) => {
			const command = ['node', b.script, ...b.args].join(' ');
			log(`running ${command} ...`);
			try {
				return {
					title: b.title,
					command,
					output: execFileSync(process.execPath, [join(projectRoot, b.script), ...b.args], {
						cwd: projectRoot,
						encoding: 'utf8',
						maxBuffer: 16 * 1024 * 1024,
						stdio: ['ignore', 'pipe', 'pipe'],
					}),
				};
			} catch (error) {
				return {title: b.title, command, output: `failed: ${error.message}\n${error.stdout ?? ''}`};
			}
		});
}

async function main(argv) {
	const opts = options(argv);
	if ('error' in opts) {
		process.stderr.write(`bench: ${opts.error}\n${USAGE}`);
		return 2;
	}
	if (!existsSync(join(projectRoot, 'dist/cli.js'))) {
		process.stderr.write('bench: dist/cli.js is missing: run npm run build first (npm run bench does).\n');
		return 1;
	}
	const log = (line) => process.stderr.write(`${line}\n`);
	const machine = {
		nproc: execFileSync('nproc', {encoding: 'utf8'}).trim(),
		cpus: os.cpus().length,
		cpuModel: os.cpus()[0]?.model ?? 'unknown CPU',
		os: `${os.type()} ${os.release()}`,
		node: process.version,
		extraCaCerts: process.env.NODE_EXTRA_CA_CERTS,
		loadBefore: loadAverage(),
	};
	log('measuring the first frame ...');
	const firstFrame = await measureFirstFrame(opts.runs, log);
	log('measuring course loading ...');
	const courseLoad = await measureCourseLoad(opts.runs, log);
	log('driving one session (keys, memory, idle) ...');
	const session = await measureSession(courseLoad.firstLessonStepKinds);
	const references = await measureMemoryReferences();
	// The parts below report a failure in their section instead of stopping the whole run.
	const attempt = async (what, run) => {
		try {
			return await run();
		} catch (error) {
			log(`${what} failed: ${error.message}`);
			return {error: error.message};
		}
	};
	log('measuring what each run-time V8 setting is worth ...');
	const memoryVariants = await attempt('memory variants', () =>
		measureMemoryVariants(courseLoad.firstLessonStepKinds, Math.min(opts.runs, 3), log),
	);
	log('measuring save time against store size ...');
	const saveTime = await attempt('save time', () => measureSaveTime(Math.min(opts.runs, 5), log));
	const external = runExternalBenches(log);
	log('running scripts/bench-diagram.mjs ...');
	let diagram;
	try {
		diagram = measureDiagram();
	} catch (error) {
		diagram = {error: error.message};
	}
	machine.loadAfter = loadAverage();
	const results = {
		date: new Date().toISOString(),
		args: argv,
		machine,
		firstFrame,
		courseLoad,
		session,
		references,
		memoryVariants,
		saveTime,
		diagram,
		external,
	};
	process.stdout.write(`${consoleTable(summaryRows(results))}\n`);
	if (opts.json) writeFileSync(opts.json, JSON.stringify(results, null, '\t'));
	if (opts.write) {
		writeFileSync(join(projectRoot, 'docs/PERFORMANCE.md'), performanceDoc(results));
		log('wrote docs/PERFORMANCE.md');
	}
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => {
		process.exitCode = code;
	},
	(error) => {
		process.stderr.write(`bench: ${error.message}\n`);
		process.exitCode = 1;
	},
);
