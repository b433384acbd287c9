/**
 * Runs the effects the tutor's decisions queue (src/tutor/tutor-effects.ts): saves progress,
 * opens the editor, sends keys to the command pane, runs live actions once detection answers.
 * The only place where the app touches the progress store, the terminal hand-over and live mode.
 */
import {useEffect, useLayoutEffect, useRef, type Dispatch} from 'react';
import {apiSchemaLoaded} from '../exercises/api-schema.js';
import {prepareChecking} from '../exercises/check-answer.js';
import type {LiveContext} from '../live/live-context.js';
import {checkLiveExercise, createLessonPod, lessonPodDiagram, lessonShellArgv} from '../live/tutor-live-actions.js';
import type {ProgressResult, ProgressStore} from '../progress/progress-store.js';
import type {TextStyle} from '../render/text-style.js';
import {editManifest} from '../tutor/manifest-editor.js';
import type {TutorEvent} from '../tutor/tutor-decisions.js';
import type {Effect} from '../tutor/tutor-effects.js';
import type {LiveAction, TutorState} from '../tutor/tutor-state.js';
import {lastAnswerOf} from '../tutor/widget-state.js';
import type {IntentChannel} from './intent-channel.js';
import type {HandoverResult} from './terminal-handover.js';

export interface EffectDeps {
	readonly store: ProgressStore;
	readonly handOver: (argv: readonly string[]) => HandoverResult;
	readonly live?: LiveContext;
	readonly liveReady?: PromiseLike<LiveContext | undefined>;
	readonly style: TextStyle;
	readonly env: NodeJS.ProcessEnv;
	readonly pane: IntentChannel;
	readonly exit: () => void;
}

const WAITING: Record<LiveAction, string> = {
	createPod: 'Creating the lesson Pod...',
	shell: 'Finding the lesson Pod...',
	liveCheck: 'Checking your real Pod...',
	liveDiagram: 'Reading the real Pod...',
};

export function useTutorEffects(state: TutorState, dispatch: Dispatch<TutorEvent>, deps: EffectDeps): void {
	// The runner reads the props of the latest render (live mode arrives after the first frame).
	const latest = useRef(deps);
	useLayoutEffect(() => {
		latest.current = deps;
	});
	useEffect(() => {
		if (state.outbox.length === 0) return;
		const effects = state.outbox;
		dispatch({type: 'taken', count: effects.length});
		for (const effect of effects) perform(effect, state, dispatch, latest.current);
	}, [state, dispatch]);
	// Before lazy detection has answered, any tool may turn out to be there: the pane finds out on
	// Enter and shows the recorded output, labelled, when its tool is not.
	const tools = deps.live ? Object.keys(deps.live.backends).join(' ') : deps.liveReady ? 'kubectl crictl podman' : '';
	useEffect(() => {
		dispatch({type: 'liveTools', tools: tools ? tools.split(' ') : []});
	}, [tools, dispatch]);
}

function perform(effect: Effect, state: TutorState, dispatch: Dispatch<TutorEvent>, deps: EffectDeps): void {
	const {store} = deps;
	const saved = (result: ProgressResult) => {
		if (!result.ok) {
			// The store keeps a change the disk refused and saves it with the next one: show it as made.
			if (result.unsaved) dispatch({type: 'progress', progress: result.unsaved.data});
			const kept = !result.unsaved
				? ''
				: result.unsaved.retried
					? ' Your work is kept here and saved with your next change.'
					: ' Your work is kept until you quit.';
			return dispatch({type: 'notice', text: `Progress not saved: ${result.error}${kept}`});
		}
		dispatch({type: 'progress', progress: result.data});
		if (result.warning) dispatch({type: 'notice', text: result.warning});
	};
	switch (effect.type) {
		case 'saveVisit':
			return saved(store.visitStep(effect.lessonId, effect.step, effect.steps));
		case 'recordAttempt':
			return saved(store.recordAttempt(effect.exerciseId, {correct: effect.correct, answer: effect.answer}));
		case 'recordPrediction':
			return saved(store.recordPrediction(effect.exerciseId, effect.choice, effect.correct));
		case 'recordHint':
			return saved(store.recordHint(effect.exerciseId, effect.shown));
		case 'recordReveal':
			return saved(store.recordReveal(effect.exerciseId));
		case 'edit': {
			const exercise = state.course.exercises.get(effect.exerciseId);
			if (exercise?.kind !== 'manifest') return;
			const previous = lastAnswerOf(exercise, state.progress);
			const edited = editManifest(
				exercise.id,
				typeof previous === 'string' ? previous : exercise.template,
				deps.env,
				deps.handOver,
			);
			if (!edited.ok) return dispatch({type: 'notice', text: edited.error});
			saved(store.saveDraft(exercise.id, edited.value));
			const answer = {
				type: 'answer',
				exerciseId: exercise.id,
				answer: {kind: 'manifest', source: edited.value, origin: 'editor'},
			} as const;
			// Manifests are checked against the API schema, imported on first use (a lazy chunk).
			if (apiSchemaLoaded()) return dispatch(answer);
			void prepareChecking(exercise)
				.then(() => dispatch(answer))
				.catch((error: unknown) =>
					dispatch({
						type: 'notice',
						text: `The manifest could not be checked: ${error instanceof Error ? error.message : String(error)}`,
					}),
				);
			return;
		}
		case 'pane':
			return deps.pane.send(effect.intent, effect.step);
		case 'exit':
			return deps.exit();
		case 'live':
			return runLive(effect, state, dispatch, deps);
	}
}

/** A live action, once detection has answered; the action's busy mark is cleared however it ends. */
function runLive(
	effect: Extract<Effect, {type: 'live'}>,
	state: TutorState,
	dispatch: Dispatch<TutorEvent>,
	deps: EffectDeps,
): void {
	const notice = (text: string | undefined) => dispatch({type: 'notice', text});
	if (!deps.live && deps.liveReady) notice('Looking for kubectl, crictl and podman first...');
	const found = deps.live ? Promise.resolve(deps.live) : Promise.resolve(deps.liveReady);
	void found
		.then(async (context) => {
			notice(WAITING[effect.action]);
			switch (effect.action) {
				case 'liveCheck': {
					const exercise = state.course.exercises.get(effect.exerciseId ?? '');
					if (exercise?.kind !== 'manifest') return;
					const result = await checkLiveExercise(exercise, context);
					return dispatch({type: 'liveChecked', exerciseId: exercise.id, result, pod: exercise.live?.pod});
				}
				case 'shell': {
					const argv = await lessonShellArgv(context);
					if (!argv.ok) return notice(argv.message);
					const result = deps.handOver([argv.argv.file, ...argv.argv.args]);
					return notice(
						result.error
							? `The shell could not start: ${result.error}`
							: `Back from the shell (exit code ${result.exitCode}).`,
					);
				}
				case 'liveDiagram': {
					const drawn = await lessonPodDiagram(context, state.size.columns, deps.style.charset);
					notice(drawn.ok ? 'The real Pod, measured (v again: the lesson diagram).' : drawn.message);
					if (drawn.ok)
						dispatch({type: 'liveDrawing', drawing: {step: effect.step ?? '', lines: drawn.lines}});
					return;
				}
				case 'createPod':
					return notice((await createLessonPod(context)).message);
			}
		})
		.catch((error: unknown) =>
			notice(`That did not work: ${error instanceof Error ? error.message : String(error)}`),
		)
		.finally(() => dispatch({type: 'busy', action: effect.action, on: false}));
}
