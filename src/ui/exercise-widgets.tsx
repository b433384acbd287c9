import React, {useReducer, useRef} from 'react';
import {Box, Text, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import type {Exercise, OrderingExercise} from '../content/types.js';
import type {Answer} from '../exercises/answer.js';
import {inverse, type TextStyle} from '../render/text-style.js';
import {orderingReducer, textFieldReducer} from '../tutor/widget-state.js';
import {CHECK_ITEM_LABEL, checkMark, choiceLabel, manifestWidgetLines, pointer, radioMark} from '../tutor/widget-layout.js';

export interface WidgetProps {
	readonly exercise: Exercise;
	readonly style: TextStyle;
	readonly width: number;
	/** Keys go to the widget only while it is active (not under the help overlay). */
	readonly active: boolean;
	/** The exercise was answered right (or its solution shown): Enter moves on. */
	readonly settled: boolean;
	readonly onAnswer: (answer: Answer) => void;
	readonly onNext: () => void;
	/** Text fields: whether typing goes into the field. */
	readonly fieldFocused: boolean;
	readonly setFieldFocused: (focused: boolean) => void;
	/** Manifest exercises: open the editor. */
	readonly onEdit: () => void;
	/** The learner's last answer, shown again when the exercise reopens. */
	readonly lastAnswer?: unknown;
	/** One line per choice: the terminal is too short for wrapped choices. */
	readonly compact: boolean;
}

interface Item {
	key?: string;
	label: string;
	value: string;
}

function SelectItem({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	return <Text>{label}</Text>;
}

/** One indicator component per character set, made once: a new component type on every render
 * would make React remount every indicator on every key. */
function makeIndicator(charset: TextStyle['charset']) {
	const style: TextStyle = {charset, attributes: false, color: false};
	return function Indicator({isSelected = false}: {isSelected?: boolean}) {
		return <Text>{pointer(isSelected, style)}</Text>;
	};
}

const INDICATORS = {unicode: makeIndicator('unicode'), ascii: makeIndicator('ascii')};

/**
 * ink-select-input decides what Enter selects from the state of its last render, so a Down
 * followed quickly by Enter would pick the item above the one shown. onHighlight runs inside its
 * key handler, in step with the display; Enter is handled here from that.
 */
function useEnterOnHighlighted(items: readonly Item[], active: boolean, onEnter: (item: Item) => void) {
	const highlighted = useRef<Item | undefined>(items[0]);
	useInput(
		(_input, key) => {
			if (key.return && highlighted.current) onEnter(highlighted.current);
		},
		{isActive: active},
	);
	return (item: Item) => {
		highlighted.current = item;
	};
}

function ChoiceWidget(props: WidgetProps & {exercise: Extract<Exercise, {kind: 'single-choice' | 'predict'}>}) {
	const {exercise, style, width} = props;
	const chosen = Array.isArray(props.lastAnswer) ? (props.lastAnswer as string[]) : [];
	const items: Item[] = exercise.choices.map((c) => ({key: c.id, value: c.id, label: choiceLabel(c, radioMark(chosen.includes(c.id), style), width, style, props.compact)}));
	return <ChoiceList items={items} active={props.active} style={style} onEnter={(item) => (props.settled ? props.onNext() : props.onAnswer({kind: 'choice', selected: [item.value]}))} />;
}

/** ink-select-input with Enter taken from the highlighted item (see useEnterOnHighlighted). */
function ChoiceList({items, active, style, onEnter}: {items: Item[]; active: boolean; style: TextStyle; onEnter: (item: Item) => void}) {
	const onHighlight = useEnterOnHighlighted(items, active, onEnter);
	return <SelectInput items={items} isFocused={active} indicatorComponent={INDICATORS[style.charset]} itemComponent={SelectItem} onHighlight={onHighlight} onSelect={() => undefined} />;
}

function MultipleChoiceWidget(props: WidgetProps & {exercise: Extract<Exercise, {kind: 'multiple-choice'}>}) {
	const {exercise, style, width} = props;
	const initial = Array.isArray(props.lastAnswer) ? (props.lastAnswer as string[]) : [];
	const [selected, toggle] = useReducer((set: ReadonlySet<string>, id: string) => {
		const next = new Set(set);
		if (next.has(id)) next.delete(id);
		else next.add(id);
		return next;
	}, new Set(initial));
	const latest = useRef(selected);
	latest.current = selected;
	const items: Item[] = [
		...exercise.choices.map((c) => ({key: c.id, value: c.id, label: choiceLabel(c, checkMark(selected.has(c.id), style), width, style, props.compact)})),
		{key: '__check', value: '__check', label: `${style.charset === 'ascii' ? '->' : '\u2192'} ${CHECK_ITEM_LABEL}`},
	];
	const onEnter = (item: Item) => {
		if (item.value !== '__check') return toggle(item.value);
		if (props.settled) props.onNext();
		else props.onAnswer({kind: 'choice', selected: [...latest.current]});
	};
	return <ChoiceList items={items} active={props.active} style={style} onEnter={onEnter} />;
}

/** A one-line text field: typing edits it, Enter submits, Esc leaves it so h/s/q work. */
function TextFieldWidget(props: WidgetProps) {
	const {style, width} = props;
	const initial = typeof props.lastAnswer === 'string' ? props.lastAnswer : '';
	const [field, edit] = useReducer(textFieldReducer, {value: initial, caret: initial.length});
	const latest = useRef(field);
	latest.current = field;
	useInput(
		(input, key) => {
			if (key.escape) return props.setFieldFocused(false);
			if (key.return) {
				// Read through the ref: keys typed just before Enter may not have been drawn yet.
				const value = latest.current.value;
				if (props.settled && value.trim() === '') return props.onNext();
				if (value.trim() !== '') props.onAnswer({kind: 'text', text: value});
				return;
			}
			if (key.leftArrow) return edit({type: 'move', delta: -1});
			if (key.rightArrow) return edit({type: 'move', delta: 1});
			if (key.backspace || key.delete) return edit({type: 'erase'});
			if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return;
			edit({type: 'type', text: input});
		},
		{isActive: props.active && props.fieldFocused},
	);
	useInput(
		(input, key) => {
			if (key.return || input === 'i') props.setFieldFocused(true);
		},
		{isActive: props.active && !props.fieldFocused},
	);
	const {value, caret} = field;
	const room = Math.max(10, width - 4);
	const start = Math.max(0, caret - room + 1);
	const shown = value.slice(start, start + room);
	const at = caret - start;
	const cursorChar = shown[at] ?? ' ';
	const text = props.fieldFocused ? `${shown.slice(0, at)}${style.attributes ? inverse(cursorChar, style) : '_'}${shown.slice(at + 1)}` : shown || '(empty)';
	const label = props.exercise.kind === 'quantity' ? 'Quantity' : 'Answer';
	const help = props.fieldFocused ? 'Enter checks, Esc leaves the field' : 'Enter or i: type in the field';
	return (
		<Box flexDirection="column">
			<Text>{`${label}: ${help}`}</Text>
			<Text>{`${pointer(props.fieldFocused, style)}${text}`}</Text>
		</Box>
	);
}

/** Items in order; Space picks one up, Up/Down move it, Enter checks the order. */
function OrderingWidget(props: WidgetProps & {exercise: OrderingExercise}) {
	const {exercise, style, width} = props;
	const initial = Array.isArray(props.lastAnswer) && props.lastAnswer.length === exercise.items.length ? (props.lastAnswer as string[]) : exercise.items.map((i) => i.id);
	const [ordering, move] = useReducer(orderingReducer, {order: initial, cursor: 0, held: false});
	const latest = useRef(ordering);
	latest.current = ordering;
	useInput(
		(input, key) => {
			if (input === ' ') return move({type: 'grab'});
			if (key.return) {
				if (props.settled) return props.onNext();
				move({type: 'drop'});
				return props.onAnswer({kind: 'order', order: latest.current.order});
			}
			if (key.upArrow || input === 'k') move({type: 'move', delta: -1});
			else if (key.downArrow || input === 'j') move({type: 'move', delta: 1});
		},
		{isActive: props.active},
	);
	const {order, cursor, held} = ordering;
	return (
		<Box flexDirection="column">
			{order.map((id, i) => {
				const item = exercise.items.find((it) => it.id === id)!;
				const grabbed = held && i === cursor ? (style.charset === 'ascii' ? '=' : '\u2261') : ' ';
				const label = choiceLabel(item, `${i + 1}.${grabbed}`, width - 2, style, props.compact);
				return <Text key={id}>{`${pointer(i === cursor, style)}${label}`}</Text>;
			})}
		</Box>
	);
}

function ManifestWidget(props: WidgetProps) {
	useInput(
		(_input, key) => {
			if (key.return) {
				if (props.settled) props.onNext();
				else props.onEdit();
			}
		},
		{isActive: props.active},
	);
	return <Text>{manifestWidgetLines(props.exercise.id, props.lastAnswer, props.width, props.style, process.env).join('\n')}</Text>;
}

export function ExerciseWidget(props: WidgetProps) {
	const {exercise} = props;
	switch (exercise.kind) {
		case 'single-choice':
		case 'predict':
			return <ChoiceWidget {...props} exercise={exercise} />;
		case 'multiple-choice':
			return <MultipleChoiceWidget {...props} exercise={exercise} />;
		case 'ordering':
			return <OrderingWidget {...props} exercise={exercise} />;
		case 'manifest':
			return <ManifestWidget {...props} />;
		case 'free-text':
		case 'quantity':
			return <TextFieldWidget {...props} />;
	}
}
