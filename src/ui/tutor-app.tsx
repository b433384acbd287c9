import React, {useCallback, useEffect, useReducer, useRef, useState} from 'react';
import {Box, Text, useApp, useInput, useStdout, type Key} from 'ink';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {Exercise} from '../content/types.js';
import type {Answer} from '../exercises/answer.js';
import {checkAnswer, prepareChecking} from '../exercises/check-answer.js';
import {apiSchemaLoaded} from '../exercises/api-schema.js';
import type {ProgressResult, ProgressStore} from '../progress/progress-store.js';
import {drawDiagramStep} from '../render/diagram-step.js';
import type {TextStyle} from '../render/text-style.js';
import {previousAnswer} from '../tutor/first-frame.js';
import {intentFor} from '../tutor/keymap.js';
import {commandPaneRows, currentExercise, currentLesson, currentStep, helpLines, homeLines, isTooSmall, keyContext, readerFrame, readerText, tooSmallLines} from '../tutor/screen.js';
import {sessionOf, tutorReducer, type TutorState} from '../tutor/tutor-state.js';
import {widgetLayout} from '../tutor/widget-layout.js';
import type {LiveContext} from '../live/live-context.js';
import {checkLiveExercise, createLessonPod, lessonPodDiagram, lessonShellArgv} from '../live/tutor-live-actions.js';
import {ExerciseWidget} from './exercise-widgets.js';
import {CommandPane} from './live/command-pane.js';
import {editorArgv, type HandoverResult} from './terminal-handover.js';

export interface TutorAppProps {
	readonly initial: TutorState;
	/** The backends found on this machine; undefined while detection runs, or offline. */
	readonly live?: LiveContext;
	/**
	 * Detection itself: a live key pressed before it answers waits for it instead of saying that
	 * nothing is there. Without it, `live` is all there is.
	 */
	readonly liveReady?: Promise<LiveContext | undefined>;
	readonly style: TextStyle;
	readonly store: ProgressStore;
	/** Runs a program on the real terminal (editor, kubectl exec -it) and redraws afterwards. */
	readonly handOver: (argv: readonly string[]) => HandoverResult;
}

