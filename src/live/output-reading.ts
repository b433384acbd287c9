/**
 * Reads a command's output the way the lesson does: which line shows what the step is about
 * (`expect`), or which choice of a predict exercise the output shows (`decide`). The tutor says
 * after a real run whether it agrees with the learner's prediction, and where a real output
 * differs from the recorded one in the part that matters.
 */
import type {DecideRule, OutputReading} from '../content/types.js';

export interface DecidingLine {
	/** The choice the line shows (decide); undefined for expect. */
	readonly answer?: string;
	readonly line: string;
	/** 1-based. */
	readonly lineNumber: number;
	/** A `same` / `differs` rule: the line of the comparison it was compared with, and how they compare. */
	readonly against?: {readonly line: string; readonly same: boolean};
}

/** The pattern a rule matches lines with. */
export function rulePattern(rule: DecideRule): string {
	if (typeof rule === 'string') return rule;
	if ('of' in rule) return rule.of;
	return 'same' in rule ? rule.same : rule.differs;
}

/** Whether a rule compares with the measurement made just before (`compare`). */
export function comparesWith(rule: DecideRule): boolean {
	return typeof rule !== 'string' && !('of' in rule);
}

function compile(pattern: string): RegExp | undefined {
	try {
		return new RegExp(pattern, 'm');
	} catch {
		return undefined;
	}
}

/** A pattern that does not compile, named by its field. */
export function readingProblem(reading: OutputReading): {field: string; message: string} | undefined {
	if (reading.expect !== undefined && !compile(reading.expect))
		return {field: 'expect', message: `/${reading.expect}/ is not a valid regular expression`};
	for (const [answer, rule] of Object.entries(reading.decide ?? {})) {
		const pattern = rulePattern(rule);
		if (!compile(pattern))
			return {field: `decide.${answer}`, message: `/${pattern}/ is not a valid regular expression`};
	}
	return undefined;
}

/** The line a counting rule decides on: the last of exactly `count` matching lines. */
function countedLine(
	lines: readonly string[],
	rule: {readonly count: number; readonly of: string},
): number | undefined {
	const re = compile(rule.of);
	if (!re) return undefined;
	const matching = lines.flatMap((line, index) => (re.test(line) ? [index] : []));
	return matching.length === rule.count ? matching[matching.length - 1] : undefined;
}

/** The first line matching, and what of it is compared: the first capture group, else the whole match. */
function firstMatch(lines: readonly string[], re: RegExp): {index: number; value: string} | undefined {
	for (const [index, line] of lines.entries()) {
		const match = re.exec(line);
		if (match) return {index, value: match[1] ?? match[0]};
	}
	return undefined;
}

const linesOf = (text: string): string[] => text.replace(/\n$/, '').split('\n');

/**
 * The line that shows the step's point or one choice: counting and comparing rules first (they
 * look at the whole output, and at `compared`: what the `compare` measurement printed just
 * before), then the first line matching `expect` or a `decide` pattern, tried in order.
 */
export function findDeciding(output: string, reading: OutputReading, compared?: string): DecidingLine | undefined {
	const lines = linesOf(output);
	const at = (index: number, answer?: string): DecidingLine => ({
		...(answer !== undefined ? {answer} : {}),
		line: lines[index].trim(),
		lineNumber: index + 1,
	});
	const rules: {answer?: string; re: RegExp}[] = [];
	if (reading.expect !== undefined) {
		const re = compile(reading.expect);
		if (re) rules.push({re});
	}
	for (const [answer, rule] of Object.entries(reading.decide ?? {})) {
		if (typeof rule !== 'string' && 'of' in rule) {
			const index = countedLine(lines, rule);
			if (index !== undefined) return at(index, answer);
			continue;
		}
		if (typeof rule !== 'string') {
			const re = compile(rulePattern(rule));
			if (!re || compared === undefined) continue;
			const mine = firstMatch(lines, re);
			const theirs = firstMatch(linesOf(compared), re);
			if (!mine || !theirs) continue;
			const same = mine.value === theirs.value;
			if (same === 'same' in rule)
				return {...at(mine.index, answer), against: {line: linesOf(compared)[theirs.index].trim(), same}};
			continue;
		}
		const re = compile(rule);
		if (re) rules.push({answer, re});
	}
	for (const [index, line] of lines.entries()) {
		const rule = rules.find((r) => r.re.test(line));
		if (rule) return at(index, rule.answer);
	}
	return undefined;
}

export interface Verdict {
	/** Whether the real output agrees (with the prediction, or with what the step teaches). */
	readonly agrees: boolean | undefined;
	readonly lines: readonly string[];
}

/** What a `compare` measurement printed: in this run, and in the recorded one. */
export interface Compared {
	readonly label: string;
	/** Its output in this run; undefined when it could not be measured. */
	readonly output?: string;
	readonly recorded?: string;
	/** Why it could not be measured. */
	readonly problem?: string;
	/** The command line that measured it, for the learner. */
	readonly shown?: string;
}

/** `line 1 "x"` and, for a comparing rule, what it was compared with. */
function shows(line: DecidingLine, label: string | undefined): string {
	const compared = line.against
		? ` ${line.against.same ? 'is the same as' : 'differs from'} "${line.against.line}", which ${label ?? 'the comparison'} printed just before, so it`
		: '';
	return `line ${line.lineNumber} "${line.line}"${compared} shows ${line.answer}`;
}

/**
 * What to say under a real output. `prediction` is the learner's choice on a predict exercise;
 * `note` says why this backend's output differs from a cluster's (podman 4's catatonit);
 * `compared` is what the `compare` measurement printed just before, for `same` / `differs` rules.
 */
export function verdictFor(
	output: string,
	reading: OutputReading,
	recordedOutput: string,
	prediction?: string,
	note?: string,
	compared?: Compared,
): Verdict {
	const real = findDeciding(output, reading, compared?.output);
	const recorded = findDeciding(recordedOutput, reading, compared?.recorded);
	const label = compared?.label;
	const lines: string[] = [];
	let agrees: boolean | undefined;
	if (compared?.output !== undefined) {
		const first = compared.output.replace(/\n$/, '').split('\n')[0].trim();
		lines.push(
			`Measured just before, in ${compared.label}${compared.shown ? ` (${compared.shown})` : ''}: "${first}".`,
		);
	}
	if (reading.decide) {
		if (!real) {
			lines.push(
				`No line of this output decides the question${recorded ? `; the recorded one did: ${shows(recorded, label)}` : ''}.`,
			);
			if (compared?.problem)
				lines.push(`The measurement in ${compared.label} did not work: ${compared.problem}.`);
		} else if (prediction !== undefined) {
			agrees = real.answer === prediction;
			lines.push(
				`${agrees ? 'This agrees with' : 'This does not agree with'} your prediction (${prediction}): ${shows(real, label)}.`,
			);
		} else {
			const said = shows(real, label);
			lines.push(`${said[0].toUpperCase()}${said.slice(1)}.`);
		}
	} else if (reading.expect !== undefined) {
		if (real) {
			agrees = true;
			lines.push(`Look at line ${real.lineNumber}: "${real.line}".`);
		} else {
			agrees = false;
			lines.push(
				`This output differs from the recorded one where it matters: no line like "${recorded?.line ?? reading.expect}".`,
			);
			lines.push(
				'Another runtime, version or state of the Pod prints something else; the recorded output shows what the step is about.',
			);
		}
	}
	if (note) lines.push(note);
	return {agrees, lines};
}
