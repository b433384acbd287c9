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
		correction:
			'effective request = Pod overhead + max(sum over app and sidecar containers, each regular init request plus the sidecars listed before it)',
		patterns: [
			/\b(?:requests?|resource consumption|resource usage|resources)\b[^.]*\b(?:is|are|equals?)\s+(?:just\s+|simply\s+|always\s+)?the\s+(?:plain\s+|simple\s+)?sum\s+of\b[^.]*\bcontainers\b/,
		],
		unless: /\binit\b|overhead|\bmax\b|\bmax\(|largest|highest|greater|larger/,
	},
	{
		name: 'pid or mnt called Pod-level (shared) namespaces',
		correction: 'the sandbox holds net, uts and ipc; each container has its own pid and mnt (by default)',
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
		patterns: [
			/\bkubernetes\s+(?:automatically\s+)?(?:adds|creates|starts|injects|inserts|runs)\s+(?:a|an|the)\s+(?:hidden\s+|special\s+)?(?:pause|sandbox|infra)\b/,
		],
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
	{
		name: "the effective request's init term without the sidecars listed before it",
		correction:
			'a regular init container counts its own request plus those of the sidecars listed before it in initContainers; list order matters',
		patterns: [
			/\b(?:largest|highest|biggest)\s+(?:request\s+(?:among|of)\s+(?:any\s+(?:single\s+)?)?)?(?:regular\s+)?init(?:\s+containers?)?(?:\s+requests?)?\b/,
			/\bonly the largest of them counts\b/,
		],
		unless: /\bbefore\b|\blisted\b|\border\b|plus (?:the |those of the |every )?sidecars?|\+ (?:the )?sidecars?/,
	},
	{
		name: 'READY said to count only app containers',
		correction:
			'READY counts app containers plus started native sidecars; never pause, never regular init containers',
		patterns: [
			/\bready\b[^.]*\bcounts?\s+only\s+(?:the\s+|your\s+)?(?:app\s+)?containers\b/,
			/\bready\b[^.]*\bcounts?\s+(?:the\s+)?(?:app|your)\s+containers\s+only\b/,
			/\bready counts only\b/,
		],
		unless: /sidecar/,
	},
	{
		name: 'the grace period said to start after preStop or SIGTERM',
		correction:
			'the grace period starts when deletion starts, before preStop; preStop and SIGTERM run inside it; the Pod leaves its endpoints at once',
		patterns: [
			/\b(?:kubelet|it|then|and)\s+(?:then\s+)?waits?\s+up\s+to\s+(?:the\s+)?(?:terminationgraceperiodseconds|grace period|\d+\s*s(?:econds)?)\b/,
			/\bprestop,\s*(?:then\s+)?sigterm,\s*(?:then\s+)?up to\b/,
			/\bgrace period\b[^.]*\b(?:starts|begins)\b[^.]*\bafter\b[^.]*\b(?:prestop|sigterm)\b/,
		],
		unless: /\bsince deletion\b|\bfrom (?:that moment|the start)\b/,
	},
	{
		name: 'pause said to keep the namespaces alive on every runtime',
		correction:
			'the sandbox keeps them; with containerd that is a pause process (plus a pinned netns); CRI-O by default pins them with pinns and runs no infra container',
		patterns: [
			/\bpause\b[^.]*\bkeeps?\b[^.]*\balive\b/,
			/\bpause\b[^.]*\bkept\b[^.]*\balive\b/,
			/\b(?:its|the pause container's|pause's)\s+(?:only\s+)?(?:job|role|purpose)\s+is\s+to\s+keep\b[^.]*\bnamespaces\b/,
		],
		unless: /containerd|sandbox|podman|\bcri-o\b|with runc/,
	},
	{
		name: '"seven namespace kinds" (Linux has eight, time included)',
		correction: 'Linux has eight namespace kinds: pid, mnt, net, uts, ipc, user, cgroup and time',
		patterns: [/\bseven\b[^.]*\bnamespace/, /\bseven kinds\b/],
	},
	{
		name: 'containers said to be root inside and unprivileged outside by default',
		correction:
			"Pods use the host's user namespace by default; hostUsers: false (beta, on by default since 1.33) gives the Pod one",
		patterns: [/\broot inside\b[^.]*\bunprivileged\b[^.]*\boutside\b/],
		unless: /\bof its own\b|\bif\b|\bwhen\b|hostusers|\bwith a user namespace\b/,
	},
	{
		name: 'init containers said to run to completion without saying "regular"',
		correction: 'regular init containers run one after another, to completion; a native sidecar never completes',
		patterns: [
			/\b(?:one after another|sequentially|in sequence|one at a time)\b[^.]*\bto completion\b/,
			/\bto completion\b[^.]*\b(?:one after another|sequentially|in sequence|one at a time)\b/,
			/\binit containers\s+(?:all\s+)?run\s+to completion\b/,
		],
		unless: /\bregular\b|sidecar|\bnative\b/,
	},
	{
		name: "containerd's pause image named only by sandbox_image",
		correction:
			'containerd 1.x: sandbox_image; containerd 2.x: [plugins."io.containerd.cri.v1.images".pinned_images] sandbox',
		patterns: [/\bsandbox_image\b/],
		unless: /pinned_images/,
	},
	{
		name: 'a stock nginx said to serve /stub_status',
		correction:
			'stub_status must be turned on in the nginx configuration; a stock nginx:1.27 image does not serve it',
		patterns: [/\bstub_status\b/],
		unless: /configur|turn|enabl|does not serve|doesn't serve/,
	},
	{
		name: 'eviction order stated by QoS class alone',
		correction:
			'under memory pressure the kubelet evicts first among Pods using more than their requests (then by priority and usage); BestEffort is first in line',
		patterns: [
			/\bbesteffort\b[^.]*\b(?:is|are|gets?)\s+evicted\s+first\b/,
			/\bguaranteed\b[^.]*\b(?:evicted\s+)?last\b[^.]*\bbesteffort\b[^.]*\bfirst\b/,
		],
		unless: /request|in line|\buse\b|\busage\b/,
	},
	{
		name: 'every replacement Pod said to get a new name (StatefulSets keep it)',
		correction:
			"a Deployment's replacement Pod gets a new name; a StatefulSet's keeps the old one (db-0), with a new UID",
		patterns: [/\bcontrollers?\b[^.]*\bnew\s+pods?\b[^.]*\bnew name\b/, /\bnew pods?\b[^.]*\bwith a new name\b/],
		unless: /statefulset/,
	},
];

