/**
 * A learner's answer, in the shape the checker takes it. The UI and the `check` subcommand both
 * build one of these; the checker never sees raw keystrokes or argv.
 */
import type {Exercise} from '../content/types.js';

/** Single choice, multiple choice and predict: the selected choice ids. */
export interface ChoiceAnswer {
	readonly kind: 'choice';
	readonly selected: readonly string[];
}

/** Free text and quantities: what the learner typed. */
export interface TextAnswer {
	readonly kind: 'text';
	readonly text: string;
}

/** Ordering: item ids, first to last. */
export interface OrderAnswer {
	readonly kind: 'order';
	readonly order: readonly string[];
}

/** Manifest: the YAML text and where it came from (a file name, 'editor' or 'stdin'). */
export interface ManifestAnswer {
	readonly kind: 'manifest';
	readonly source: string;
	readonly origin: string;
}

export type Answer = ChoiceAnswer | TextAnswer | OrderAnswer | ManifestAnswer;

/**
 * An exercise's reference answer (or a listed wrong one, which has the same shape) as a learner's
 * Answer, so the checker can be run on the content itself.
 */
export function answerFromReference(ex: Exercise, value: Exercise['answer']): Answer {
	switch (ex.kind) {
		case 'single-choice':
		case 'predict':
			return {kind: 'choice', selected: [String(value)]};
		case 'multiple-choice':
			return {kind: 'choice', selected: Array.isArray(value) ? value.map(String) : [String(value)]};
		case 'free-text':
		case 'quantity':
			return {kind: 'text', text: String(value)};
		case 'ordering':
			return {kind: 'order', order: Array.isArray(value) ? value.map(String) : [String(value)]};
		case 'manifest':
			return {kind: 'manifest', source: String(value), origin: `${ex.id} reference`};
	}
}
