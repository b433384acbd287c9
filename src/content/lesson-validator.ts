import {FieldReader, type Path} from './field-reader.js';
import {comparesWith, findDeciding, readingProblem} from '../live/output-reading.js';
import {SCENARIO_NAMES, SCENARIOS} from '../live/scenario-catalog.js';
import {
	COMMAND_PLACEHOLDERS,
	LIVE_TOOLS,
	placeholdersIn,
	RECORDED_SOURCES,
	STEP_KINDS,
	type CommandSpec,
	type Comparison,
	type DecideRule,
	type DiagramView,
	type OutputReading,
	type PodmanAlternative,
	type Step,
} from './types.js';

/** The keys a command step and a predict exercise's `observe` take besides tool, args and recorded. */
export const READING_KEYS = ['scenario', 'expect', 'decide', 'compare', 'podman'];

export interface LessonFields {
	readonly id: string;
	readonly title: string;
	readonly summary: string;
	readonly sources: readonly string[];
	readonly steps: readonly Step[];
}

const LESSON_KEYS = ['id', 'title', 'summary', 'sources', 'steps'];
const COMMON_STEP_KEYS = ['kind', 'title', 'topics'];
const STEP_KEYS: Record<Step['kind'], readonly string[]> = {
	text: ['body'],
	code: ['lang', 'body', 'caption'],
	diagram: ['view', 'file', 'spec', 'caption'],
	exercise: ['exercise'],
	command: ['tool', 'args', 'recorded', 'explain', ...READING_KEYS],
};

/** Checks one lesson document; returns the lesson when it has no problem. */
export function validateLesson(raw: unknown, reader: FieldReader): LessonFields | undefined {
	const doc = reader.mapping(raw, []);
	if (!doc) return undefined;
	reader.onlyKeys(doc, [], LESSON_KEYS);
	const id = reader.id(doc, 'id', []);
	const title = reader.string(doc, 'title', []);
	const summary = reader.string(doc, 'summary', []);
	const sources = doc.sources === undefined ? [] : reader.stringList(doc, 'sources', []);
	sources?.forEach((url, i) => {
		if (!/^https?:\/\/\S+$/.test(url))
			reader.report(['sources', i], `"${url}" is not a web address (http:// or https://)`);
	});
	const rawSteps = reader.list(doc, 'steps', [], 1);
	const steps: Step[] = [];
	rawSteps?.forEach((rawStep, i) => {
		const step = validateStep(rawStep, ['steps', i], reader);
		if (step) {
			const scenario = step.kind === 'command' ? step.scenario : undefined;
			const follows = scenario ? SCENARIOS[scenario]?.follows : undefined;
			if (follows && !steps.some((s) => s.kind === 'command' && s.scenario === follows))
				reader.report(
					['steps', i, 'scenario'],
					`the state of ${scenario} comes from a command on the scenario ${follows}: put such a step before this one`,
				);
			steps.push(step);
		}
	});
	if (reader.problems.length > 0 || !id || !title || !summary || !sources) return undefined;
	return {id, title, summary, sources, steps};
}

