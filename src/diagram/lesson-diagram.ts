/** Draws a lesson's diagram step at the width the reader has right now. */
import {readFileSync} from 'node:fs';
import {dirname, resolve} from 'node:path';
import yaml from 'js-yaml';
import type {DiagramStep} from '../content/types.js';
import type {Charset} from './text-line.js';
import {drawView, modelsFromYaml} from './manifest-diagrams.js';

export type LessonDiagramResult = {readonly ok: true; readonly lines: string[]} | {readonly ok: false; readonly error: string};

/**
 * Reads `step.file` relative to the lesson file's folder, or draws `step.spec`; one diagram per
 * Pod spec, a blank line between them. Colour is left to the reader, which styles lines itself.
 */
export function renderDiagramStep(step: DiagramStep, lessonFile: string, width: number, charset: Charset): LessonDiagramResult {
	let source: string;
	let text: string;
	if (step.file !== undefined) {
		source = resolve(dirname(lessonFile), step.file);
		try {
			text = readFileSync(source, 'utf8');
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : `cannot read it (${code ?? String(error)})`;
			return {ok: false, error: `${lessonFile}: diagram file ${step.file}: ${why}`};
		}
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