export function TutorApp({initial, style, store, handOver, live, liveReady}: TutorAppProps) {
	const [state, dispatch] = useReducer(tutorReducer, initial);
	const [fieldFocused, setFieldFocused] = useState(true);
	/** The real lesson Pod drawn over a diagram step (v), keyed by the step it belongs to. */
	const [liveDrawing, setLiveDrawing] = useState<{step: string; lines: string[]} | undefined>();
	const {exit} = useApp();
	const {stdout} = useStdout();
	const maxScroll = useRef(0);
	/** The live actions under way, so a second press of the same key does not start them twice. */
	const running = useRef(new Set<string>());
	/** Runs a live action once detection has answered, at most one of each kind at a time. */
	const withLive = (name: string, waiting: string, action: (context: LiveContext | undefined) => Promise<void>) => {
		if (running.current.has(name)) return;
		running.current.add(name);
		if (!live && liveReady) dispatch({type: 'notice', text: 'Looking for kubectl, crictl and podman first...'});
		const found = live ? Promise.resolve(live) : (liveReady ?? Promise.resolve(undefined));
		void found
			.then((context) => {
				dispatch({type: 'notice', text: waiting});
				return action(context);
			})
			.catch((error: unknown) => dispatch({type: 'notice', text: `That did not work: ${error instanceof Error ? error.message : String(error)}`}))
			.finally(() => running.current.delete(name));
	};

	const saved = useCallback((result: ProgressResult) => {
		if (result.ok) {
			dispatch({type: 'progress', progress: result.data});
			if (result.warning) dispatch({type: 'notice', text: result.warning});
		} else {
			dispatch({type: 'notice', text: `Progress not saved: ${result.error}`});
		}
	}, []);

	useEffect(() => {
		const onResize = () => dispatch({type: 'resize', size: {columns: stdout.columns || 80, rows: stdout.rows || 24}});
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);

	const view = state.view;
	const lessonId = view.name === 'reader' ? view.lessonId : undefined;
	const stepIndex = view.name === 'reader' ? view.step : -1;
	useEffect(() => {
		setFieldFocused(true);
		if (lessonId === undefined) return;
		const lesson = currentLesson(state);
		if (lesson) saved(store.visitStep(lessonId, stepIndex, lesson.steps.length));
		// Saving depends only on where the learner is, not on the rest of the state.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [lessonId, stepIndex]);

	const exercise = currentExercise(state);
	const session = exercise ? sessionOf(state, exercise.id) : undefined;
	const settled = Boolean(session?.result?.correct || session?.revealed);

	const answer = useCallback(
		(ex: Exercise, given: Answer) => {
			// Manifests are checked against the API schema, imported on first use.
			if (ex.kind === 'manifest' && !apiSchemaLoaded()) {
				void prepareChecking(ex).then(() => answer(ex, given));
				return;
			}
			const result = checkAnswer(ex, given);
			dispatch({type: 'checked', exerciseId: ex.id, result});
			if (result.malformed) return;
			if (ex.kind === 'predict' && given.kind === 'choice' && !state.progress.predictions[ex.id]) {
				store.recordPrediction(ex.id, given.selected[0], result.correct);
			}
			saved(store.recordAttempt(ex.id, {correct: result.correct, answer: given}));
		},
		[saved, store, state.progress.predictions],
	);

	const edit = useCallback(
		(ex: Exercise) => {
			if (ex.kind !== 'manifest') return;
			const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-'));
			const file = join(dir, `${ex.id}.yaml`);
			const previous = previousAnswer(state, ex);
			writeFileSync(file, typeof previous === 'string' ? previous : ex.template);
			let result = handOver([...editorArgv(process.env), file]);
			if (result.error && !process.env.VISUAL && !process.env.EDITOR) result = handOver(['vi', file]);
			let text: string | undefined;
			try {
				text = readFileSync(file, 'utf8');
			} catch {
				text = undefined;
			}
			rmSync(dir, {recursive: true, force: true});
			if (result.error || text === undefined) {
				dispatch({type: 'notice', text: `No editor could be started (${result.error ?? 'the file vanished'}): set EDITOR, or use pod-tutor check ${ex.id} --file pod.yaml`});
				return;
			}
			saved(store.saveDraft(ex.id, text));
			answer(ex, {kind: 'manifest', source: text, origin: 'editor'});
		},
		[answer, handOver, saved, state, store],
	);

	// Ink swaps input handlers in an effect, after the frame is drawn: keys that arrive faster than
	// that (a paste, scripted input) would reach a handler holding the previous state. The handler
	// therefore reads the state of the latest render through a ref.
	const latest = useRef({state, fieldFocused});
	latest.current = {state, fieldFocused};
	const handleKey = (input: string, key: Key) => {
		const {state, fieldFocused} = latest.current;
		const view = state.view;
		const exercise = currentExercise(state);
		if (key.ctrl && input === 'c') return exit();
		if (isTooSmall(state)) return;
		const context = keyContext(state);
		const typing = exercise && (exercise.kind === 'free-text' || exercise.kind === 'quantity') && fieldFocused;
		if (typing) return;
		const intent = intentFor({...key, input}, state.help ? ['reader'] : [context]);
		if (state.help) {
			if (intent === 'help' || intent === 'back') dispatch({type: 'toggleHelp'});
			return;
		}
		switch (intent) {
			case 'help':
				return dispatch({type: 'toggleHelp'});
			case 'quit':
				return exit();
			case 'back':
				return view.name === 'home' ? exit() : dispatch({type: 'home'});
			case 'up':
				if (view.name === 'home') return dispatch({type: 'moveCursor', delta: -1});
				if (!exercise && context !== 'command') dispatch({type: 'scroll', delta: -1, max: maxScroll.current});
				return;
			case 'down':
				if (view.name === 'home') return dispatch({type: 'moveCursor', delta: 1});
				if (!exercise && context !== 'command') dispatch({type: 'scroll', delta: 1, max: maxScroll.current});
				return;
			case 'pageUp':
				// The command pane scrolls its own output.
				if (context !== 'command') dispatch({type: 'scroll', delta: -(state.size.rows - 8), max: maxScroll.current});
				return;
			case 'pageDown':
				if (context !== 'command') dispatch({type: 'scroll', delta: state.size.rows - 8, max: maxScroll.current});
				return;
			case 'open':
				if (view.name === 'home' && state.course.lessons[view.cursor]) dispatch({type: 'open', lessonId: state.course.lessons[view.cursor].id});
				return;
			case 'next':
				return dispatch({type: 'step', delta: 1});
			case 'previous':
				return dispatch({type: 'step', delta: -1});
			case 'hint':
				if (exercise) {
					const shown = Math.min(exercise.hints.length, sessionOf(state, exercise.id).hintsShown + 1);
					dispatch({type: 'hint', exerciseId: exercise.id, hintCount: exercise.hints.length});
					saved(store.recordHint(exercise.id, shown));
				}
				return;
			case 'solution':
				if (exercise) {
					const attempted = sessionOf(state, exercise.id).result !== undefined || (state.progress.exercises[exercise.id]?.attempts ?? 0) > 0;
					dispatch({type: 'reveal', exerciseId: exercise.id});
					if (attempted) saved(store.recordReveal(exercise.id));
				}
				return;
			case 'edit':
				if (exercise) edit(exercise);
				return;
			case 'liveCheck':
				if (exercise?.kind === 'manifest') {
					withLive('liveCheck', `Checking your real Pod ${exercise.live?.pod ?? ''}...`, async (context) => {
						const result = await checkLiveExercise(exercise, context);
						// Nothing was checked (no live Pod, no backend, Pod not found): say why on the notice line.
						if (result.malformed) return dispatch({type: 'notice', text: result.feedback});
						dispatch({type: 'notice', text: undefined});
						dispatch({type: 'checked', exerciseId: exercise.id, result});
						saved(store.recordAttempt(exercise.id, {correct: result.correct, answer: {kind: 'live', pod: exercise.live?.pod}}));
					});
				}
				return;
			case 'shell':
				withLive('shell', 'Finding the lesson Pod...', async (context) => {
					const found = await lessonShellArgv(context);
					if (!found.ok) return dispatch({type: 'notice', text: found.message});
					const result = handOver([found.argv.file, ...found.argv.args]);
					dispatch({type: 'notice', text: result.error ? `The shell could not start: ${result.error}` : `Back from the shell (exit code ${result.exitCode}).`});
				});
				return;
			case 'liveDiagram': {
				const here = view.name === 'reader' ? `${view.lessonId}:${view.step}` : '';
				if (currentStep(state)?.kind !== 'diagram') return;
				if (liveDrawing?.step === here) return setLiveDrawing(undefined);
				withLive('liveDiagram', 'Reading the real Pod...', async (context) => {
					const drawn = await lessonPodDiagram(context, state.size.columns, style.charset);
					dispatch({type: 'notice', text: drawn.ok ? 'The real Pod, measured (v again: the lesson diagram).' : drawn.message});
					if (drawn.ok) setLiveDrawing({step: here, lines: drawn.lines});
				});
				return;
			}
			case 'createPod':
				withLive('createPod', 'Creating the lesson Pod...', async (context) => {
					const outcome = await createLessonPod(context);
					dispatch({type: 'notice', text: outcome.message});
				});
				return;
			default:
				return;
		}
	};
	useInput(handleKey);

	if (isTooSmall(state)) return <Text>{tooSmallLines(state).join('\n')}</Text>;
	if (state.help) return <Text>{helpLines(state, style).join('\n')}</Text>;
	if (view.name === 'home') return <Text>{homeLines(state, style).join('\n')}</Text>;

	const width = state.size.columns;
	const step = currentStep(state);
	// A predict exercise, once the prediction is made, runs its command for real when it can.
	const observe = exercise?.kind === 'predict' && session?.result && !session.result.malformed && live?.backends[exercise.observe.tool] ? exercise.observe : undefined;
	const here = view.name === 'reader' ? `${view.lessonId}:${view.step}` : '';
	const text = liveDrawing?.step === here ? liveDrawing.lines : readerText(state, style, drawDiagramStep, step?.kind === 'command', observe !== undefined);
	// A command step's command, or a predict exercise's once the prediction is made.
	const paneCommand = observe ?? (step?.kind === 'command' ? step : undefined);
	const paneRows = paneCommand ? commandPaneRows(state, text.length) : 0;
	const layout = exercise && !observe ? widgetLayout(exercise, width, state.size.rows, style) : {compact: false, rows: paneRows};
	const frame = readerFrame(state, style, text, layout.rows);
	maxScroll.current = frame.maxScroll;
	return (
		<Box flexDirection="column">
			<Text>{[...frame.header, ...frame.text].join('\n')}</Text>
			{paneCommand ? (
				<CommandPane
					key={here}
					command={paneCommand}
					live={live}
					width={width}
					height={paneRows}
					isActive={!state.help}
					ascii={style.charset === 'ascii'}
					onDone={() => dispatch({type: 'step', delta: 1})}
				/>
			) : exercise ? (
				<ExerciseWidget
					key={exercise.id}
					exercise={exercise}
					style={style}
					width={width}
					active={!state.help}
					settled={settled}
					onAnswer={(given) => answer(exercise, given)}
					onNext={() => dispatch({type: 'step', delta: 1})}
					fieldFocused={fieldFocused}
					setFieldFocused={setFieldFocused}
					onEdit={() => edit(exercise)}
					lastAnswer={previousAnswer(state, exercise)}
					compact={layout.compact}
				/>
			) : null}
			<Text>{frame.footer.join('\n')}</Text>
		</Box>
	);
}
