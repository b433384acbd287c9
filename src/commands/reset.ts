import {createInterface} from 'node:readline';
import {loadCourseFast} from '../content/course-cache.js';
import type {Course} from '../content/types.js';
import {withConfigDir} from '../progress/progress-path.js';
import {lessonExerciseIds} from '../progress/progress-report.js';
import {openProgressStore} from '../progress/progress-store.js';
import type {ResetScope} from '../progress/progress-updates.js';
import {DEFAULT_IMAGE} from '../live/lesson-pods.js';
import {DEFAULT_NAMESPACE} from '../live/live-options.js';
import {cleanupTutorObjects} from './cleanup.js';
import {EXIT_FAIL, EXIT_NOT_SAVED, EXIT_OK, EXIT_USAGE, type CommandIO, type Subcommand} from './command-io.js';

const USAGE = 'Usage: pod-tutor reset (--lesson ID | --exercise ID | --all [--progress-only]) [--yes]';

type RequestedScope = {kind: 'all'} | {kind: 'lesson'; id: string} | {kind: 'exercise'; id: string};

type ParsedReset = {ok: true; scope: RequestedScope; yes: boolean; progressOnly: boolean} | {ok: false; error: string};

export function parseResetArgs(args: readonly string[]): ParsedReset {
	const scopes: RequestedScope[] = [];
	let yes = false;
	let progressOnly = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		const [flag, inline] =
			arg.startsWith('--') && arg.includes('=')
				? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
				: [arg, undefined];
		if (flag === '--yes' || flag === '-y') yes = true;
		else if (flag === '--all') scopes.push({kind: 'all'});
		else if (flag === '--progress-only') progressOnly = true;
		else if (flag === '--lesson' || flag === '--exercise') {
			const value = inline ?? args[i + 1];
			if (inline === undefined) i++;
			if (value === undefined || value === '' || value.startsWith('-')) {
				return {
					ok: false,
					error: `${flag} needs an id, e.g. ${flag} ${flag === '--lesson' ? 'pause' : 'pause-ip'}`,
				};
			}
			scopes.push({kind: flag === '--lesson' ? 'lesson' : 'exercise', id: value});
		} else return {ok: false, error: `unknown argument "${arg}"`};
	}
	if (scopes.length !== 1) {
		return {
			ok: false,
			error: `choose exactly one of --lesson ID, --exercise ID or --all (${scopes.length === 0 ? 'none was' : `${scopes.length} were`} given)`,
		};
	}
	if (progressOnly && scopes[0].kind !== 'all')
		return {ok: false, error: "--progress-only goes with --all (only --all also deletes the tutor's live objects)"};
	return {ok: true, scope: scopes[0], yes, progressOnly};
}

interface ResolvedScope {
	readonly scope: ResetScope;
	/** What is being reset, for the question and the confirmation. */
	readonly what: string;
}

function resolveScope(requested: RequestedScope, course: Course): ResolvedScope | {error: string} {
	if (requested.kind === 'all') return {scope: {all: true}, what: 'all your progress'};
	if (requested.kind === 'exercise') {
		if (!course.exercises.has(requested.id)) {
			return {
				error: `there is no exercise "${requested.id}"; \`pod-tutor progress\` lists the lessons, \`pod-tutor list\` their exercises`,
			};
		}
		return {scope: {exercise: requested.id}, what: `exercise "${requested.id}"`};
	}
	const lesson = course.lessons.find((l) => l.id === requested.id);
	if (!lesson) {
		const known = course.lessons.map((l) => l.id).join(', ');
		return {error: `there is no lesson "${requested.id}"${known ? ` (lessons: ${known})` : ''}`};
	}
	const exerciseIds = lessonExerciseIds(course, lesson);
	const count = exerciseIds.length;
	return {
		scope: {lesson: lesson.id, exerciseIds},
		what: `lesson "${lesson.id}" (its steps and ${count} exercise${count === 1 ? '' : 's'})`,
	};
}

/** Reads one line from stdin; end of input counts as no. */
function askLine(io: CommandIO, question: string): Promise<string> {
	io.stdout(question);
	return new Promise((resolve) => {
		const lines = createInterface({input: io.stdin, terminal: false});
		let answered = false;
		lines.once('line', (line) => {
			answered = true;
			lines.close();
			resolve(line);
		});
		lines.once('close', () => {
			if (!answered) resolve('');
		});
	});
}

/** pod-tutor reset (--lesson ID | --exercise ID | --all) [--yes]: forgets recorded progress. */
export const runReset: Subcommand = async (args, io, options) => {
	const parsed = parseResetArgs(args);
	if (!parsed.ok) {
		io.stderr(`pod-tutor reset: ${parsed.error}. ${USAGE}\n`);
		return EXIT_USAGE;
	}
	const course = await loadCourseFast(options.lessonDirs);
	const resolved = resolveScope(parsed.scope, course);
	if ('error' in resolved) {
		io.stderr(`pod-tutor reset: ${resolved.error}.\n`);
		return EXIT_USAGE;
	}
	if (!parsed.yes) {
		if (!io.interactive) {
			io.stderr(
				`pod-tutor reset: not resetting ${resolved.what} without confirmation, and there is no terminal to ask on. Add --yes to reset anyway.\n`,
			);
			return EXIT_USAGE;
		}
		const answer = await askLine(io, `Reset ${resolved.what}? This cannot be undone. [y/N] `);
		if (!/^\s*y(es)?\s*$/i.test(answer)) {
			io.stdout('Nothing was reset.\n');
			return EXIT_FAIL;
		}
	}
	const {store, warning} = openProgressStore(withConfigDir(io.env, options.configDir));
	if (warning) io.stderr(`pod-tutor reset: ${warning}\n`);
	const result = store.reset(resolved.scope);
	if (!result.ok) {
		io.stderr(`pod-tutor reset: nothing was reset, progress not saved: ${result.error}\n`);
		return EXIT_NOT_SAVED;
	}
	if (result.warning) io.stderr(`pod-tutor reset: ${result.warning}\n`);
	io.stdout(`Reset ${resolved.what}.\n`);
	if (parsed.scope.kind !== 'all' || parsed.progressOnly) return EXIT_OK;
	// --all starts over completely: the Pods the tutor created go too, found by their labels only.
	const cleaned = await cleanupTutorObjects(io, options, {namespace: DEFAULT_NAMESPACE, image: DEFAULT_IMAGE});
	if (!cleaned.usable) io.stdout('No cluster or podman is usable here, so there were no live objects to delete.\n');
	return cleaned.failed ? EXIT_FAIL : EXIT_OK;
};
