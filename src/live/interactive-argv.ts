/**
 * Commands that need the terminal itself (`kubectl exec -it`): the tutor builds the argv and the
 * app root hands the terminal over (it owns raw mode), then takes it back when the command ends.
 */
import type {LiveBackend} from './backend.js';

export interface InteractiveArgv {
	readonly file: string;
	readonly args: readonly string[];
}

/** A shell inside one container of the Pod, through the backend's own tool. */
export function shellArgv(backend: LiveBackend, pod: string, container: string, shell = '/bin/sh'): InteractiveArgv {
	switch (backend.tool) {
		case 'kubectl':
			return backend.argvFor(['exec', '-it', pod, '-c', container, '--', shell]);
		case 'podman':
			// kube play names containers <pod>-<container>.
			return backend.argvFor(['exec', '-it', `${pod}-${container}`, shell]);
		case 'crictl':
			return backend.argvFor(['exec', '-it', container, shell]);
	}
}
