import {describe, expect, test} from 'vitest';
import {curriculum} from './curriculum-course.js';
import {CODE_STEP_LINES, FRAME_COLUMNS, TEXT_STEP_LINES, wrapLine, wrappedTextLines} from './screen-fit.js';

describe('steps fit an 80x24 terminal', () => {
	test(`text steps wrap to at most ${TEXT_STEP_LINES} lines of ${FRAME_COLUMNS} columns`, () => {
		const long = curriculum().lessons.flatMap((l) =>
			l.steps.flatMap((s, i) => {
				if (s.kind !== 'text') return [];
				const lines = wrappedTextLines(s.body).length;
				return lines > TEXT_STEP_LINES
					? [`${l.file}: steps[${i}] "${s.title ?? ''}" takes ${lines} lines: split it`]
					: [];
			}),
		);
		expect(long).toEqual([]);
	});

	test(`code steps are at most ${FRAME_COLUMNS} columns wide and ${CODE_STEP_LINES} lines long`, () => {
		const wide = curriculum().lessons.flatMap((l) =>
			l.steps.flatMap((s, i) => {
				if (s.kind !== 'code') return [];
				const lines = s.body.replace(/\n$/, '').split('\n');
				const widest = Math.max(...lines.map((x) => x.length));
				const problems: string[] = [];
				if (widest > FRAME_COLUMNS) problems.push(`${l.file}: steps[${i}] has a line of ${widest} columns`);
				if (lines.length > CODE_STEP_LINES) problems.push(`${l.file}: steps[${i}] has ${lines.length} lines`);
				return problems;
			}),
		);
		expect(wide).toEqual([]);
	});
});

describe('the home screen', () => {
	// homeLines (src/tutor/screen.ts) shows the selected lesson's summary in three rows, cut after that.
	test('every lesson summary fits the three summary rows at 80 columns', () => {
		const long = curriculum().lessons.flatMap((l) => {
			const lines = wrappedTextLines(l.summary, 80).length;
			return lines > 3 ? [`${l.file}: summary takes ${lines} lines of 80 columns`] : [];
		});
		expect(long).toEqual([]);
	});
});

describe('the wrapping the check relies on', () => {
	test('breaks between words and keeps every line within the width', () => {
		const words = 'a Pod groups containers that share one network namespace and run on one node '.repeat(3).trim();
		const lines = wrapLine(words, 30);
		expect(lines.length).toBeGreaterThan(1);
		for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
		expect(lines.join(' ').replace(/\s+/g, ' ')).toBe(words);
	});

	test('continues a bullet under its text', () => {
		const lines = wrapLine('- shared by the Pod: net, uts and ipc, held by the pause process', 30);
		expect(lines[0].startsWith('- ')).toBe(true);
		for (const l of lines.slice(1)) expect(l.startsWith('  ')).toBe(true);
	});
});
