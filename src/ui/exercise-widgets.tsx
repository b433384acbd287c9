import {Text} from 'ink';

export interface WidgetProps {
	/** The widget as text (src/tutor/widget-layout.ts), drawn from the state the reducer keeps. */
	readonly lines: readonly string[];
}

/**
 * An exercise's input widget. Its state (highlight, ticks, order, typed text) lives in the
 * tutor's reducer and its keys come as intents through the keymap, so the component only draws:
 * opening help or a too-small window, which unmount it, lose nothing.
 */
export function ExerciseWidget({lines}: WidgetProps) {
	return <Text>{lines.join('\n')}</Text>;
}
