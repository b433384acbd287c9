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
		const pattern = typeof rule === 'string' ? rule : rule.of;
		if (!compile(pattern))
			return {field: `decide.${answer}`, message: `/${pattern}/ is not a valid regular expression`};
	}
	return undefined;
}

/** The line a counting rule decides on: the last of exactly `count` matching lines. */
function countedLine(lines: readonly string[], rule: Exclude<DecideRule, string>): number | undefined {
	const re = compile(rule.of);
	if (!re) return undefined;
	const matching = lines.flatMap((line, index) => (re.test(line) ? [index] : []));
	return matching.length === rule.count ? matching[matching.length - 1] : undefined;
}

/**
 * The line that shows the step's point or one choice: counting rules first (they look at the
 * whole output), then the first line matching `expect` or a `decide` pattern, tried in order.
 */
export function findDeciding(output: string, reading: OutputReading): DecidingLine | undefined {
	const lines = output.replace(/\n$/, '').split('\n');
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
		if (typeof rule !== 'string') {
			const index = countedLine(lines, rule);
			if (index !== undefined) return at(index, answer);
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

/**
 * What to say under a real output. `prediction` is the learner's choice on a predict exercise;
 * `note` says why this backend's output differs from a cluster's (podman 4's catatonit).
 */
export function verdictFor(
	output: string,
	reading: OutputReading,
	recordedOutput: string,
	prediction?: string,
	note?: string,
): Verdict {
	const real = findDeciding(output, reading);
	const recorded = findDeciding(recordedOutput, reading);
	const lines: string[] = [];
	let agrees: boolean | undefined;
	if (reading.decide) {
		if (!real) {
			lines.push(
				`No line of this output decides the question${recorded ? `; the recorded one did: line ${recorded.lineNumber} "${recorded.line}"` : ''}.`,
			);
		} else if (prediction !== undefined) {
			agrees = real.answer === prediction;
			lines.push(
				`${agrees ? 'This agrees with' : 'This does not agree with'} your prediction (${prediction}): line ${real.lineNumber} "${real.line}" shows ${real.answer}.`,
			);
		} else {
			lines.push(`Line ${real.lineNumber} "${real.line}" shows ${real.answer}.`);
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
