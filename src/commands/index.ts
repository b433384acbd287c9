/**
 * Every subcommand, in one module the CLI imports when a subcommand is named: one lazily loaded
 * piece instead of one per command keeps the bundle in few chunks, so the tutor's own start
 * (which loads none of this) reads few files.
 */
import {runCheck} from './check.js';
import {runCleanup} from './cleanup.js';
import type {Subcommand} from './command-io.js';
import {diagramCommand} from './diagram.js';
import {runDoctor} from './doctor.js';
import {runList} from './list.js';
import {runProgress} from './progress.js';
import {runReport} from './report.js';
import {runReset} from './reset.js';
import {runShow} from './show.js';
import {runSubmit} from './submit.js';
import {runValidate} from './validate.js';

export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
	list: runList,
	progress: runProgress,
	reset: runReset,
	diagram: diagramCommand,
	doctor: runDoctor,
	cleanup: runCleanup,
	check: runCheck,
	show: runShow,
	validate: runValidate,
	submit: runSubmit,
	report: runReport,
};
