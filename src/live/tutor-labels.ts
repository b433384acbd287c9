/**
 * The labels on everything the tutor creates. Cleanup selects by them, never by name, so the
 * learner's own Pods are never touched, and on a shared cluster one student's cleanup leaves the
 * others' Pods alone.
 */
import {userInfo} from 'node:os';

export const MANAGED_BY_KEY = 'app.kubernetes.io/managed-by';
export const MANAGED_BY_VALUE = 'pod-tutor';
export const USER_KEY = 'pod-tutor/user';

/**
 * A label value: at most 63 characters of [A-Za-z0-9._-], starting and ending alphanumeric.
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#syntax-and-character-set
 */
export function labelValueFor(text: string): string {
	const cleaned = text
		.replace(/[^A-Za-z0-9._-]/g, '-')
		.slice(0, 63)
		.replace(/^[^A-Za-z0-9]+/, '')
		.replace(/[^A-Za-z0-9]+$/, '');
	return cleaned === '' ? 'unknown' : cleaned;
}

export function currentUserLabel(env: NodeJS.ProcessEnv = process.env): string {
	let name: string | undefined;
	try {
		name = userInfo().username;
	} catch {
		name = env.USER ?? env.LOGNAME ?? env.USERNAME;
	}
	return labelValueFor(name ?? 'unknown');
}

export function tutorLabels(user: string): Record<string, string> {
	return {[MANAGED_BY_KEY]: MANAGED_BY_VALUE, [USER_KEY]: user};
}

/** `key=value,key=value`, as kubectl -l and podman --filter label= take them. */
export function tutorSelector(user: string): string {
	return `${MANAGED_BY_KEY}=${MANAGED_BY_VALUE},${USER_KEY}=${user}`;
}

export function carriesTutorLabels(labels: Readonly<Record<string, string>> | undefined, user: string): boolean {
	return labels?.[MANAGED_BY_KEY] === MANAGED_BY_VALUE && labels?.[USER_KEY] === user;
}
