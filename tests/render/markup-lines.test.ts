import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {bundledLessonDir, loadCourse} from '../../src/content/course-loader.js';
import {markupToPlain, parseMarkup} from '../../src/content/markup.js';
import {markupLines, verbatimLines} from '../../src/render/markup-lines.js';
import {visibleWidth, type TextStyle} from '../../src/render/text-style.js';

const UNICODE: TextStyle = {charset: 'unicode', attributes: false, color: false};
const ASCII: TextStyle = {charset: 'ascii', attributes: false, color: false};
const BOLD: TextStyle = {charset: 'unicode', attributes: true, color: true};
const WIDTHS = [40, 60, 80];

describe('parseMarkup', () => {
	it('splits paragraphs on blank lines and joins their lines', () => {
		const blocks = parseMarkup('one\ntwo\n\nthree\n');
		expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'blank', 'paragraph']);
		expect(markupToPlain('one\ntwo\n\nthree\n')).toBe('one two\n\nthree');
	});
	it('reads **bold** and `code` spans and leaves other stars alone', () => {
		const [block] = parseMarkup('a **Pod** runs `pause` * twice');
		expect(block.type === 'paragraph' && block.spans).toEqual([
			{text: 'a '},
			{text: 'Pod', bold: true},
			{text: ' runs '},
			{text: 'pause', code: true},
			{text: ' * twice'},
		]);
	});
	it('reads bullets and numbered items, with indented continuation lines', () => {
		const blocks = parseMarkup('Intro:\n- first\n  still first\n- second\n\n1. one\n2. two');
		const items = blocks.filter((b) => b.type === 'item');
		expect(items.map((b) => b.type === 'item' && b.marker)).toEqual(['-', '-', '1.', '2.']);
		expect(markupToPlain('- first\n  still first')).toBe('- first still first');
		// A list starts a new block after the paragraph, separated by one blank.
		expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'blank', 'item', 'item', 'blank', 'item', 'item']);
	});
});

describe('markupLines', () => {
	it('draws bullets with a bullet sign, or a dash in ASCII, and indents continuations under the text', () => {
		const text = '- ' + 'word '.repeat(20).trim();
		const lines = markupLines(text, 40, UNICODE);
		expect(lines[0].startsWith('  \u2022 word')).toBe(true);
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines.slice(1)) expect(line.startsWith('    word')).toBe(true);
		expect(markupLines(text, 40, ASCII)[0].startsWith('  - word')).toBe(true);
	});
	it('keeps numbered markers', () => {
		expect(markupLines('1. first\n2. second', 40, UNICODE)).toEqual(['  1. first', '  2. second']);
	});
	it('shows code with its backticks and bold with attributes only when allowed', () => {
		expect(markupLines('run `kubectl get pods` **now**', 80, UNICODE)).toEqual(['run `kubectl get pods` now']);
		const [line] = markupLines('run **now**', 80, BOLD);
		expect(line).toContain('\u001B[1mnow\u001B[22m');
		expect(visibleWidth(line)).toBe('run now'.length);
	});
	it('keeps punctuation glued to a code span', () => {
		expect(markupLines('the `pause` process, then `app`s.', 80, UNICODE)).toEqual([
			'the `pause` process, then `app`s.',
		]);
	});
	it('wraps punctuation together with the code span it is glued to', () => {
		const filler = 'x'.repeat(37);
		const lines = markupLines(`${filler} (\`Always\`, the default`, 40, UNICODE);
		expect(lines).toEqual([filler, '(`Always`, the default']);
		expect(markupLines(`${filler} \`app\`s run`, 40, UNICODE)).toEqual([filler, '`app`s run']);
	});
	it('replaces typographic quotes, dashes and arrows in ASCII', () => {
		const text = '\u201CPod\u201D \u2014 the unit; kubelet \u2192 CRI \u2192 runc; it\u2019s';
		const [ascii] = markupLines(text, 80, ASCII);
		expect(ascii).toBe('"Pod" -- the unit; kubelet -> CRI -> runc; it\'s');
		expect(/^[\x20-\x7E]*$/.test(ascii)).toBe(true);
		expect(markupLines(text, 80, UNICODE)[0]).toBe(text);
	});

	it.each(WIDTHS)('never exceeds %i columns, whatever the text', (width) => {
		const word = fc.oneof(
			fc.stringMatching(/^[a-z]{1,12}$/),
			fc.stringMatching(/^[a-z]{30,120}$/).map((w) => w),
			fc.stringMatching(/^[a-z]{1,10}$/).map((w) => `**${w}**`),
			fc
				.stringMatching(/^[a-z ]{1,30}$/)
				.filter((w) => w.trim() !== '')
				.map((w) => `\`${w.trim()}\``),
			fc.constantFrom('\u2014', '\u2192', '\u201Cx\u201D'),
		);
		const line = fc.array(word, {minLength: 1, maxLength: 30}).map((ws) => ws.join(' '));
		const prefix = fc.constantFrom('', '- ', '1. ', '12. ');
		const text = fc
			.array(
				fc.tuple(prefix, line).map(([p, l]) => p + l),
				{minLength: 1, maxLength: 6},
			)
			.map((ls) => ls.join('\n'));
		fc.assert(
			fc.property(text, fc.constantFrom(UNICODE, ASCII, BOLD), (source, style) => {
				for (const out of markupLines(source, width, style))
					expect(visibleWidth(out)).toBeLessThanOrEqual(width);
			}),
			{numRuns: 300},
		);
	});

	it.each(WIDTHS)('lays out every text of the bundled lessons within %i columns, losing no word', (width) => {
		const course = loadCourse({lessonDirs: [bundledLessonDir()]});
		let checked = 0;
		for (const lesson of course.lessons) {
			for (const step of lesson.steps) {
				const texts =
					step.kind === 'text' ? [step.body] : step.kind === 'command' && step.explain ? [step.explain] : [];
				for (const body of texts) {
					for (const style of [UNICODE, ASCII]) {
						const lines = markupLines(body, width, style);
						for (const out of lines)
							expect(visibleWidth(out), `${lesson.id}: ${out}`).toBeLessThanOrEqual(width);
						if (style === UNICODE) {
							// Wrapping may only change white space: every other character stays, in order.
							const letters = (s: string) => s.replace(/\u2022/g, '-').replace(/[`\s]/g, '');
							expect(letters(lines.join('\n')), lesson.id).toBe(letters(markupToPlain(body)));
						}
						checked++;
					}
				}
			}
		}
		expect(checked).toBeGreaterThan(50);
	});
});

describe('verbatimLines', () => {
	it('cuts long lines with a marker and expands tabs', () => {
		const lines = verbatimLines(`${'x'.repeat(100)}\n\tindented\n`, 40, ASCII, '  ');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toHaveLength(40);
		expect(lines[0].endsWith('>')).toBe(true);
		expect(lines[1]).toBe('      indented');
	});
});
