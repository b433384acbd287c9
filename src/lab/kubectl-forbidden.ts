/**
 * kubectl's answer when RBAC says no (HTTP 403 from the API server), read for what a student
 * needs to know: which verb on which resource, in which namespace. On a shared classroom cluster
 * this is the usual case of a student reaching outside their own namespace.
 *
 * kubectl prints the API Status message after "Error from server (Forbidden): ", e.g.
 *   pods "web-app" is forbidden: User "ana" cannot create resource "pods/exec" in API group ""
 *     in the namespace "pod-tutor-bob"
 *   pods is forbidden: User "ana" cannot list resource "pods" in API group "" at the cluster scope
 * (one line each; the message of the API server's Status, from k8s.io/apiserver's forbidden responder).
 */

export interface Forbidden {
	readonly verb: string;
	/** The resource, with its subresource (pods/exec) and API group (deployments.apps) when there is one. */
	readonly resource: string;
	/** Absent at the cluster scope. */
	readonly namespace?: string;
	readonly user: string;
	readonly name?: string;
}

const FORBIDDEN = new RegExp(
	[
		String.raw`(?:(\S+) "([^"]*)"|(\S+)) is forbidden: User "([^"]*)" cannot (\w+) resource "([^"]+)"`,
		String.raw` in API group "([^"]*)"(?: in the namespace "([^"]+)"| at the cluster scope)`,
	].join(''),
);

export function parseForbidden(stderr: string): Forbidden | undefined {
	const match = FORBIDDEN.exec(stderr);
	if (!match) return undefined;
	const [, , name, , user, verb, resource, group, namespace] = match;
	return {
		verb,
		resource: group ? `${resource}.${group}` : resource,
		user,
		...(namespace ? {namespace} : {}),
		...(name ? {name} : {}),
	};
}

/** One sentence naming the verb and the namespace, and what to ask the instructor for. */
export function forbiddenProblem(forbidden: Forbidden): {problem: string; nextStep: string} {
	const where = forbidden.namespace
		? `in the namespace ${forbidden.namespace}`
		: 'across the whole cluster (outside any namespace)';
	const what = `${forbidden.resource}${forbidden.name ? ` ${forbidden.name}` : ''}`;
	return {
		problem: `the cluster does not allow ${forbidden.user} to ${forbidden.verb} ${what} ${where}`,
		nextStep: forbidden.namespace
			? `the tutor works only in your own namespace; if ${forbidden.namespace} is yours, ask your instructor ` +
				`for a Role there that allows ${forbidden.verb} on ${forbidden.resource} (docs/CLASSROOM.md)`
			: 'ask your instructor: lessons only need rights inside your own namespace (docs/CLASSROOM.md)',
	};
}
