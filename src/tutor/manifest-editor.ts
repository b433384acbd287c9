import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {MAX_MANIFEST_BYTES} from '../exercises/manifest-yaml.js';
import {readFileBounded} from '../files/bounded-read.js';
import {fail, ok, type Result} from '../result.js';

/**
 * The round trip through the learner's editor for a manifest exercise: a temporary file filled
 * with the last draft (or the template), the editor run on the real terminal, the file read back
 * and removed. No React: the app's effect runner calls it, tests call it with a fake hand-over.
 */
export type EditorOutcome = Result<string>;

/** The learner's editor as an argument array ($VISUAL, then $EDITOR, else the system's). */
export function editorArgv(env: NodeJS.ProcessEnv): string[] {
	const configured = (env.VISUAL || env.EDITOR || '').trim();
	if (configured) return configured.split(/\s+/);
	return ['editor'];
}

export function editManifest(
	exerciseId: string,
	startText: string,
	env: NodeJS.ProcessEnv,
	/** Runs a program on the real terminal; `error` when it could not start (src/ui/terminal-handover.ts). */
	handOver: (argv: readonly string[]) => {readonly exitCode: number | null; readonly error?: string},
): EditorOutcome {
	const dir = mkdtempSync(join(tmpdir(), 'pod-tutor-'));
	try {
		const file = join(dir, `${exerciseId}.yaml`);
		writeFileSync(file, startText);
		let result = handOver([...editorArgv(env), file]);
		// Debian's `editor` alternative may be missing on a minimal machine; vi is in POSIX.
		if (result.error && !env.VISUAL && !env.EDITOR) result = handOver(['vi', file]);
		const read = readFileBounded(file, {limit: MAX_MANIFEST_BYTES});
		if (!result.error && !read.ok && read.problem === 'too-large') {
			return fail(`The manifest was not checked: ${read.reason} (the limit is 1 MiB).`);
		}
		const text = read.ok ? read.text : undefined;
		if (result.error || text === undefined) {
			const why = result.error ?? 'the file vanished';
			return fail(
				`No editor could be started (${why}): set EDITOR, or use pod-tutor check ${exerciseId} --file pod.yaml`,
			);
		}
		return ok(text);
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}
