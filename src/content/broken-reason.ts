import {visibleText} from '../text/terminal-sanitiser.js';
import type {BrokenLesson} from './types.js';

/**
 * Why a lesson did not load, in one line: its id (or file) and the validator's first problem,
 * where it is (field, line) and what is wrong. Lesson files come from packs anyone may write, so
 * every control character, newline included, is shown escaped (terminal-sanitiser.ts).
 */
export function brokenReason(broken: BrokenLesson): string {
	const name = visibleText(broken.id ?? broken.file);
	const problem = broken.problems[0];
	if (!problem) return `${name}: not loaded`;
	const where = [problem.path, problem.line === undefined ? '' : `line ${problem.line}`].filter(Boolean).join(', ');
	const message = visibleText(problem.message.replace(/\s*\n\s*/g, ' ').trim());
	const more = broken.problems.length > 1 ? ` (+${broken.problems.length - 1} more)` : '';
	return `${name}: ${where ? `${visibleText(where)}: ` : ''}${message}${more}`;
}

/** Said after a reason where there is room: the validator has the rest. */
export const VALIDATE_POINTER = ' (pod-tutor validate lists every problem)';
