import {describe, expect, it} from 'vitest';
import {SUBCOMMAND_NAMES, USAGE} from '../../src/cli-args.js';
import {SUBCOMMANDS} from '../../src/commands/index.js';

describe('subcommand names', () => {
	it('are exactly the commands the lazily loaded table runs (any other word is taken as a lesson id)', () => {
		expect([...SUBCOMMAND_NAMES].sort()).toEqual(Object.keys(SUBCOMMANDS).sort());
	});

	it('each appear in the usage text', () => {
		for (const name of SUBCOMMAND_NAMES) expect(USAGE).toMatch(new RegExp(`^  pod-tutor ${name}\\b`, 'm'));
	});
});
