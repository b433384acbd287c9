/**
 * Detectors for the wrong claims FACTS.md corrects, and for the right ones the lessons must make.
 * Each works on one lower-cased sentence (see `sentences`), so a negation such as "not" guards
 * only the sentence it stands in.
 */

export interface WrongClaim {
	readonly name: string;
	/** What the course should say instead, for the failure message. */
	readonly correction: string;
	readonly patterns: readonly RegExp[];
	/** A sentence matching one of these is a correction or a qualified statement, not the mistake. */
	readonly unless?: RegExp;
}

const NEGATED = /\b(?:not|never|no)\b|n't\b/;

export const WRONG_CLAIMS: readonly WrongClaim[] = [
	{
		name: 'containers called the smallest deployable unit',
		correction: 'Pods are the smallest deployable unit; a container is never scheduled on its own',
		patterns: [
			/\bcontainers?\s+(?:is|are)\s+(?:the\s+|kubernetes'?\s+)?smallest\s+(?:deployable|schedulable)/,
			/\bsmallest\s+(?:deployable|schedulable)\s+units?\s+(?:in kubernetes\s+)?(?:is|are)\s+(?:an?\s+|the\s+)?containers?\b/,
		],
	},
	{
		name: "a Pod's request called the plain sum of its containers",
		correction: 'effective request = Pod overhead + max(sum over app and sidecar containers, largest regular init request)',
		patterns: [
			/\b(?:requests?|resource consumption|resource usage|resources)\b[^.]*\b(?:is|are|equals?)\s+(?:just\s+|simply\s+|always\s+)?the\s+(?:plain\s+|simple\s+)?sum\s+of\b[^.]*\bcontainers\b/,
		],
		unless: /\binit\b|overhead|\bmax\b|\bmax\(|largest|highest|greater|larger/,
	},
	{
		name: 'pid or mnt called Pod-level (shared) namespaces',
		correction: "the sandbox holds net, uts and ipc; each container has its own pid and mnt (by default)",
		// pid alone may be shared on purpose (shareProcessNamespace, lesson 13), so pid is only
		// flagged together with mnt or when sharing it is called the default; mnt is never shared.
		patterns: [
			/\b(?:pod|sandbox|pause)(?:'s)?\b[^.]*\b(?:is made (?:of|from)|holds|shares?|owns)\b[^.]*\b(?:pid\b[^.]*\bmnt|mnt\b[^.]*\bpid)\b/,
			/\bmnt\b[^.]*\b(?:shared|pod-level)\b/,
			/\bshared?\b[^.]*\bmnt\b/,
			/\bpid\b[^.]*\bpod-level\b|\bpod-level\b[^.]*\bpid\b/,
			/\bpid,\s*mnt\b[^.]*\bon an?\s+(?:kubernetes\s+)?pod\b/,
			/\b(?:by default|always|every pod|all pods)\b[^.]*\bshare[sd]?\b[^.]*\bpid\b/,
		],
		unless: /\bown\b|\bnot\b|\bnever\b|n't\b|shareprocessnamespace|hostpid|each container|per container|crictl|raw cri|unless|instead|runp/,
	},
	{
		name: '"Kubernetes adds the pause container" (the CRI runtime creates the sandbox)',
		correction: 'the CRI runtime (containerd, CRI-O) creates the sandbox when the kubelet calls RunPodSandbox',
		patterns: [/\bkubernetes\s+(?:automatically\s+)?(?:adds|creates|starts|injects|inserts|runs)\s+(?:a|an|the)\s+(?:hidden\s+|special\s+)?(?:pause|sandbox|infra)\b/],
		unless: NEGATED,
	},
	{
		name: 'the kubelet restarting containers unconditionally',
		correction: 'the kubelet restarts a container only as restartPolicy allows (Always / OnFailure), with back-off',
		patterns: [
			/\bkubelet\s+(?:always\s+|automatically\s+|simply\s+|just\s+)?restarts\s+(?:the\s+|a\s+|any\s+|every\s+|each\s+|failed\s+|crashed\s+|failing\s+|dead\s+)*containers?\b/,
		],
		unless: /restart\s*policy|restartpolicy|onfailure|\bif\b|unless|allows?\b|permits?\b|\bnever\b|\bnot\b|sidecar|\bwhen\s+(?:the\s+)?policy/,
	},
	{
		name: '"Kubernetes restarted your Pod" (the container restarted, the Pod stayed)',
		correction: 'after a crash the container restarts inside the same Pod; the Pod keeps its name, IP and volumes',
		patterns: [
			/\b(?:kubernetes|kubelet|it)\s+(?:automatically\s+)?restart(?:s|ed)?\s+(?:your|the|a|this)\s+pods?\b/,
			/\bpods?\s+(?:was|got|has been|is|gets)\s+restarted\b/,
		],
		unless: NEGATED,
	},
];

/** The claims a sentence makes that FACTS.md lists as mistakes. */
export function wrongClaimsIn(sentence: string): WrongClaim[] {
	return WRONG_CLAIMS.filter((claim) => claim.patterns.some((p) => p.test(sentence)) && !(claim.unless?.test(sentence) ?? false));
}

export interface RightClaim {
	readonly lesson: string;
	readonly name: string;
	/** Some single sentence of the lesson (or its exercises) must match every one of these. */
	readonly all: readonly RegExp[];
}

export const RIGHT_CLAIMS: readonly RightClaim[] = [
	{lesson: 'container', name: 'OCI is named', all: [/\boci\b|open container initiative/]},
	{lesson: 'container', name: 'a container is a process on the host kernel', all: [/\bprocess/, /\bkernel\b/]},
	{lesson: 'container', name: 'containerd or CRI-O is named as a runtime', all: [/containerd|cri-o/, /runtime/]},
	{lesson: 'container', name: 'runc is named', all: [/\brunc\b/]},
	{lesson: 'namespaces', name: 'pid namespace', all: [/`?pid`?\s*:|\bpid\b.*process/]},
	{lesson: 'namespaces', name: 'user namespace', all: [/\buser\b/, /\b(?:uid|user and group|user ids)/]},
	{lesson: 'namespaces', name: 'cgroup namespace', all: [/\bcgroup\b/, /namespace|tree|root/]},
	{lesson: 'namespaces', name: 'uts namespace holds the hostname', all: [/\buts\b/, /hostname/]},
	{lesson: 'namespaces', name: '/proc/PID/ns links', all: [/\/proc\/[a-z0-9<>$]+\/ns/]},
	{lesson: 'namespaces', name: 'lsns', all: [/\blsns\b/]},
	{lesson: 'namespaces', name: 'unshare', all: [/\bunshare\b/]},
	{lesson: 'namespaces', name: 'nsenter', all: [/\bnsenter\b/]},
	{lesson: 'pod', name: 'the Pod is the smallest deployable unit', all: [/\bpods?\s+(?:is|are)\s+the\s+smallest\s+deployable\s+unit/]},
	{lesson: 'pod', name: 'one IP per Pod', all: [/\bone ip\b/]},
	{lesson: 'pod', name: 'scheduled as a unit', all: [/schedul/, /\bunit\b|\btogether\b|whole pod|one node/]},
	{lesson: 'pause', name: 'the CRI runtime creates the sandbox on RunPodSandbox', all: [/runpodsandbox/, /runtime|containerd|cri-o/]},
	{lesson: 'pause', name: 'net, uts and ipc are the Pod\'s (the sandbox\'s)', all: [/\bnet\b/, /\buts\b/, /\bipc\b/, /pod|shared|sandbox|pause/]},
	{lesson: 'pause', name: 'pid and mnt are each container\'s own', all: [/\bpid\b/, /\bmnt\b/, /\bown\b/]},
	{lesson: 'pause', name: 'the IP survives a container restart', all: [/\bip\b/, /still there|stays|stayed|unchanged|survives|keeps|same/]},
	{lesson: 'pause', name: 'READY never counts pause', all: [/\bready\b/, /\bonly\b|\bnever\b|not counted|app containers/]},
	{lesson: 'networking', name: 'containers reach each other on localhost', all: [/localhost/]},
	{lesson: 'networking', name: 'one port space', all: [/port space|same port/]},
	{lesson: 'networking', name: 'Docker Compose gives each container its own IP', all: [/compose/, /own|each/, /\bip\b|address/]},
	{lesson: 'storage', name: 'volumes declared on the Pod, mounted per container', all: [/volumemounts/]},
	{lesson: 'storage', name: 'an emptyDir survives container restarts', all: [/emptydir|it\b/, /container (?:restarts?|crash)/, /surviv|does not touch|keep|finds the files/]},
	{lesson: 'storage', name: 'an emptyDir ends with the Pod', all: [/emptydir|deleted|disappears/, /\bpod\b/, /remov|delet|disappear|gone|ends/]},
	{lesson: 'patterns', name: 'sidecar, ambassador and adapter', all: [/sidecar|ambassador|adapter/]},
	{lesson: 'patterns', name: 'native sidecar = init container with restartPolicy Always', all: [/restartpolicy:?\s*always/]},
	{lesson: 'patterns', name: 'a native sidecar never completes', all: [/never\W+(?:completes?|finish)|does not (?:complete|finish)/]},
	{lesson: 'init-containers', name: 'init containers run one at a time, in order', all: [/one at a time|in order|sequential|one after another|each must (?:succeed|complete|finish)/]},
	{lesson: 'init-containers', name: 'Init:N/M in kubectl', all: [/init:\s*(?:\d+|n)\/(?:\d+|m)/]},
	{lesson: 'lifecycle', name: 'back-off cap of 300 s', all: [/300\s*s\b|300 seconds|five minutes|5 minutes|5m\b/]},
	{lesson: 'lifecycle', name: 'back-off starts at 10 s', all: [/\b10\s*s\b|10 seconds|ten seconds/]},
	{lesson: 'lifecycle', name: 'restartPolicy Always, OnFailure, Never', all: [/always/, /onfailure/, /never/]},
	{lesson: 'lifecycle', name: 'CrashLoopBackOff is not a phase', all: [/crashloopbackoff/, /\bnot\b|\bnever\b|n't\b/, /phase/]},
	{lesson: 'resources', name: 'effective request with init containers and overhead', all: [/overhead/, /\bmax\b|\bmax\(|largest|highest|greater|larger/, /\binit\b/]},
	{lesson: 'resources', name: 'QoS classes', all: [/guaranteed|burstable|besteffort/]},
	{lesson: 'scaling', name: 'replicas and label selectors', all: [/replicas|selector|matchlabels/]},
	{lesson: 'cri', name: 'docker run makes no Pod', all: [/docker run/, /\bno\b|\bnever\b|\bnot\b|n't\b/, /\bpods?\b/]},
	{lesson: 'cri', name: 'crictl is shown', all: [/\bcrictl\b/]},
	{lesson: 'debugging', name: 'shareProcessNamespace', all: [/shareprocessnamespace/]},
	{lesson: 'debugging', name: 'kubectl debug --target', all: [/--target/]},
];
