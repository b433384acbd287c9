import type {LoadOptions} from '../content/course-loader.js';
import {diagramStepProblem} from '../diagram/lesson-diagram.js';
import {exerciseProblems} from '../exercises/exercise-problems.js';

/** Load options with the exercise checkers' meaning checks and the diagram spec checks (loadCourseFast uses the same). */
export function courseLoadOptions(lessonDirs: readonly string[]): LoadOptions {
	return {lessonDirs, exerciseProblems, diagramProblem: diagramStepProblem};
}
