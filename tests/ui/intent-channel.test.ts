import {describe, expect, it} from 'vitest';
import type {Intent} from '../../src/tutor/keymap.js';
import {IntentChannel} from '../../src/ui/intent-channel.js';

describe('IntentChannel', () => {
	it("hands the listening step's pane its intents at once", () => {
		const channel = new IntentChannel();
		const got: Intent[] = [];
		channel.listen((i) => got.push(i), 'pod:3');
		channel.send('run', 'pod:3');
		expect(got).toEqual(['run']);
		expect(channel.pending).toBe(0);
	});

	it('keeps an intent sent before the pane listens and hands it over when it does: no key is lost', () => {
		const channel = new IntentChannel();
		channel.send('run', 'pod:3');
		expect(channel.pending).toBe(1);
		const got: Intent[] = [];
		channel.listen((i) => got.push(i), 'pod:3');
		expect(got).toEqual(['run']);
		expect(channel.pending).toBe(0);
	});

	it("never hands a waiting intent to another step's pane, and drops it once the screen shows another", () => {
		const channel = new IntentChannel();
		channel.send('run', 'pod:3');
		channel.showing('pod:3');
		expect(channel.pending).toBe(1);
		channel.showing('pod:4');
		expect(channel.pending).toBe(0);
		const later: Intent[] = [];
		// Coming back to pod:3 later runs nothing the learner did not ask for there and then.
		channel.listen((i) => later.push(i), 'pod:3');
		expect(later).toEqual([]);

		channel.send('run', 'pod:5');
		const other: Intent[] = [];
		channel.listen((i) => other.push(i), 'pod:6');
		expect(other).toEqual([]);
		expect(channel.pending).toBe(0);
	});

	it('a pane that stops listening gets nothing more; the one that took over keeps listening', () => {
		const channel = new IntentChannel();
		const first: Intent[] = [];
		const second: Intent[] = [];
		const stopFirst = channel.listen((i) => first.push(i), 'a:1');
		channel.listen((i) => second.push(i), 'a:2');
		stopFirst();
		channel.send('up', 'a:2');
		expect(first).toEqual([]);
		expect(second).toEqual(['up']);
	});
});
