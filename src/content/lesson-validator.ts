import {FieldReader, type Path} from './field-reader.js';
import {COMMAND_PLACEHOLDERS, LIVE_TOOLS, placeholdersIn, STEP_KINDS, type CommandSpec, type DiagramView, type Step} from './types.js';

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
	command: ['tool', 'args', 'recorded', 'explain'],
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
		if (!/^https?:\/\/\S+$/.test(url)) reader.report(['sources', i], `"${url}" is not a web address (http:// or https://)`);
	});
	const rawSteps = reader.list(doc, 'steps', [], 1);
	const steps: Step[] = [];
	rawSteps?.forEach((rawStep, i) => {
		const step = validateStep(rawStep, ['steps', i], reader);
		if (step) steps.push(step);
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
				reader.report(at, 'a diagram step needs exactly one of "file" (a Pod spec file next to the lesson) or "spec" (an inline Pod spec)');
				return undefined;
			}
			if (file !== undefined && (file.startsWith('/') || file.split(/[\\/]/).includes('..'))) {
				reader.report([...at, 'file'], `"${file}" must be a path inside the lesson's folder (no leading / and no ..)`);
				return undefined;
			}
			if (!view) return undefined;
			return {kind, ...base, view, ...(file ? {file} : {}), ...(spec ? {spec} : {}), ...(caption ? {caption} : {})};
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

/** Validates tool/args/recorded of a command step or a predict exercise's `observe`. */
export function validateCommand(obj: Record<string, unknown>, at: Path, reader: FieldReader): CommandSpec | undefined {
	const tool = reader.oneOf(obj, 'tool', at, LIVE_TOOLS);
	if (typeof obj.args === 'string') {
		reader.report([...at, 'args'], 'must be a list of arguments, never a shell string: write [get, pods] instead of "get pods"');
		return undefined;
	}
	const args = reader.stringList(obj, 'args', at, 1);
	args?.forEach((arg, i) => {
		for (const name of placeholdersIn(arg)) {
			if (!(COMMAND_PLACEHOLDERS as readonly string[]).includes(name)) {
				reader.report([...at, 'args', i], `unknown placeholder {${name}} (allowed: ${COMMAND_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')})`);
			}
		}
	});
	const recordedRaw = reader.mapping(obj.recorded, [...at, 'recorded']);
	let recorded: CommandSpec['recorded'] | undefined;
	if (recordedRaw) {
		reader.onlyKeys(recordedRaw, [...at, 'recorded'], ['output', 'exitCode']);
		const output = typeof recordedRaw.output === 'string' ? recordedRaw.output : undefined;
		if (output === undefined) reader.report([...at, 'recorded', 'output'], 'missing: the output the command printed when it was recorded');
		const exitCode = recordedRaw.exitCode === undefined ? 0 : reader.integer(recordedRaw, 'exitCode', [...at, 'recorded']);
		if (output !== undefined && exitCode !== undefined) recorded = {output, exitCode};
	}
	return tool && args && recorded ? {tool, args, recorded} : undefined;
}