function validateStep(raw: unknown, at: Path, reader: FieldReader): Step | undefined {
	const obj = reader.mapping(raw, at);
	if (!obj) return undefined;
	const kind = reader.oneOf(obj, 'kind', at, STEP_KINDS);
	if (!kind) return undefined;
	reader.onlyKeys(obj, at, [...COMMON_STEP_KEYS, ...STEP_KEYS[kind]]);
	const title = reader.optionalString(obj, 'title', at);
	const topics = reader.optionalStringList(obj, 'topics', at);
	const base = {...(title ? {title} : {}), ...(topics ? {topics} : {})};
	switch (kind) {
		case 'text': {
			const body = reader.string(obj, 'body', at);
			return body === undefined ? undefined : {kind, ...base, body};
		}
		case 'code': {
			const lang = reader.oneOf(obj, 'lang', at, ['yaml', 'shell', 'text'] as const, 'text');
			const body = reader.string(obj, 'body', at);
			const caption = reader.optionalString(obj, 'caption', at);
			return body === undefined || !lang ? undefined : {kind, ...base, lang, body, ...(caption ? {caption} : {})};
		}
		case 'diagram': {
			const view = reader.oneOf<DiagramView>(obj, 'view', at, ['pod', 'docker', 'compose'], 'pod');
			const file = reader.optionalString(obj, 'file', at);
			const caption = reader.optionalString(obj, 'caption', at);
			let spec: Record<string, unknown> | undefined;
			if (obj.spec !== undefined) spec = reader.mapping(obj.spec, [...at, 'spec']);
			if ((file === undefined) === (spec === undefined)) {
				reader.report(
					at,
					'a diagram step needs exactly one of "file" (a Pod spec file next to the lesson) or "spec" (an inline Pod spec)',
				);
				return undefined;
			}
			if (file !== undefined && (file.startsWith('/') || file.split(/[\\/]/).includes('..'))) {
				reader.report(
					[...at, 'file'],
					`"${file}" must be a path inside the lesson's folder (no leading / and no ..)`,
				);
				return undefined;
			}
			if (!view) return undefined;
			return {
				kind,
				...base,
				view,
				...(file ? {file} : {}),
				...(spec ? {spec} : {}),
				...(caption ? {caption} : {}),
			};
		}
		case 'exercise': {
			const exercise = reader.id(obj, 'exercise', at);
			return exercise === undefined ? undefined : {kind, ...base, exercise};
		}
		case 'command': {
			const command = validateCommand(obj, at, reader);
			const explain = reader.optionalString(obj, 'explain', at);
			return command ? {kind, ...base, ...command, ...(explain ? {explain} : {})} : undefined;
		}
	}
}

function validateArgs(obj: Record<string, unknown>, at: Path, reader: FieldReader): readonly string[] | undefined {
	if (typeof obj.args === 'string') {
		reader.report(
			[...at, 'args'],
			'must be a list of arguments, never a shell string: write [get, pods] instead of "get pods"',
		);
		return undefined;
	}
	const args = reader.stringList(obj, 'args', at, 1);
	let known = true;
	args?.forEach((arg, i) => {
		for (const name of placeholdersIn(arg)) {
			if (!(COMMAND_PLACEHOLDERS as readonly string[]).includes(name)) {
				known = false;
				reader.report(
					[...at, 'args', i],
					`unknown placeholder {${name}} (allowed: ${COMMAND_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')})`,
				);
			}
		}
	});
	return known ? args : undefined;
}

/** A command that lists Pods or containers: unless it names one, it shows every one there (crictl ps on a node). */
function listsPods(tool: string, args: readonly string[]): boolean {
	if (tool === 'kubectl') return args[0] === 'get' && /^(pods?|po)$/.test(args[1] ?? '');
	if (tool === 'crictl') return args[0] === 'ps' || args[0] === 'pods';
	return args[0] === 'ps' || (args[0] === 'pod' && args[1] === 'ps');
}

/** One `decide` rule: a pattern, {count: N, of: REGEX}, {same: REGEX} or {differs: REGEX}. */
function decideRule(rule: unknown): DecideRule | undefined {
	if (typeof rule === 'string') return rule;
	if (rule === null || typeof rule !== 'object') return undefined;
	const fields = rule as Record<string, unknown>;
	const keys = Object.keys(fields).sort().join(' ');
	if (keys === 'count of' && Number.isInteger(fields.count) && typeof fields.of === 'string')
		return {count: fields.count as number, of: fields.of};
	if (keys === 'same' && typeof fields.same === 'string') return {same: fields.same};
	if (keys === 'differs' && typeof fields.differs === 'string') return {differs: fields.differs};
	return undefined;
}

