import {Ajv, type ValidateFunction} from 'ajv';
import yaml from 'js-yaml';
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {EXERCISE_KINDS, STEP_KINDS} from '../../src/content/types.js';
import {MANIFEST_RULE_NAMES} from '../../src/exercises/manifest-rules.js';

const root = new URL('../../', import.meta.url).pathname;
type Schema = Record<string, any>;
const readJson = (file: string): Schema => JSON.parse(readFileSync(join(root, file), 'utf8'));
const lessonSchema = readJson('schema/lesson.schema.json');
const exerciseSchema = readJson('schema/exercise.schema.json');

// strict (the default) throws on unknown keywords, so a misspelt schema keyword fails here;
// union types (a choice id may be a number in YAML) are plain draft-07.
const ajv = new Ajv({allErrors: true, allowUnionTypes: true});
const validateLessonDoc = ajv.compile(lessonSchema);
const validateExerciseDoc = ajv.compile(exerciseSchema);

const lessonFiles = readdirSync(join(root, 'lessons'))
	.filter((f) => f.endsWith('.yaml'))
	.map((f) => `lessons/${f}`);
const exerciseFiles = readdirSync(join(root, 'exercises')).flatMap((dir) =>
	readdirSync(join(root, 'exercises', dir))
		.filter((f) => f.endsWith('.yaml'))
		.map((f) => `exercises/${dir}/${f}`),
);
const load = (file: string): any => yaml.load(readFileSync(join(root, file), 'utf8'));
const errorsOf = (validate: ValidateFunction, doc: unknown): string[] =>
	validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);

describe('the schemas accept every file in the repository', () => {
	it('finds the lessons and exercises', () => {
		expect(lessonFiles.length).toBeGreaterThanOrEqual(10);
		expect(exerciseFiles.length).toBeGreaterThanOrEqual(40);
	});
	it.each(lessonFiles)('%s', (file) => {
		expect(readFileSync(join(root, file), 'utf8').split('\n')[0]).toBe(
			'# yaml-language-server: $schema=../schema/lesson.schema.json',
		);
		expect(errorsOf(validateLessonDoc, load(file))).toEqual([]);
	});
	it.each(exerciseFiles)('%s', (file) => {
		expect(readFileSync(join(root, file), 'utf8').split('\n')[0]).toBe(
			'# yaml-language-server: $schema=../../schema/exercise.schema.json',
		);
		expect(errorsOf(validateExerciseDoc, load(file))).toEqual([]);
	});
});

describe('the schemas list the same kinds as src/content/types.ts', () => {
	const branchKinds = (schema: Schema, field: string) =>
		(schema.allOf as Schema[]).map((b) => b.if.properties[field].const);
	it('step kinds', () => {
		const step = lessonSchema.definitions.step;
		expect(step.properties.kind.enum).toEqual([...STEP_KINDS]);
		expect(branchKinds(step, 'kind')).toEqual([...STEP_KINDS]);
	});
	it('exercise kinds', () => {
		expect(exerciseSchema.properties.kind.enum).toEqual([...EXERCISE_KINDS]);
		expect(branchKinds(exerciseSchema, 'kind')).toEqual([...EXERCISE_KINDS]);
	});
	it('manifest rules', () => {
		const rule = exerciseSchema.definitions.manifestRule;
		expect(rule.properties.rule.enum).toEqual([...MANIFEST_RULE_NAMES]);
		expect(branchKinds(rule, 'rule')).toEqual([...MANIFEST_RULE_NAMES]);
	});
});

