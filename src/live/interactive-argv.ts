/**
 * Commands that need the terminal itself (`kubectl exec -it`): the tutor builds the argv and the
 * app root hands the terminal over (it owns raw mode), then takes it back when the command ends.
 */
import type {LiveBackend, LivePod} from './backend.js';
import {fail, ok, type Result} from '../result.js';

export interface InteractiveArgv {
	readonly file: string;
	readonly args: readonly string[];
}

/** A shell inside one container of the Pod, through the backend's own tool. */
export function shellArgv(
	backend: LiveBackend,
	pod: LivePod,
	container: string,
	shell = '/bin/sh',
): Result<InteractiveArgv> {
	const found = pod.containers.find((c) => c.name === container);
	if (!found)
		return fail(
			`the Pod ${pod.name} has no container ${container} (it has ${pod.containers.map((c) => c.name).join(', ')})`,
		);
	if (found.state !== 'running') return fail(`container ${container} is ${found.state}: a shell needs it running`);
	if (backend.tool === 'kubectl') return ok(backend.argvFor(['exec', '-it', pod.name, '-c', container, '--', shell]));
	// podman and crictl address containers by id: names differ between `kube play` and `run --pod`.
	if (!found.id) return fail(`${backend.tool} did not report an id for container ${container}`);
	return ok(backend.argvFor(['exec', '-it', found.id, shell]));
}