/** `compare`: the measurement made just before the command; `label` may come from the step's own `compare`. */
function validateComparison(
	obj: Record<string, unknown>,
	at: Path,
	reader: FieldReader,
	inheritedLabel?: string,
): Comparison | undefined {
	const raw = reader.mapping(obj.compare, [...at, 'compare']);
	if (!raw) return undefined;
	reader.onlyKeys(raw, [...at, 'compare'], ['args', 'label']);
	const args = validateArgs(raw, [...at, 'compare'], reader);
	const label = inheritedLabel
		? (reader.optionalString(raw, 'label', [...at, 'compare']) ?? inheritedLabel)
		: reader.string(raw, 'label', [...at, 'compare']);
	return args && label ? {args, label} : undefined;
}

function validateReading(
	obj: Record<string, unknown>,
	at: Path,
	reader: FieldReader,
	observe: boolean,
	inheritedLabel?: string,
): OutputReading | undefined {
	const expect = reader.optionalString(obj, 'expect', at);
	let decide: Record<string, DecideRule> | undefined;
	if (obj.decide !== undefined) {
		const raw = reader.mapping(obj.decide, [...at, 'decide']);
		if (raw) {
			decide = {};
			for (const [answer, given] of Object.entries(raw)) {
				const rule = decideRule(given);
				if (rule !== undefined) decide[answer] = rule;
				else
					reader.report(
						[...at, 'decide', answer],
						'must be a regular expression for the line that shows this answer, {count: N, of: REGEX}, ' +
							'or {same: REGEX} / {differs: REGEX} (compared with `compare`)',
					);
			}
		}
	}
	let compare: Comparison | undefined;
	if (obj.compare !== undefined) {
		if (!observe)
			reader.report(
				[...at, 'compare'],
				'`compare` is for predict exercises: a command step shows its point with `expect`',
			);
		else compare = validateComparison(obj, at, reader, inheritedLabel);
		if (!compare) return undefined;
	}
	const comparing = Object.entries(decide ?? {}).filter(([, rule]) => comparesWith(rule));
	if (comparing.length > 0 && obj.compare === undefined)
		reader.report(
			[...at, 'decide', comparing[0][0]],
			'a {same: ...} or {differs: ...} rule compares with a measurement: add `compare` (its args and label)',
		);
	if (observe && expect !== undefined)
		reader.report(
			[...at, 'expect'],
			'a predict exercise says which line decides each choice with `decide`, not `expect`',
		);
	if (!observe && decide !== undefined)
		reader.report(
			[...at, 'decide'],
			'a command step says which line shows its point with `expect`; `decide` is for predict exercises',
		);
	const reading: OutputReading = {
		...(expect !== undefined ? {expect} : {}),
		...(decide ? {decide} : {}),
		...(compare ? {compare} : {}),
	};
	const problem = readingProblem(reading);
	if (problem) reader.report([...at, problem.field], problem.message);
	return problem ? undefined : reading;
}

/**
 * Validates a command step or a predict exercise's `observe`: tool, args, recorded, the scenario
 * it runs against, and how its output shows what it is about. A command that names no scenario,
 * or whose recorded output does not show what the step is about, is refused: live it could only
 * print something about another Pod, or nothing that answers the question.
 */