describe('the schemas describe every field of docs/LESSON-FORMAT.md', () => {
	const doc = readFileSync(join(root, 'docs/LESSON-FORMAT.md'), 'utf8');
	const section = (heading: string) =>
		doc.slice(doc.indexOf(heading), doc.indexOf('\n#', doc.indexOf(heading) + heading.length));
	const yamlBlock = (text: string): Record<string, any> =>
		yaml.load(/```yaml\n([\s\S]*?)```/.exec(text)![1]) as Record<string, any>;
	/** Table rows as cells: | a | b | c |. */
	const rows = (text: string) =>
		text
			.split('\n')
			.filter((l) => /^\|\s*`/.test(l))
			.map((l) =>
				l
					.split('|')
					.slice(1, -1)
					.map((c) => c.trim()),
			);
	const ticked = (cell: string) => [...cell.replace(/\([^)]*\)/g, '').matchAll(/`([A-Za-z]+)\??`/g)].map((m) => m[1]);
	const described = (props: Schema, names: readonly string[]) =>
		names.filter((name) => typeof props[name]?.description !== 'string' || props[name].description.trim() === '');

	it('lesson fields', () => {
		const fields = Object.keys(yamlBlock(section('## Lesson')));
		expect(fields).toEqual(['id', 'title', 'summary', 'sources', 'steps']);
		expect(Object.keys(lessonSchema.properties)).toEqual(fields);
		expect(described(lessonSchema.properties, fields)).toEqual([]);
	});

	it('step fields, kind by kind', () => {
		const table = rows(section('### Step kinds'));
		expect(table.map((r) => r[0].replace(/`/g, ''))).toEqual([...STEP_KINDS]);
		for (const [kindCell, fieldsCell] of table) {
			const kind = kindCell.replace(/`/g, '');
			const props = lessonSchema.definitions[`${kind}Step`].properties;
			const fields = ticked(fieldsCell);
			expect(fields.length, kind).toBeGreaterThan(0);
			expect(described(props, [...fields, 'topics']), kind).toEqual([]);
		}
	});

	it('common exercise fields', () => {
		const example = yamlBlock(section('## Exercise'));
		const fields = Object.keys(example);
		for (const kind of EXERCISE_KINDS) {
			const props = exerciseSchema.definitions[kind].properties;
			expect(described(props, fields), kind).toEqual([]);
			expect(described(props.wrong.items.properties, Object.keys(example.wrong[0])), kind).toEqual([]);
		}
	});

	it('fields of each exercise kind', () => {
		const table = rows(section('### Exercise kinds'));
		expect(table.map((r) => r[0].replace(/`/g, ''))).toEqual([...EXERCISE_KINDS]);
		for (const [kindCell, ownCell] of table) {
			const kind = kindCell.replace(/`/g, '');
			// A field is a ticked name followed by ":" or "(", or a ticked "name: shape"; the rest are values.
			const fields = [...ownCell.matchAll(/`([A-Za-z]+)\??(?::[^`]*`|`\s*[:(])/g)].map((m) => m[1]);
			expect(fields.length, kind).toBeGreaterThan(0);
			expect(described(exerciseSchema.definitions[kind].properties, fields), kind).toEqual([]);
		}
	});

	it('manifest rules and their parameters', () => {
		const table = rows(section('### Manifest rules'));
		const rules = exerciseSchema.definitions.manifestRule.allOf as Schema[];
		expect(table.map((r) => r[0].replace(/`/g, ''))).toEqual(rules.map((r) => r.if.properties.rule.const));
		for (const [ruleCell, paramsCell] of table) {
			const name = ruleCell.replace(/`/g, '');
			const branch = rules.find((r) => r.if.properties.rule.const === name)!;
			const params = ticked(paramsCell);
			expect(Object.keys(branch.then.properties).sort(), name).toEqual(['feedback', 'rule', ...params].sort());
			expect(described(branch.then.properties, ['feedback', ...params]), name).toEqual([]);
		}
	});
});

describe('the schemas reject wrong documents', () => {
	const goodLesson = () => ({
		id: 'tiny',
		title: 'Tiny',
		summary: 'A tiny lesson.',
		steps: [{kind: 'text', body: 'Hello.'}],
	});
	const goodExercise = () => load('exercises/container/container-process.yaml');

	it('accepts the good documents these cases start from', () => {
		expect(errorsOf(validateLessonDoc, goodLesson())).toEqual([]);
		expect(errorsOf(validateExerciseDoc, goodExercise())).toEqual([]);
	});

	const lessonCases: [string, (l: any) => void][] = [
		['an unknown step kind', (l) => (l.steps[0].kind = 'picture')],
		['a misspelt field', (l) => (l.steps[0].bodyy = l.steps[0].body)],
		['an id with capitals', (l) => (l.id = 'Tiny')],
		['no steps', (l) => (l.steps = [])],
		[
			'args as a shell string',
			(l) => (l.steps[0] = {kind: 'command', tool: 'kubectl', args: 'get pods', recorded: {output: ''}}),
		],
		[
			'an unknown placeholder',
			(l) =>
				(l.steps[0] = {
					kind: 'command',
					tool: 'kubectl',
					args: ['get', 'pod', '{podname}'],
					recorded: {output: ''},
				}),
		],
		[
			'an unknown tool',
			(l) => (l.steps[0] = {kind: 'command', tool: 'docker', args: ['ps'], recorded: {output: ''}}),
		],
		[
			'a diagram with both file and spec',
			(l) => (l.steps[0] = {kind: 'diagram', file: 'specs/a.yaml', spec: {kind: 'Pod'}}),
		],
		['a diagram with neither file nor spec', (l) => (l.steps[0] = {kind: 'diagram'})],
		['a diagram file outside the folder', (l) => (l.steps[0] = {kind: 'diagram', file: '../secrets.yaml'})],
		['a source that is not a web address', (l) => (l.sources = ['kubernetes.io'])],
	];
	it.each(lessonCases)('lesson: %s', (_, change) => {
		const lesson = goodLesson();
		change(lesson);
		expect(errorsOf(validateLessonDoc, lesson).length).toBeGreaterThan(0);
	});

	it('lesson: accepts kubectl jsonpath braces and the four placeholders', () => {
		const lesson = goodLesson();
		lesson.steps.push({
			kind: 'command',
			tool: 'kubectl',
			args: ['get', 'pod', '{pod}', '-n', '{namespace}', '-o', 'jsonpath={.status.phase}'],
			recorded: {output: 'Running'},
			scenario: 'web-app',
			expect: '^Running$',
		} as any);
		expect(errorsOf(validateLessonDoc, lesson)).toEqual([]);
	});

	const exerciseCases: [string, (e: any) => void][] = [
		['a misspelt prompt', (e) => ((e.promt = e.prompt), delete e.prompt)],
		['no hints', (e) => delete e.hints],
		['an empty hint list', (e) => (e.hints = [])],
		['only one wrong answer', (e) => (e.wrong = e.wrong.slice(0, 1))],
		['an unknown kind', (e) => (e.kind = 'essay')],
		['a list answer to a single choice', (e) => (e.answer = ['b'])],
		['a field of another kind', (e) => (e.resource = 'cpu')],
		['match on a choice exercise', (e) => (e.wrong[0].match = ['vm'])],
	];
	it.each(exerciseCases)('exercise: %s', (_, change) => {
		const exercise = goodExercise();
		change(exercise);
		expect(errorsOf(validateExerciseDoc, exercise).length).toBeGreaterThan(0);
	});

	it('exercise: a manifest rule with a parameter it does not take', () => {
		const exercise = load('exercises/pod/pod-two-containers.yaml');
		expect(errorsOf(validateExerciseDoc, exercise)).toEqual([]);
		exercise.rules[1].cuont = 2;
		expect(errorsOf(validateExerciseDoc, exercise).join('\n')).toMatch(/rules\/1/);
	});
});
