import type {LoadOptions} from '../content/course-loader.js';
import {exerciseProblems} from '../exercises/exercise-problems.js';

/** Load options with the exercise checkers' meaning checks, for commands that report problems. */
export function courseLoadOptions(lessonDirs: readonly string[]): LoadOptions {
	return {lessonDirs, exerciseProblems};
}
