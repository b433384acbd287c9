import React, {useState} from 'react';
import {Box, Text, useInput} from 'ink';
import SelectInput from 'ink-select-input';
import type {Exercise, OrderingExercise} from '../content/types.js';
import type {Answer} from '../exercises/answer.js';
import {inverse, type TextStyle} from '../render/text-style.js';
import {CHECK_ITEM_LABEL, checkMark, choiceLabel, pointer, radioMark} from '../tutor/widget-layout.js';

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
}

interface Item {
	key?: string;
	label: string;
	value: string;
}

function SelectItem({isSelected = false, label}: {isSelected?: boolean; label: string}) {
	return <Text>{label}</Text>;
}

function makeIndicator(style: TextStyle) {
	return function Indicator({isSelected = false}: {isSelected?: boolean}) {
		return <Text>{pointer(isSelected, style)}</Text>;
	};
}

function ChoiceWidget(props: WidgetProps & {exercise: Extract<Exercise, {kind: 'single-choice' | 'predict'}>}) {
	const {exercise, style, width} = props;
	const items: Item[] = exercise.choices.map((c) => ({key: c.id, value: c.id, label: choiceLabel(c, radioMark(false, style), width, style)}));
	return (
		<SelectInput
			items={items}
			isFocused={props.active}
			indicatorComponent={makeIndicator(style)}
			itemComponent={SelectItem}
			onSelect={(item: Item) => (props.settled ? props.onNext() : props.onAnswer({kind: 'choice', selected: [item.value]}))}
		/>
	);
}

function MultipleChoiceWidget(props: WidgetProps & {exercise: Extract<Exercise, {kind: 'multiple-choice'}>}) {
	const {exercise, style, width} = props;
	const initial = Array.isArray(props.lastAnswer) ? (props.lastAnswer as string[]) : [];
	const [selected, setSelected] = useState<ReadonlySet<string>>(new Set(initial));
	const items: Item[] = [
		...exercise.choices.map((c) => ({key: c.id, value: c.id, label: choiceLabel(c, checkMark(selected.has(c.id), style), width, style)})),
		{key: '__check', value: '__check', label: `${style.charset === 'ascii' ? '->' : '\u2192'} ${CHECK_ITEM_LABEL}`},
	];
	return (
		<SelectInput
			items={items}
			isFocused={props.active}
			indicatorComponent={makeIndicator(style)}
			itemComponent={SelectItem}
			onSelect={(item: Item) => {
				if (item.value === '__check') {
					if (props.settled) props.onNext();
					else props.onAnswer({kind: 'choice', selected: [...selected]});
					return;
				}
				const next = new Set(selected);
				if (next.has(item.value)) next.delete(item.value);
				else next.add(item.value);
				setSelected(next);
			}}
		/>
	);
}

/** A one-line text field: typing edits it, Enter submits, Esc leaves it so h/s/q work. */
function TextFieldWidget(props: WidgetProps) {
	const {style, width} = props;
	const [value, setValue] = useState(typeof props.lastAnswer === 'string' ? props.lastAnswer : '');
	const [caret, setCaret] = useState(value.length);
	useInput(
		(input, key) => {
			if (key.escape) return props.setFieldFocused(false);
			if (key.return) {
				if (props.settled && value.trim() === '') return props.onNext();
				if (value.trim() !== '') props.onAnswer({kind: 'text', text: value});
				return;
			}
			if (key.leftArrow) return setCaret(Math.max(0, caret - 1));
			if (key.rightArrow) return setCaret(Math.min(value.length, caret + 1));
			if (key.backspace || key.delete) {
				if (caret === 0) return;
				setValue(value.slice(0, caret - 1) + value.slice(caret));
				return setCaret(caret - 1);
			}
			if (key.ctrl || key.meta || key.tab || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return;
			// Pasted text arrives as one chunk; keep only printable characters of one line.
			const typed = input.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001F\u007F]/g, '');
			if (!typed) return;
			setValue(value.slice(0, caret) + typed + value.slice(caret));
			setCaret(caret + typed.length);
		},
		{isActive: props.active && props.fieldFocused},
	);
	useInput(
		(input, key) => {
			if (key.return || input === 'i') props.setFieldFocused(true);
		},
		{isActive: props.active && !props.fieldFocused},
	);
	const room = Math.max(10, width - 4);
	const start = Math.max(0, caret - room + 1);
	const shown = value.slice(start, start + room);
	const at = caret - start;
	const cursorChar = shown[at] ?? ' ';
	const field = props.fieldFocused ? `${shown.slice(0, at)}${style.attributes ? inverse(cursorChar, style) : '_'}${shown.slice(at + 1)}` : shown || '(empty)';
	const label = props.exercise.kind === 'quantity' ? 'Quantity' : 'Answer';
	const help = props.fieldFocused ? 'Enter checks, Esc leaves the field' : 'Enter or i: type in the field';
	return (
		<Box flexDirection="column">
			<Text>{`${label}: ${help}`}</Text>
			<Text>{`${pointer(props.fieldFocused, style)}${field}`}</Text>
		</Box>
	);
}

/** Items in order; Space picks one up, Up/Down move it, Enter checks the order. */
function OrderingWidget(props: WidgetProps & {exercise: OrderingExercise}) {
	const {exercise, style, width} = props;
	const initial = Array.isArray(props.lastAnswer) && props.lastAnswer.length === exercise.items.length ? (props.lastAnswer as string[]) : exercise.items.map((i) => i.id);
	const [order, setOrder] = useState<string[]>(initial);
	const [cursor, setCursor] = useState(0);
	const [held, setHeld] = useState(false);
	useInput(
		(input, key) => {
			const up = key.upArrow || input === 'k';
			const down = key.downArrow || input === 'j';
			if (input === ' ') return setHeld(!held);
			if (key.return) {
				if (props.settled) return props.onNext();
				setHeld(false);
				return props.onAnswer({kind: 'order', order});
			}
			if (!up && !down) return;
			const target = Math.max(0, Math.min(order.length - 1, cursor + (up ? -1 : 1)));
			if (target === cursor) return;
			if (held) {
				const next = [...order];
				[next[cursor], next[target]] = [next[target], next[cursor]];
				setOrder(next);
			}
			setCursor(target);
		},
		{isActive: props.active},
	);
	return (
		<Box flexDirection="column">
			{order.map((id, i) => {
				const item = exercise.items.find((it) => it.id === id)!;
				const grabbed = held && i === cursor ? (style.charset === 'ascii' ? '=' : '\u2261') : ' ';
				const label = choiceLabel(item, `${i + 1}.${grabbed}`, width - 2, style);
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
	const editor = process.env.VISUAL || process.env.EDITOR || 'vi';
	const last = typeof props.lastAnswer === 'string' ? `${props.lastAnswer.split('\n').length} lines written so far` : 'starts from a template';
	return (
		<Box flexDirection="column">
			<Text>{`Press e or Enter to write the manifest in ${editor} (${last}).`}</Text>
			<Text>{'Save and quit the editor to have it checked, or use: pod-tutor check ID --file pod.yaml'.replace('ID', props.exercise.id)}</Text>
		</Box>
	);
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
