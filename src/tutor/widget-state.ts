import type {Exercise} from '../content/types.js';
import type {Answer} from '../exercises/answer.js';
import type {ProgressData} from '../progress/progress-data.js';

/**
 * The input widgets' state, as plain data and reducers. It lives in the tutor's state, not in the
 * components, so opening help or passing through "terminal too small" keeps it.
 */
export interface TextFieldState {
	readonly value: string;
	readonly caret: number;
}

export type TextFieldAction =
	| {readonly type: 'type'; readonly text: string}
	| {readonly type: 'erase'}
	| {readonly type: 'move'; readonly delta: number};

export function textFieldReducer(state: TextFieldState, action: TextFieldAction): TextFieldState {
	const {value, caret} = state;
	switch (action.type) {
		case 'type': {
			// Pasted text arrives as one chunk; keep only printable characters of one line.
			const typed = action.text.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001F\u007F]/g, '');
			if (!typed) return state;
			return {value: value.slice(0, caret) + typed + value.slice(caret), caret: caret + typed.length};
		}
		case 'erase':
			return caret === 0 ? state : {value: value.slice(0, caret - 1) + value.slice(caret), caret: caret - 1};
		case 'move':
			return {value, caret: Math.max(0, Math.min(value.length, caret + action.delta))};
	}
}

export interface OrderingState {
	readonly order: readonly string[];
	readonly cursor: number;
	/** The item under the cursor is picked up: moving carries it along. */
	readonly held: boolean;
}

export type OrderingAction =
	{readonly type: 'grab'} | {readonly type: 'drop'} | {readonly type: 'move'; readonly delta: number};

export function orderingReducer(state: OrderingState, action: OrderingAction): OrderingState {
	switch (action.type) {
		case 'grab':
			return {...state, held: !state.held};
		case 'drop':
			return state.held ? {...state, held: false} : state;
		case 'move': {
			const target = Math.max(0, Math.min(state.order.length - 1, state.cursor + action.delta));
			if (target === state.cursor) return state;
			if (!state.held) return {...state, cursor: target};
			const order = [...state.order];
			[order[state.cursor], order[target]] = [order[target], order[state.cursor]];
			return {...state, order, cursor: target};
		}
	}
}

/** Single choice, predict and multiple choice: the highlighted row and the ticked choices. */
export interface ChoiceInput {
	readonly kind: 'choice';
	/** The highlighted row; for multiple choice the last row is "Check my answer". */
	readonly cursor: number;
	readonly selected: readonly string[];
}

export type WidgetInput =
	ChoiceInput | ({readonly kind: 'order'} & OrderingState) | ({readonly kind: 'text'} & TextFieldState);

/** The learner's last answer, as the widget shows it again: choice ids, an order, or text. */
export function lastAnswerOf(exercise: Exercise, progress: ProgressData): unknown {
	const answer = progress.exercises[exercise.id]?.lastAnswer as Answer | undefined;
	if (!answer || typeof answer !== 'object') return progress.drafts[exercise.id]?.text;
	if (answer.kind === 'text') return answer.text;
	if (answer.kind === 'choice') return answer.selected;
	if (answer.kind === 'order') return answer.order;
	if (answer.kind === 'manifest') return progress.drafts[exercise.id]?.text ?? answer.source;
	return undefined;
}

/** A widget as it opens: the highlight on the first row, the last answer filled in. Manifest exercises have none. */
export function initialInput(exercise: Exercise, progress: ProgressData): WidgetInput | undefined {
	const last = lastAnswerOf(exercise, progress);
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict':
		case 'multiple-choice':
			return {kind: 'choice', cursor: 0, selected: Array.isArray(last) ? (last as string[]) : []};
		case 'ordering': {
			const fits = Array.isArray(last) && last.length === exercise.items.length;
			return {
				kind: 'order',
				order: fits ? (last as string[]) : exercise.items.map((i) => i.id),
				cursor: 0,
				held: false,
			};
		}
		case 'free-text':
		case 'quantity': {
			const value = typeof last === 'string' ? last : '';
			return {kind: 'text', value, caret: value.length};
		}
		case 'manifest':
			return undefined;
	}
}

/** Rows of a choice widget the highlight moves over. */
export function choiceRows(exercise: Exercise): number {
	if (exercise.kind === 'multiple-choice') return exercise.choices.length + 1;
	return exercise.kind === 'single-choice' || exercise.kind === 'predict' ? exercise.choices.length : 0;
}

export function moveChoice(input: ChoiceInput, delta: number, rows: number): ChoiceInput {
	const cursor = Math.max(0, Math.min(rows - 1, input.cursor + delta));
	return cursor === input.cursor ? input : {...input, cursor};
}

export function toggleChoice(input: ChoiceInput, id: string): ChoiceInput {
	const selected = input.selected.includes(id) ? input.selected.filter((s) => s !== id) : [...input.selected, id];
	return {...input, selected};
}
