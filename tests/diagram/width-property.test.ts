import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {layoutCompose, layoutDocker, layoutPod} from '../../src/diagram/pod-diagram.js';
import {textWidth} from '../../src/diagram/text-line.js';
import {modelFromSpec, pod} from './fixture-models.js';

const nameChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split(''));
const imageChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-./:_@'.split(''), 'é', '界');
// Half short, half long: fast-check's default sizes would rarely reach names that must wrap.
const name = fc
	.oneof(fc.array(nameChar, {minLength: 1, maxLength: 12}), fc.array(nameChar, {minLength: 30, maxLength: 62}))
	.map((cs) => `c${cs.join('')}`);
const image = fc
	.oneof(fc.array(imageChar, {minLength: 1, maxLength: 20}), fc.array(imageChar, {minLength: 40, maxLength: 120}))
	.map((cs) => cs.join(''));

const container = fc.record({
	name,
	image,
	// Without the box sides "|" and "│", so the name check below can split lines into boxes.
	command: fc.option(
		fc.array(
			fc.string({maxLength: 40}).map((s) => s.replace(/[|│]/g, '')),
			{maxLength: 4},
		),
		{nil: undefined},
	),
	ports: fc.array(fc.record({containerPort: fc.integer({min: 1, max: 65535})}), {maxLength: 3}),
});

// Unique names: the spec reader rightly refuses duplicates.
const podSpec = fc
	.record({
		containers: fc.uniqueArray(container, {minLength: 1, maxLength: 8, selector: (c) => c.name}),
		sidecars: fc.integer({min: 0, max: 2}),
		shareProcessNamespace: fc.boolean(),
		hostNetwork: fc.boolean(),
		podName: name,
	})
	.map(({containers, sidecars, shareProcessNamespace, hostNetwork, podName}) => {
		const strip = (c: (typeof containers)[number]) => ({
			name: c.name,
			image: c.image,
			ports: c.ports,
			...(c.command ? {command: c.command} : {}),
		});
		const init = containers
			.slice(0, Math.min(sidecars, containers.length - 1))
			.map((c) => ({...strip(c), restartPolicy: 'Always'}));
		return pod(
			{
				initContainers: init,
				containers: containers.slice(init.length).map(strip),
				shareProcessNamespace,
				hostNetwork,
			},
			podName,
		);
	});

const charset = fc.constantFrom('unicode' as const, 'ascii' as const);

describe('every drawing fits its width', () => {
	it('no line is wider than the width, for 1-8 containers and widths 40..120', () => {
		fc.assert(
			fc.property(
				podSpec,
				fc.integer({min: 40, max: 120}),
				charset,
				fc.constantFrom(layoutPod, layoutDocker, layoutCompose),
				(doc, width, cs, layout) => {
					const lines = layout(modelFromSpec(doc), {width, charset: cs, color: false});
					for (const line of lines) {
						expect(textWidth(line)).toBeLessThanOrEqual(width);
						if (cs === 'ascii') expect(line).toMatch(/^[\x20-\x7e]*$/);
					}
				},
			),
			{numRuns: 300},
		);
	});

	it('every container name appears in full in the pod view, wrapped across lines when long', () => {
		fc.assert(
			fc.property(podSpec, fc.integer({min: 40, max: 120}), charset, (doc, width, cs) => {
				const model = modelFromSpec(doc);
				const lines = layoutPod(model, {width, charset: cs, color: false});
				// Boxes side by side split each line into the same cells, one column per box; joining
				// each column's cells top to bottom puts a wrapped name back together.
				const columns: string[] = [];
				for (const line of lines) {
					line.split(cs === 'ascii' ? '|' : '│').forEach((cell, i) => {
						columns[i] = (columns[i] ?? '') + cell.trim();
					});
				}
				const text = columns.join('\n');
				for (const c of [...model.initContainers, ...model.containers]) expect(text).toContain(c.name);
			}),
			{numRuns: 200},
		);
	});
});