/** The claims a sentence makes that FACTS.md lists as mistakes. */
export function wrongClaimsIn(sentence: string): WrongClaim[] {
	return WRONG_CLAIMS.filter(
		(claim) => claim.patterns.some((p) => p.test(sentence)) && !(claim.unless?.test(sentence) ?? false),
	);
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
	{lesson: 'namespaces', name: 'eight namespace kinds, time included', all: [/\beight\b/, /\bkinds\b|namespace/]},
	{lesson: 'namespaces', name: 'the time namespace', all: [/`?time`?\s*:/, /clock/]},
	{
		lesson: 'pod',
		name: 'the Pod is the smallest deployable unit',
		all: [/\bpods?\s+(?:is|are)\s+the\s+smallest\s+deployable\s+unit/],
	},
	{lesson: 'pod', name: 'one IP per Pod', all: [/\bone ip\b/]},
	{lesson: 'pod', name: 'scheduled as a unit', all: [/schedul/, /\bunit\b|\btogether\b|whole pod|one node/]},
	{lesson: 'pod', name: "a StatefulSet's replacement keeps the name", all: [/statefulset/, /\bname\b|old one|db-0/]},
	{
		lesson: 'pause',
		name: 'the CRI runtime creates the sandbox on RunPodSandbox',
		all: [/runpodsandbox/, /runtime|containerd|cri-o/],
	},
	{
		lesson: 'pause',
		name: "net, uts and ipc are the Pod's (the sandbox's)",
		all: [/\bnet\b/, /\buts\b/, /\bipc\b/, /pod|shared|sandbox|pause/],
	},
	{lesson: 'pause', name: "pid and mnt are each container's own", all: [/\bpid\b/, /\bmnt\b/, /\bown\b/]},
	{
		lesson: 'pause',
		name: 'the IP survives a container restart',
		all: [/\bip\b/, /still there|stays|stayed|unchanged|survives|keeps|same/],
	},
	{
		lesson: 'pause',
		name: 'READY never counts pause',
		all: [/\bready\b/, /\bonly\b|\bnever\b|not counted|app containers/],
	},
	{lesson: 'pause', name: 'READY counts started native sidecars', all: [/\bready\b/, /\bsidecars?\b/, /\bcount/]},
	{
		lesson: 'pause',
		name: 'containerd: a pause process and a pinned netns',
		all: [/containerd/, /\bpause\b/, /\/var\/run\/netns|\bpin/],
	},
	{lesson: 'pause', name: 'CRI-O pins the namespaces with pinns', all: [/cri-o/, /\bpinns\b/]},
	{
		lesson: 'pause',
		name: "user is the host's by default; hostUsers: false gives one per Pod",
		all: [/hostusers:?\s*false/, /\bpod\b/],
	},
	{lesson: 'pause', name: 'cgroup is per container on cgroup v2', all: [/\bcgroup\b/, /cgroup v2/]},
	{lesson: 'pause', name: 'time: the runtimes make none', all: [/`?time`?:?/, /\bnone\b|\bno\b|host's/]},
	{lesson: 'networking', name: 'containers reach each other on localhost', all: [/localhost/]},
	{lesson: 'networking', name: 'one port space', all: [/port space|same port/]},
	{
		lesson: 'networking',
		name: 'Docker Compose gives each container its own IP',
		all: [/compose/, /own|each/, /\bip\b|address/],
	},
	{lesson: 'storage', name: 'volumes declared on the Pod, mounted per container', all: [/volumemounts/]},
	{
		lesson: 'storage',
		name: 'an emptyDir survives container restarts',
		all: [/emptydir|it\b/, /container (?:restarts?|crash)/, /surviv|does not touch|keep|finds the files/],
	},
	{
		lesson: 'storage',
		name: 'an emptyDir ends with the Pod',
		all: [/emptydir|deleted|disappears/, /\bpod\b/, /remov|delet|disappear|gone|ends/],
	},
	{lesson: 'patterns', name: 'sidecar, ambassador and adapter', all: [/sidecar|ambassador|adapter/]},
	{
		lesson: 'patterns',
		name: 'native sidecar = init container with restartPolicy Always',
		all: [/restartpolicy:?\s*always/],
	},
	{
		lesson: 'patterns',
		name: 'a native sidecar never completes',
		all: [/never\W+(?:completes?|finish)|does not (?:complete|finish)/],
	},
	{
		lesson: 'init-containers',
		name: 'init containers run one at a time, in order',
		all: [/one at a time|in order|sequential|one after another|each must (?:succeed|complete|finish)/],
	},
	{lesson: 'init-containers', name: 'Init:N/M in kubectl', all: [/init:\s*(?:\d+|n)\/(?:\d+|m)/]},
	{lesson: 'lifecycle', name: 'back-off cap of 300 s', all: [/300\s*s\b|300 seconds|five minutes|5 minutes|5m\b/]},
	{lesson: 'lifecycle', name: 'back-off starts at 10 s', all: [/\b10\s*s\b|10 seconds|ten seconds/]},
	{lesson: 'lifecycle', name: 'restartPolicy Always, OnFailure, Never', all: [/always/, /onfailure/, /never/]},
	{
		lesson: 'lifecycle',
		name: 'CrashLoopBackOff is not a phase',
		all: [/crashloopbackoff/, /\bnot\b|\bnever\b|n't\b/, /phase/],
	},
	{
		lesson: 'lifecycle',
		name: 'the grace period starts at deletion, before preStop',
		all: [/grace/, /prestop/, /\binside\b|\bwithin\b|\bbefore\b|uses up/],
	},
	{
		lesson: 'lifecycle',
		name: 'the Pod leaves its endpoints when deletion starts',
		all: [/endpoints/, /\bat once\b|same time|\bstarts?\b/],
	},
	{
		lesson: 'lifecycle',
		name: 'a slow preStop gets one extra 2 s',
		all: [/prestop/, /\b2\s*s\b|2 seconds|two seconds/],
	},
	{
		lesson: 'resources',
		name: 'effective request with init containers and overhead',
		all: [/overhead/, /\bmax\b|\bmax\(|largest|highest|greater|larger/, /\binit\b/],
	},
	{
		lesson: 'resources',
		name: 'the init term counts the sidecars listed before it',
		all: [/\binit\b/, /sidecars?/, /\bbefore\b/],
	},
	{lesson: 'resources', name: 'list order matters', all: [/\border\b/, /matters|counts/]},
	{lesson: 'qos', name: 'QoS classes', all: [/guaranteed|burstable|besteffort/]},
	{
		lesson: 'qos',
		name: 'a missing request defaults to the limit',
		all: [/request/, /limit/, /default|gets the limit/],
	},
	{
		lesson: 'qos',
		name: 'eviction looks first at Pods above their requests',
		all: [/evict/, /more than (?:they|it) requested|above (?:their|its) requests?/],
	},
	{lesson: 'qos', name: 'in-place resize: beta, on by default since 1.33', all: [/resize/, /1\.33/, /beta/]},
	{
		lesson: 'qos',
		name: 'resizePolicy: the container may restart, never the Pod',
		all: [/resizepolicy|restartcontainer|notrequired/],
	},
	{lesson: 'scaling', name: 'replicas and label selectors', all: [/replicas|selector|matchlabels/]},
	{
		lesson: 'cri',
		name: 'docker run makes no Pod',
		all: [/docker run/, /\bno\b|\bnever\b|\bnot\b|n't\b/, /\bpods?\b/],
	},
	{lesson: 'cri', name: 'crictl is shown', all: [/\bcrictl\b/]},
	{lesson: 'cri', name: "containerd 2.x's pinned_images sandbox setting", all: [/pinned_images/, /sandbox/]},
	{lesson: 'networking', name: 'docker run --network container:NAME', all: [/--network container:/]},
	{lesson: 'health', name: 'startup, liveness and readiness probes', all: [/startupprobe|startup probe/]},
	{
		lesson: 'health',
		name: 'a failing liveness probe restarts the container, not the Pod',
		all: [/liveness/, /\bcontainer\b/, /restart/],
	},
	{lesson: 'health', name: 'readiness decides the Service endpoints', all: [/readiness|ready/, /endpoints/]},
	{lesson: 'health', name: 'kubectl logs --previous', all: [/logs\b.*--previous/]},
	{lesson: 'health', name: 'exit code 137 is SIGKILL', all: [/\b137\b/, /sigkill/]},
	{
		lesson: 'node',
		name: 'securityContext at Pod and container level',
		all: [/securitycontext|\bpod and container\b/],
	},
	{lesson: 'node', name: 'fields only per container', all: [/capabilities/, /privileged|readonlyrootfilesystem/]},
	{lesson: 'node', name: "hostNetwork uses the node's IP", all: [/hostnetwork/, /node's/]},
	{lesson: 'node', name: 'dnsPolicy ClusterFirstWithHostNet', all: [/clusterfirstwithhostnet/]},
	{lesson: 'node', name: 'static Pods and mirror Pods', all: [/mirror pod/]},
	{lesson: 'debugging', name: 'shareProcessNamespace', all: [/shareprocessnamespace/]},
	{lesson: 'debugging', name: 'kubectl debug --target', all: [/--target/]},
];
