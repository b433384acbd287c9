import {writeFileSync} from 'node:fs';
import {join} from 'node:path';

/** A progress file of a learner who stopped at `step` of `lessonId`, nothing answered yet. */
export function writeProgressAt(configDir: string, lessonId: string, step: number): void {
	writeFileSync(
		join(configDir, 'progress.json'),
		JSON.stringify({
			version: 1,
			lessons: {},
			exercises: {},
			predictions: {},
			drafts: {},
			last: {lessonId, step, at: new Date().toISOString()},
		}),
	);
}
