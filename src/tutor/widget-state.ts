/** The input widgets' own state, as reducers, so every key applies to the latest state. */
export interface TextFieldState {
	readonly value: string;
	readonly caret: number;
}

export type TextFieldAction = {readonly type: 'type'; readonly text: string} | {readonly type: 'erase'} | {readonly type: 'move'; readonly delta: number};

export function textFieldReducer(state: TextFieldState, action: TextFieldAction): TextFieldState {
	const {value, caret} = state;
	switch (action.type) {
		case 'type': {
			// Pasted text arrives as one chunk; keep only printable characters of one line.
			// eslint-disable-next-line no-control-regex
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

export type OrderingAction = {readonly type: 'grab'} | {readonly type: 'drop'} | {readonly type: 'move'; readonly delta: number};

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
