/** Draws a lesson's diagram step at the width the reader has right now. */
import {dirname, resolve} from 'node:path';
import yaml from 'js-yaml';
import type {DiagramStep} from '../content/types.js';
import {readFileBounded} from '../files/bounded-read.js';
import {fail, ok, type Result} from '../result.js';
import type {Charset} from './text-line.js';
import {describeView, drawView, modelsFromYaml, type ManifestModels} from './manifest-diagrams.js';

export type LessonDiagramResult =
	{readonly ok: true; readonly lines: string[]} | {readonly ok: false; readonly error: string};

/** A spec file is a Pod manifest: the same limit as a learner's (MAX_MANIFEST_BYTES). */
export const MAX_SPEC_FILE_BYTES = 1024 * 1024;

/**
 * Reads a diagram step's file: a regular file inside the lesson's folder (a symbolic link that
 * leads out of it is refused by name), at most MAX_SPEC_FILE_BYTES.
 */
export function readSpecFile(step: DiagramStep & {file: string}, lessonFile: string): Result<string> {
	const read = readFileBounded(resolve(dirname(lessonFile), step.file), {
		limit: MAX_SPEC_FILE_BYTES,
		within: dirname(lessonFile),
	});
	return read.ok ? ok(read.text) : fail(read.reason);
}

/** Why a diagram step cannot be drawn (its file or spec), checked when the lesson loads; undefined when it can. */
export function diagramStepProblem(step: DiagramStep, lessonFile: string): string | undefined {
	let text: string;
	if (step.file !== undefined) {
		const read = readSpecFile({...step, file: step.file}, lessonFile);
		if (!read.ok) return `diagram file ${step.file}: ${read.error}`;
		text = read.value;
	} else if (step.spec !== undefined) {
		text = yaml.dump(step.spec, {noRefs: true});
	} else return undefined;
	const parsed = modelsFromYaml(text);
	return parsed.ok
		? undefined
		: `${step.file === undefined ? 'the inline spec' : `diagram file ${step.file}`}: ${parsed.error}`;
}

type ModelsResult =
	{readonly ok: true; readonly models: ManifestModels['models']} | {readonly ok: false; readonly error: string};

/** The Pod models of a diagram step: `step.file` read relative to the lesson file's folder, or `step.spec`. */
function diagramModels(step: DiagramStep, lessonFile: string): ModelsResult {
	let source: string;
	let text: string;
	if (step.file !== undefined) {
		source = resolve(dirname(lessonFile), step.file);
		const read = readSpecFile({...step, file: step.file}, lessonFile);
		if (!read.ok) return {ok: false, error: `${lessonFile}: diagram file ${step.file}: ${read.error}`};
		text = read.value;
	} else if (step.spec !== undefined) {
		source = `${lessonFile} (inline spec)`;
		text = yaml.dump(step.spec);
	} else {
		return {ok: false, error: `${lessonFile}: a diagram step needs file or spec`};
	}
	const parsed = modelsFromYaml(text);
	if (!parsed.ok) return {ok: false, error: `${source}: ${parsed.error}`};
	return {ok: true, models: parsed.value.models};
}

/**
 * One diagram per Pod spec, a blank line between them. Colour is left to the reader, which
 * styles lines itself.
 */
export function renderDiagramStep(
	step: DiagramStep,
	lessonFile: string,
	width: number,
	charset: Charset,
): LessonDiagramResult {
	const read = diagramModels(step, lessonFile);
	if (!read.ok) return read;
	const lines: string[] = [];
	for (const [i, model] of read.models.entries()) {
		if (i > 0) lines.push('');
		lines.push(...drawView(model, step.view ?? 'pod', {width, charset, color: false}));
	}
	return {ok: true, lines};
}

/** The same Pods in sentences (describePod), for screen readers and `--plain`: no box drawing to read out. */
export function describeDiagramStep(step: DiagramStep, lessonFile: string): LessonDiagramResult {
	const read = diagramModels(step, lessonFile);
	if (!read.ok) return read;
	const view = step.view ?? 'pod';
	const lines = read.models.flatMap((model, i) => [...(i > 0 ? [''] : []), ...describeView(model, view).split('\n')]);
	return {ok: true, lines};
}
