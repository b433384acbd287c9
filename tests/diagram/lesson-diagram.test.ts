import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {renderDiagramStep} from '../../src/diagram/lesson-diagram.js';
import {textWidth} from '../../src/diagram/text-line.js';

const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-lesson-'));
mkdirSync(join(dir, 'specs'));
writeFileSync(
	join(dir, 'specs', 'duo.yaml'),
	'kind: Pod\nmetadata: {name: duo}\nspec:\n  containers:\n    - {name: a, image: x, ports: [{containerPort: 80}]}\n    - {name: b, image: y}\n',
);
const lesson = join(dir, '01-pods.yaml');

describe('renderDiagramStep', () => {
	it('reads the file relative to the lesson and draws at the given width', () => {
		const r = renderDiagramStep({kind: 'diagram', view: 'pod', file: 'specs/duo.yaml'}, lesson, 60, 'ascii');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.lines[0]).toMatch(/^\+- Pod duo/);
		for (const line of r.lines) {
			expect(textWidth(line)).toBeLessThanOrEqual(60);
			expect(line).toMatch(/^[\x20-\x7e]*$/);
		}
	});

	it('draws an inline spec in the asked view', () => {
		const spec = {
			kind: 'Pod',
			metadata: {name: 'inline'},
			spec: {containers: [{name: 'web', image: 'nginx', ports: [{containerPort: 80}]}]},
		};
		const r = renderDiagramStep({kind: 'diagram', view: 'compose', spec}, lesson, 80, 'unicode');
		expect(r.ok && r.lines.join('\n')).toContain('others use web:80');
	});

	it('names the lesson and file when the file is missing or broken', () => {
		const missing = renderDiagramStep(
			{kind: 'diagram', view: 'pod', file: 'specs/none.yaml'},
			lesson,
			80,
			'unicode',
		);
		expect(missing).toEqual({ok: false, error: `${lesson}: diagram file specs/none.yaml: no such file`});
		writeFileSync(
			join(dir, 'specs', 'bad.yaml'),
			'kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a}]}\n',
		);
		const bad = renderDiagramStep({kind: 'diagram', view: 'pod', file: 'specs/bad.yaml'}, lesson, 80, 'unicode');
		expect(bad).toEqual({
			ok: false,
			error: `${join(dir, 'specs', 'bad.yaml')}: spec.containers[0] (a): no image; write the image to run, such as image: busybox:1.36`,
		});
	});
});
