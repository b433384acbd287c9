/** What the UI gets once detection is done: the backends it may run, and the placeholder values. */
import type {LiveTool} from '../content/types.js';
import type {BackendReport, LiveBackend} from './backend.js';
import type {PlaceholderValues} from './command-runner.js';
import type {DetectedBackend} from './detect-backends.js';

export interface LiveContext {
	readonly backends: Partial<Record<LiveTool, LiveBackend>>;
	readonly reports: readonly BackendReport[];
	/** {pod} {namespace} {container} {image} for lesson commands. */
	readonly values: PlaceholderValues;
}

export function liveContextFrom(detected: readonly DetectedBackend[], values: PlaceholderValues): LiveContext {
	const backends: Partial<Record<LiveTool, LiveBackend>> = {};
	for (const item of detected) if (item.backend) backends[item.report.tool] = item.backend;
	return {backends, reports: detected.map((d) => d.report), values};
}

/**
 * Why the recorded output is shown, as far as detection knows: "no kubectl here" only when the
 * tool is really missing, not when it is installed and its cluster or runtime is not there.
 */
export function offlineReason(tool: string, live: LiveContext | undefined, name = 'recorded output'): string {
	const report = live?.reports.find((r) => r.tool === tool);
	if (!report) return name;
	if (!report.installed) return `${name} (no ${tool} here)`;
	return `${name} (${tool} is installed but ${report.problem ?? 'cannot be used here'})`;
}