export function validateCommand(
	obj: Record<string, unknown>,
	at: Path,
	reader: FieldReader,
	observe = false,
): CommandSpec | undefined {
	const tool = reader.oneOf(obj, 'tool', at, LIVE_TOOLS);
	const args = validateArgs(obj, at, reader);
	const recordedRaw = reader.mapping(obj.recorded, [...at, 'recorded']);
	let recorded: CommandSpec['recorded'] | undefined;
	if (recordedRaw) {
		reader.onlyKeys(recordedRaw, [...at, 'recorded'], ['from', 'output', 'exitCode', 'compared']);
		const output = typeof recordedRaw.output === 'string' ? recordedRaw.output : undefined;
		const compared = reader.optionalString(recordedRaw, 'compared', [...at, 'recorded']);
		// Whether the output was printed on a real system or is a sample: the tutor labels it so (left
		// out, by a pack that does not say, the label claims neither).
		const from =
			recordedRaw.from === undefined
				? undefined
				: reader.oneOf(recordedRaw, 'from', [...at, 'recorded'], RECORDED_SOURCES);
		if (output === undefined)
			reader.report(
				[...at, 'recorded', 'output'],
				'missing: the output the command printed when it was recorded',
			);
		const exitCode =
			recordedRaw.exitCode === undefined ? 0 : reader.integer(recordedRaw, 'exitCode', [...at, 'recorded']);
		if (output !== undefined && exitCode !== undefined)
			recorded = {output, exitCode, ...(from ? {from} : {}), ...(compared !== undefined ? {compared} : {})};
	}
	const scenario = reader.optionalString(obj, 'scenario', at);
	if (scenario === undefined) {
		reader.report(
			[...at, 'scenario'],
			`missing: the Pod this command runs against, one of ${SCENARIO_NAMES.join(', ')} (lessons/specs/scenarios/NAME.yaml)`,
		);
	} else if (!SCENARIOS[scenario]) {
		reader.report([...at, 'scenario'], `unknown scenario "${scenario}": use one of ${SCENARIO_NAMES.join(', ')}`);
	}
	const info = scenario ? SCENARIOS[scenario] : undefined;
	if (
		info &&
		args &&
		tool &&
		listsPods(tool, args) &&
		!args.some((arg) => arg.includes('{pod}') || arg.includes(info.pod))
	) {
		reader.report(
			[...at, 'args'],
			`the command does not name the scenario's ${info.kind} ({pod}, here ${info.pod}): ` +
				`it would show every Pod or container there, not the one the step is about`,
		);
	}
	const reading = validateReading(obj, at, reader, observe);
	let podman: PodmanAlternative | undefined;
	if (obj.podman !== undefined) {
		const raw = reader.mapping(obj.podman, [...at, 'podman']);
		if (raw) {
			reader.onlyKeys(raw, [...at, 'podman'], ['args', 'expect', 'decide', 'compare', 'note']);
			const podmanArgs = validateArgs(raw, [...at, 'podman'], reader);
			const podmanReading = validateReading(raw, [...at, 'podman'], reader, observe, reading?.compare?.label);
			const note = reader.optionalString(raw, 'note', [...at, 'podman']);
			if (info?.cannot.podman)
				reader.report(
					[...at, 'podman'],
					`the scenario ${info.name} cannot run with podman (${info.cannot.podman}): leave podman out`,
				);
			if (podmanArgs && podmanReading) podman = {args: podmanArgs, ...podmanReading, ...(note ? {note} : {})};
		}
	}
	if (reading && recorded) {
		if (!observe && reading.expect === undefined)
			reader.report(
				[...at, 'expect'],
				'missing: a regular expression for the line of the output that shows what the step is about',
			);
		if (reading.expect !== undefined && !findDeciding(recorded.output, {expect: reading.expect})) {
			reader.report(
				[...at, 'expect'],
				`no line of the recorded output matches /${reading.expect}/: the command cannot show what the step is about`,
			);
		}
		if (observe && reading.decide === undefined)
			reader.report(
				[...at, 'decide'],
				'missing: for each choice, a regular expression for the line that shows it',
			);
		if (reading.compare && recorded.compared === undefined)
			reader.report(
				[...at, 'recorded', 'compared'],
				`missing: what the \`compare\` measurement (${reading.compare.label}) printed in the recorded run`,
			);
		if (!reading.compare && recorded.compared !== undefined)
			reader.report([...at, 'recorded', 'compared'], 'a recorded comparison needs `compare`: what was measured');
	}
	if (!tool || !args || !recorded || !reading || (obj.podman !== undefined && !podman)) return undefined;
	return {tool, args, recorded, ...reading, ...(scenario ? {scenario} : {}), ...(podman ? {podman} : {})};
}
