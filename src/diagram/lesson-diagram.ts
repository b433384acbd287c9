/** Draws a lesson's diagram step at the width the reader has right now. */
import {dirname, resolve} from 'node:path';
import yaml from 'js-yaml';
import type {DiagramStep} from '../content/types.js';
import {readFileBounded} from '../files/bounded-read.js';
import type {Charset} from './text-line.js';
import {drawView, modelsFromYaml} from './manifest-diagrams.js';

export type LessonDiagramResult = {readonly ok: true; readonly lines: string[]} | {readonly ok: false; readonly error: string};

/** A spec file is a Pod manifest: the same limit as a learner's (MAX_MANIFEST_BYTES). */
export const MAX_SPEC_FILE_BYTES = 1024 * 1024;

/**
 * Reads a diagram step's file: a regular file inside the lesson's folder (a symbolic link that
 * leads out of it is refused by name), at most MAX_SPEC_FILE_BYTES.
 */
export function readSpecFile(step: DiagramStep & {file: string}, lessonFile: string): {ok: true; text: string} | {ok: false; why: string} {
	const read = readFileBounded(resolve(dirname(lessonFile), step.file), {limit: MAX_SPEC_FILE_BYTES, within: dirname(lessonFile)});
	return read.ok ? read : {ok: false, why: read.reason};
}

/** Why a diagram step cannot be drawn (its file or spec), checked when the lesson loads; undefined when it can. */
export function diagramStepProblem(step: DiagramStep, lessonFile: string): string | undefined {
	let text: string;
	if (step.file !== undefined) {
		const read = readSpecFile({...step, file: step.file}, lessonFile);
		if (!read.ok) return `diagram file ${step.file}: ${read.why}`;
		text = read.text;
	} else if (step.spec !== undefined) {
		text = yaml.dump(step.spec, {noRefs: true});
	} else return undefined;
	const parsed = modelsFromYaml(text);
	return parsed.ok ? undefined : `${step.file === undefined ? 'the inline spec' : `diagram file ${step.file}`}: ${parsed.error}`;
}

/**
 * Reads `step.file` relative to the lesson file's folder, or draws `step.spec`; one diagram per
 * Pod spec, a blank line between them. Colour is left to the reader, which styles lines itself.
 */
export function renderDiagramStep(step: DiagramStep, lessonFile: string, width: number, charset: Charset): LessonDiagramResult {
	let source: string;
	let text: string;
	if (step.file !== undefined) {
		source = resolve(dirname(lessonFile), step.file);
		const read = readSpecFile({...step, file: step.file}, lessonFile);
		if (!read.ok) return {ok: false, error: `${lessonFile}: diagram file ${step.file}: ${read.why}`};
		text = read.text;
	} else if (step.spec !== undefined) {
		source = `${lessonFile} (inline spec)`;
		text = yaml.dump(step.spec);
	} else {
		return {ok: false, error: `${lessonFile}: a diagram step needs file or spec`};
	}
	const parsed = modelsFromYaml(text);
	if (!parsed.ok) return {ok: false, error: `${source}: ${parsed.error}`};
	const lines: string[] = [];
	for (const [i, model] of parsed.value.models.entries()) {
		if (i > 0) lines.push('');
		lines.push(...drawView(model, step.view ?? 'pod', {width, charset, color: false}));
	}
	return {ok: true, lines};
}
