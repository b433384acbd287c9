import type {Answer} from '../exercises/answer.js';
import type {Intent} from './keymap.js';
import type {LiveAction} from './tutor-state.js';

/**
 * What a decision asks the world to do, as data: the reducer queues these in the state's outbox
 * and the app's effect runner (src/ui/use-tutor-effects.ts) performs them in order.
 */
export type Effect =
	| {readonly type: 'saveVisit'; readonly lessonId: string; readonly step: number; readonly steps: number}
	| {
			readonly type: 'recordAttempt';
			readonly exerciseId: string;
			readonly correct: boolean;
			readonly answer: RecordedAnswer;
	  }
	| {
			readonly type: 'recordPrediction';
			readonly exerciseId: string;
			readonly choice: string;
			readonly correct: boolean;
	  }
	| {readonly type: 'recordHint'; readonly exerciseId: string; readonly shown: number}
	| {readonly type: 'recordReveal'; readonly exerciseId: string}
	/** Write a manifest exercise's answer in the learner's editor, then check it. */
	| {readonly type: 'edit'; readonly exerciseId: string}
	/** A key for the command pane of this step (`lesson:step`): run, stop, scroll its output. */
	| {readonly type: 'pane'; readonly intent: Intent; readonly step: string}
	/** A live-mode action; `step` is the `lesson:step` a drawing belongs to. */
	| {readonly type: 'live'; readonly action: LiveAction; readonly exerciseId?: string; readonly step?: string}
	| {readonly type: 'exit'};

/** What an attempt saves: the learner's answer, or the real Pod that live mode checked. */
export type RecordedAnswer = Answer | {readonly kind: 'live'; readonly pod?: string};
