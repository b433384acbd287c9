import {useEffect, useLayoutEffect, useReducer, useRef, useState} from 'react';
import {Box, Text, useApp, useInput, useStdout} from 'ink';
import type {LiveContext} from '../live/live-context.js';
import type {ProgressStore} from '../progress/progress-store.js';
import {watchProgressFile} from '../progress/progress-watch.js';
import {drawDiagramStep} from '../render/diagram-step.js';
import type {TextStyle} from '../render/text-style.js';
import {
	helpLines,
	homeLines,
	predictionFor,
	isTooSmall,
	readerScreen,
	stepKey,
	tooSmallLines,
	type ScreenLimits,
} from '../tutor/screen.js';
import {tutorAppReducer} from '../tutor/tutor-decisions.js';
import type {TutorState} from '../tutor/tutor-state.js';
import {ExerciseWidget} from './exercise-widgets.js';
import {IntentChannel} from './intent-channel.js';
import {CommandPane} from './live/command-pane.js';
import type {HandoverResult} from './terminal-handover.js';
import {useTutorEffects} from './use-tutor-effects.js';

export interface TutorAppProps {
	readonly initial: TutorState;
	/** The backends found on this machine; undefined while detection runs, or offline. */
	readonly live?: LiveContext;
	/**
	 * Detection itself: a live key pressed before it answers waits for it instead of saying that
	 * nothing is there. Without it, `live` is all there is.
	 */
	readonly liveReady?: PromiseLike<LiveContext | undefined>;
	readonly style: TextStyle;
	readonly store: ProgressStore;
	/** Runs a program on the real terminal (editor, kubectl exec -it) and redraws afterwards. */
	readonly handOver: (argv: readonly string[]) => HandoverResult;
	/** Messages from outside the app (Ctrl+Z where it cannot suspend), shown as its notice; returns the unsubscribe. */
	readonly notices?: (show: (text: string) => void) => () => void;
	/**
	 * Where the editor is configured ($VISUAL, $EDITOR).
	 * @default process.env
	 */
	readonly env?: NodeJS.ProcessEnv;
}

/**
 * The tutor's root: draws the state, turns every key into an event for the pure reducer
 * (src/tutor/tutor-decisions.ts) and lets useTutorEffects perform what the reducer decided.
 */
export function TutorApp({
	initial,
	style,
	store,
	handOver,
	live,
	liveReady,
	notices,
	env = process.env,
}: TutorAppProps) {
	const [state, dispatch] = useReducer(tutorAppReducer, initial);
	const {exit} = useApp();
	const {stdout} = useStdout();
	const [pane] = useState(() => new IntentChannel());
	useTutorEffects(state, dispatch, {store, handOver, live, liveReady, style, env, pane, exit});

	useEffect(() => notices?.((text) => dispatch({type: 'notice', text})), [notices]);

	// The learner's other window saved: show its work here too (the file is the truth, merged under a lock).
	useEffect(() => {
		const refresh = () => dispatch({type: 'progress', progress: store.refresh()});
		return watchProgressFile(store.file, refresh);
	}, [store]);

	useEffect(() => {
		const onResize = () =>
			dispatch({type: 'resize', size: {columns: stdout.columns || 80, rows: stdout.rows || 24}});
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);

	// Scrolling needs the layout of the screen drawn last; keys that arrive before the next render
	// (a paste, scripted input) are decided by the reducer on its latest state all the same.
	const limits = useRef<ScreenLimits>({maxScroll: 0, pageRows: 1});
	useInput((input, key) => dispatch({type: 'key', key: {...key, input}, limits: limits.current}));
	const reader = !isTooSmall(state) && !state.help && state.view.name === 'reader';
	const screen = reader ? readerScreen(state, style, drawDiagramStep, env) : undefined;
	useLayoutEffect(() => {
		if (screen) limits.current = screen.limits;
	});
	// Pane keys waiting for a step the screen no longer shows are dropped (src/ui/intent-channel.ts).
	const shownPane = screen?.pane && !isTooSmall(state) ? stepKey(state) : undefined;
	useLayoutEffect(() => pane.showing(shownPane), [pane, shownPane]);

	if (isTooSmall(state)) return <Text>{tooSmallLines(state).join('\n')}</Text>;
	if (state.help) return <Text>{helpLines(state, style).join('\n')}</Text>;
	if (!screen) return <Text>{homeLines(state, style).join('\n')}</Text>;
	const {frame} = screen;
	return (
		<Box flexDirection="column">
			<Text>{[...frame.header, ...frame.text].join('\n')}</Text>
			{screen.pane ? (
				<CommandPane
					key={stepKey(state)}
					command={screen.pane.command}
					live={live}
					liveReady={liveReady}
					prediction={predictionFor(state)}
					width={state.size.columns}
					height={screen.pane.rows}
					intents={pane}
					step={stepKey(state)}
					color={style.color}
					ascii={style.charset === 'ascii'}
					onDone={() => dispatch({type: 'step', delta: 1})}
				/>
			) : screen.widget ? (
				<ExerciseWidget lines={screen.widget.lines} />
			) : null}
			<Text>{frame.footer.join('\n')}</Text>
		</Box>
	);
}
