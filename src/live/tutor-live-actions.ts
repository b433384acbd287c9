/**
 * What the tutor's live keys do, as plain functions: `p` creates the lesson Pod, `c` checks the
 * learner's real Pod against a manifest exercise's rules.
 */
import type {ManifestExercise} from '../content/types.js';
import type {CheckResult} from '../exercises/check-answer.js';
import type {LiveBackend} from './backend.js';
import {shellArgv, type InteractiveArgv} from './interactive-argv.js';
import {checkLivePod} from './live-check.js';
import {drawLivePod} from './live-diagram.js';
import type {LiveContext} from './live-context.js';
import {webAppPod} from './lesson-pods.js';
import {carriesTutorLabels, currentUserLabel} from './tutor-labels.js';

/** The lesson Pod that lesson commands' {pod} stands for. */
export const LESSON_POD = {pod: 'web-app', container: 'app'} as const;

/** A backend that can create Pods: a cluster first, else podman (crictl never creates). */
export function creatingBackend(live: LiveContext | undefined): LiveBackend | undefined {
	return live?.backends.kubectl ?? live?.backends.podman;
}

/** A backend that can read a Pod: a cluster first, then podman, then the CRI runtime. */
export function readingBackend(live: LiveContext | undefined): LiveBackend | undefined {
	return live?.backends.kubectl ?? live?.backends.podman ?? live?.backends.crictl;
}

export const NO_BACKEND = 'No cluster, CRI runtime or podman is usable here (pod-tutor doctor says why).';

/** Creates the lesson Pod with the tutor's labels; the message says what happened. */
export async function createLessonPod(
	live: LiveContext | undefined,
	env: NodeJS.ProcessEnv = process.env,
): Promise<{ok: boolean; message: string}> {
	const backend = creatingBackend(live);
	if (!backend || !live) return {ok: false, message: NO_BACKEND};
	// A second p, or a tutor restarted after creating it: the Pod is there, so say so instead of
	// letting the runtime fail on a name already taken.
	const user = currentUserLabel(env);
	const existing = await backend.getPod(LESSON_POD.pod);
	if (existing.ok) {
		if (!carriesTutorLabels(existing.value.labels, user)) {
			return {
				ok: false,
				message:
					`A Pod named ${LESSON_POD.pod} already exists and the tutor did not create ` +
					`it for ${user}; it is left alone. Remove or rename it, then press p again.`,
			};
		}
		return {
			ok: true,
			message: `Pod ${LESSON_POD.pod} is already running with ${backend.tool} (x: a shell in it, v on a diagram step: draw it).`,
		};
	}
	const manifest = webAppPod({
		name: LESSON_POD.pod,
		image: live.values.image ?? 'busybox:1.36',
		user,
		namespace: backend.tool === 'kubectl' ? live.values.namespace : undefined,
	});
	const created = await backend.createPod(manifest);
	if (!created.ok)
		return {ok: false, message: `Could not create Pod ${LESSON_POD.pod} with ${backend.tool}: ${created.error}`};
	return {
		ok: true,
		message: `Created Pod ${LESSON_POD.pod} with ${backend.tool} (labelled: pod-tutor cleanup removes it).`,
	};
}

/** The learner's real Pod checked with the exercise's rules, as a check result the tutor shows and records. */
export async function checkLiveExercise(
	exercise: ManifestExercise,
	live: LiveContext | undefined,
): Promise<CheckResult> {
	const backend = readingBackend(live);
	const pod = exercise.live?.pod;
	const failed = (message: string): CheckResult => ({
		id: exercise.id,
		correct: false,
		malformed: true,
		checks: [{name: 'live Pod', passed: false, message}],
		feedback: message,
	});
	if (!pod) return failed('This exercise has no live Pod to check: write the manifest with e instead.');
	if (!backend) return failed(NO_BACKEND);
	const result = await checkLivePod(backend, pod, exercise.rules);
	if (result.error) return failed(`Pod ${pod} could not be read with ${backend.tool}: ${result.error}`);
	const missed = result.checks.filter((c) => !c.passed).map((c) => `- ${c.message}`);
	const feedback = result.correct
		? `Your real Pod ${pod} (read with ${backend.tool}) passes every check.`
		: [`Your real Pod ${pod} (read with ${backend.tool}):`, ...missed].join('\n');
	return {id: exercise.id, correct: result.correct, malformed: false, checks: result.checks, feedback};
}

/** The argv of a shell in the lesson Pod's app container, or why there is none. */
export async function lessonShellArgv(
	live: LiveContext | undefined,
): Promise<{ok: true; argv: InteractiveArgv} | {ok: false; message: string}> {
	const backend = readingBackend(live);
	if (!backend) return {ok: false, message: NO_BACKEND};
	const pod = await backend.getPod(LESSON_POD.pod);
	if (!pod.ok)
		return {
			ok: false,
			message: `Pod ${LESSON_POD.pod} could not be read with ${backend.tool}: ${pod.error} (press p to create it)`,
		};
	const argv = shellArgv(backend, pod.value, LESSON_POD.container);
	return argv.ok ? {ok: true, argv: argv.value} : {ok: false, message: argv.error};
}

/** The lesson Pod drawn as it really runs, with measured namespaces, or why it cannot be. */
export async function lessonPodDiagram(
	live: LiveContext | undefined,
	width: number,
	charset: 'unicode' | 'ascii',
): Promise<{ok: true; lines: string[]} | {ok: false; message: string}> {
	const backend = readingBackend(live);
	if (!backend) return {ok: false, message: NO_BACKEND};
	const pod = await backend.getPod(LESSON_POD.pod);
	if (!pod.ok)
		return {
			ok: false,
			message: `Pod ${LESSON_POD.pod} could not be read with ${backend.tool}: ${pod.error} (press p on a command step to create it)`,
		};
	const drawn = await drawLivePod(backend, pod.value, {width, charset, color: false});
	return drawn.ok ? drawn : {ok: false, message: drawn.error};
}
