/**
 * Draws a PodModel as text: the Pod with its sandbox (pause) and containers and the namespaces
 * each holds (layoutPod), the same containers as lone Docker containers (layoutDocker), and the
 * Pod beside Docker Compose (layoutCompose). No line is ever wider than `width`; colour is only
 * ever an extra on top of words that already say everything.
 */
import {box, BOX_FRAME, cardRows, glyphsFor, sideBySide, type Card} from './box-layout.js';
import {NS_NAMES, PAUSE_NAME, type BoxKind, type ContainerModel, type NsName, type PodModel} from './pod-model.js';
import {
	breakWord,
	cleanText,
	fitLine,
	lineWidth,
	renderLine,
	textWidth,
	wrapLimited,
	wrapText,
	type Charset,
	type ColorRole,
	type Line,
	type Segment,
} from './text-line.js';

export {chooseCharset, colorEnabled} from './terminal-caps.js';

export interface LayoutOptions {
	readonly width: number;
	readonly charset: Charset;
	readonly color: boolean;
}

const CARD_MIN = 16;
const CARD_MAX = 30;

const ROLE_OF: Record<BoxKind, ColorRole> = {
	pause: 'pause',
	init: 'init',
	sidecar: 'sidecar',
	app: 'app',
	ephemeral: 'ephemeral',
};

function nsList(names: readonly NsName[]): string {
	return names.join(' ');
}

/** A piece of prose wrapped to the width; lines after the first are indented. */
function prose(text: string, width: number, role?: ColorRole, indent = ''): Line[] {
	const withRole = (t: string): Line => [{text: t, ...(role ? {role} : {})}];
	const [first, ...rest] = wrapText(text, Math.max(1, width));
	if (rest.length === 0) return [withRole(first)];
	const tail = wrapText(rest.join(' '), Math.max(1, width - textWidth(indent)));
	return [withRole(first), ...tail.map((t) => withRole(indent + t))];
}

function proseWidth(text: string): number {
	return textWidth(text);
}

function finish(lines: readonly Line[], color: boolean): string[] {
	return lines.map((line) => {
		const segments = [...line];
		while (segments.length > 0) {
			const last = segments[segments.length - 1];
			const trimmed = last.text.replace(/\s+$/, '');
			if (trimmed !== '') {
				segments[segments.length - 1] = {...last, text: trimmed};
				break;
			}
			segments.pop();
		}
		return renderLine(segments, color);
	});
}

function processLine(c: ContainerModel, charset: Charset): string {
	const words = [...c.command, ...c.args].map((w) => cleanText(w, charset));
	const cmd = words.length > 0 ? words.join(' ') : 'image default';
	if (c.namespaces.pid === 'own') return `PID 1: ${cmd}`;
	if (c.namespaces.pid === 'node') return `runs: ${cmd} (node's pid ns)`;
	return c.kind === 'pause' ? `PID 1: ${cmd}, seen by all` : `runs: ${cmd}`;
}

function kindNote(c: ContainerModel): string | undefined {
	switch (c.kind) {
		case 'pause':
			return undefined;
		case 'init':
			return 'runs to completion first';
		case 'sidecar':
			return 'keeps running';
		case 'ephemeral':
			return c.targetContainerName ? `debug; joins ${c.targetContainerName}'s pid ns` : 'debug container';
		default:
			return undefined;
	}
}

function cardLabel(c: ContainerModel): string {
	switch (c.kind) {
		case 'pause':
			return 'sandbox';
		case 'init':
			return `init ${c.order ?? ''}`.trim();
		case 'sidecar':
			return `init ${c.order ?? ''} sidecar`.replace('  ', ' ');
		case 'ephemeral':
			return 'ephemeral';
		default:
			return 'container';
	}
}

function amounts(label: string, a: ContainerModel['requests']): string | undefined {
	const parts = [a.cpu ? `cpu ${a.cpu}` : '', a.memory ? `mem ${a.memory}` : ''].filter(Boolean);
	return parts.length > 0 ? `${label} ${parts.join(', ')}` : undefined;
}

/** The text lines of a container card, before wrapping: [text, role, how to fit]. */
type CardItem = {
	readonly text: string;
	readonly role?: ColorRole;
	readonly fit: 'break' | 'wrap' | 'wrap2';
	readonly extra?: Segment;
};

function containerItems(c: ContainerModel, model: PodModel, charset: Charset): CardItem[] {
	const g = glyphsFor(charset);
	const items: CardItem[] = [{text: cleanText(c.name, charset), role: 'name', fit: 'break'}];
	if (c.kind !== 'pause') items.push({text: cleanText(c.image, charset), role: 'dim', fit: 'wrap2'});
	const note = kindNote(c);
	if (note) items.push({text: note, role: 'dim', fit: 'wrap'});
	items.push({text: processLine(c, charset), fit: 'wrap2'});
	for (const port of c.ports) {
		const clash = port.clashesWith.length > 0;
		items.push({
			text: `port ${port.containerPort}/${port.protocol}`,
			fit: 'wrap',
			...(clash ? {extra: {text: ' CONFLICT', role: 'warn'}} : {}),
		});
	}
	for (const m of c.mounts) {
		items.push({
			text: `${cleanText(m.volume, charset)} ${g.arrow} ${cleanText(m.path, charset)}${m.readOnly ? ' (ro)' : ''}`,
			fit: 'wrap',
		});
	}
	const req = amounts('req', c.requests);
	if (req) items.push({text: req, fit: 'wrap'});
	const lim = amounts('lim', c.limits);
	if (lim) items.push({text: lim, fit: 'wrap'});
	if (c.measured) {
		for (const ns of NS_NAMES) {
			const m = c.measured[ns];
			if (!m) continue;
			items.push({
				text: `${ns} ${cleanText(m.inode, charset)} ${m.sharedWith.length > 0 ? 'shared' : 'own'}`,
				role: 'ns',
				fit: 'wrap',
			});
		}
	} else {
		const own = NS_NAMES.filter((ns) => c.namespaces[ns] === 'own');
		if (c.kind === 'pause') {
			const held = model.podNamespaces.filter((ns) => own.includes(ns));
			if (held.length > 0) items.push({text: `holds: ${nsList(held)}`, role: 'ns', fit: 'wrap'});
			const rest = own.filter((ns) => !held.includes(ns));
			if (rest.length > 0) items.push({text: `own ns: ${nsList(rest)}`, role: 'ns', fit: 'wrap'});
		} else if (own.length > 0) {
			items.push({text: `own ns: ${nsList(own)}`, role: 'ns', fit: 'wrap'});
		}
	}
	return items;
}

function renderItems(items: readonly CardItem[], width: number, charset: Charset): Line[] {
	const out: Line[] = [];
	for (const item of items) {
		const role = item.role ? {role: item.role} : {};
		const extraWidth = item.extra ? textWidth(item.extra.text) : 0;
		if (item.fit === 'break') {
			for (const piece of breakWord(item.text, width)) out.push([{text: piece, ...role}]);
			continue;
		}
		const texts = item.fit === 'wrap2' ? wrapLimited(item.text, width, 2, charset) : wrapText(item.text, width);
		texts.forEach((t, i) => {
			const line: Segment[] = [{text: t, ...role}];
			if (item.extra && i === texts.length - 1) {
				if (textWidth(t) + extraWidth <= width) line.push(item.extra);
				else {
					out.push(line);
					out.push([{...item.extra, text: item.extra.text.trimStart()}]);
					return;
				}
			}
			out.push(line);
		});
	}
	return out;
}

function naturalWidth(items: readonly CardItem[]): number {
	return Math.max(...items.map((i) => textWidth(i.text) + (i.extra ? textWidth(i.extra.text) : 0)));
}

function containerCard(c: ContainerModel, model: PodModel, charset: Charset): Card {
	const items = containerItems(c, model, charset);
	const role = ROLE_OF[c.kind];
	return {
		label: [{text: cardLabel(c), role}],
		role,
		naturalWidth: naturalWidth(items),
		render: (w) => renderItems(items, w, charset),
	};
}

function podTitle(model: PodModel, charset: Charset): string {
	const name = cleanText(model.name, charset);
	return model.kind === 'Pod' ? `Pod ${name}` : `Pod of ${model.kind} ${name}`;
}

/** Header and footer lines of the Pod box, as [text, role] pairs wrapped later. */
function podHeader(model: PodModel, charset: Charset): [string, ColorRole?][] {
	const out: [string, ColorRole?][] = [];
	if (model.podNamespaces.length > 0) out.push([`Pod ns, held by pause: ${nsList(model.podNamespaces)}`, 'ns']);
	if (model.nodeNamespaces.length > 0) {
		const why = [
			model.hostNetwork ? 'hostNetwork' : '',
			model.nodeNamespaces.includes('ipc') ? 'hostIPC' : '',
			model.nodeNamespaces.includes('pid') ? 'hostPID' : '',
		].filter(Boolean);
		out.push([`Node's namespaces (${why.join(', ')}): ${nsList(model.nodeNamespaces)}`, 'node']);
	}
	if (model.ownNamespaces.length > 0) out.push([`Every container's own ns: ${nsList(model.ownNamespaces)}`, 'ns']);
	if (model.shareProcessNamespace)
		out.push(['shareProcessNamespace: one pid ns; ps shows every process, /pause is PID 1']);
	if (model.hostNetwork) {
		out.push(["IP and hostname: the node's"]);
	} else {
		out.push([
			model.ip ? `One IP for the Pod: ${cleanText(model.ip, charset)}` : 'One IP for the Pod, set at start',
		]);
		out.push([`Hostname: ${cleanText(model.name, charset)}`]);
		out.push(['Containers talk over localhost']);
	}
	for (const conflict of model.portConflicts) {
		out.push([
			`CONFLICT: port ${conflict.port}/${conflict.protocol} in ` +
				`${conflict.containers.map((n) => cleanText(n, charset)).join(' and ')}; only one can listen`,
			'warn',
		]);
	}
	if (model.measured) {
		out.push(['Measured (same inode = same namespace):']);
		for (const line of measuredSummary(model, charset)) out.push(line);
	}
	return out;
}

function measuredSummary(model: PodModel, charset: Charset): [string, ColorRole?][] {
	const out: [string, ColorRole?][] = [];
	for (const group of model.measured ?? []) {
		const boxes = group.groups.reduce((n, g) => n + g.members.length, 0);
		const expectShared = model.podNamespaces.includes(group.ns) || model.nodeNamespaces.includes(group.ns);
		let text: string;
		let shared: boolean | undefined;
		if (group.groups.length === 1 && boxes > 1) {
			text = `${group.ns} shared by all ${boxes}: ${group.groups[0].inode}`;
			shared = true;
		} else if (group.groups.every((g) => g.members.length === 1)) {
			text =
				boxes === 1
					? `${group.ns} ${group.groups[0].inode} (${group.groups[0].members[0]})`
					: `${group.ns} private: ${boxes} different inodes`;
			shared = boxes === 1 ? undefined : false;
		} else {
			text = `${group.ns} ` + group.groups.map((g) => `${g.members.join(', ')}: ${g.inode}`).join('; ');
		}
		const surprising = shared !== undefined && shared !== expectShared;
		out.push([
			cleanText(surprising ? `${text} (the spec expects ${expectShared ? 'shared' : 'private'})` : text, charset),
			surprising ? 'warn' : 'ns',
		]);
	}
	return out;
}

function podFooter(model: PodModel, charset: Charset): [string, ColorRole?][] {
	const g = glyphsFor(charset);
	const out: [string, ColorRole?][] = [];
	if (model.volumes.length > 0) {
		out.push(['Volumes, declared once, mounted per container:']);
		for (const v of model.volumes) {
			const where =
				v.mounts.length > 0
					? v.mounts
							.map((m) => `${cleanText(m.container, charset)} ${g.arrow} ${cleanText(m.path, charset)}`)
							.join(', ')
					: 'not mounted';
			out.push([`${g.bullet} ${cleanText(v.name, charset)} (${cleanText(v.type, charset)}): ${where}`]);
		}
	}
	for (const missing of model.missingVolumes) {
		out.push([
			`MISSING: ${cleanText(missing.container, charset)} mounts "${cleanText(missing.volume, charset)}", which spec.volumes does not declare`,
			'warn',
		]);
	}
	const req = model.effectiveRequest;
	const parts = [req.cpu ? `cpu ${req.cpu}` : '', req.memory ? `memory ${req.memory}` : ''].filter(Boolean);
	out.push([`Pod request: ${parts.length > 0 ? parts.join(', ') : 'none set'}`]);
	out.push([`QoS class: ${model.qosClass}`]);
	return out;
}

function startOrder(model: PodModel): ContainerModel[] {
	return [model.sandbox, ...model.initContainers, ...model.containers, ...model.ephemeralContainers];
}

/** The Pod, its pause container and containers, and the namespaces each holds. */
export function layoutPod(model: PodModel, options: LayoutOptions): string[] {
	const {width, charset, color} = options;
	const available = Math.max(1, width - BOX_FRAME);
	const cards = startOrder(model).map((c) => containerCard(c, model, charset));
	const rows = cardRows(cards, {maxWidth: available, charset, minInner: CARD_MIN, maxInner: CARD_MAX});
	const header = podHeader(model, charset);
	const footer = podFooter(model, charset);
	const textNatural = Math.max(...[...header, ...footer].map(([t]) => proseWidth(t)));
	const inner = Math.min(available, Math.max(Math.max(0, ...rows.map(lineWidth)), Math.min(textNatural, available)));
	const body: Line[] = [];
	for (const [text, role] of header) body.push(...prose(text, inner, role, '  '));
	body.push(...rows);
	for (const [text, role] of footer) body.push(...prose(text, inner, role, '  '));
	const title: Line = [{text: podTitle(model, charset), role: 'name'}];
	return finish(box(title, body, inner, charset, 'pod'), color);
}

/** Each container as a plain Docker container: one process and all five namespaces its own. */
export function layoutDocker(model: PodModel, options: LayoutOptions): string[] {
	const {width, charset, color} = options;
	const containers = [...model.initContainers.filter((c) => c.kind === 'sidecar'), ...model.containers];
	const out: Line[] = [];
	const intro =
		'Docker: no Pod and no pause. Each container holds all five namespaces itself (pid mnt net uts ipc): its own IP, its own hostname.';
	out.push(...prose(intro, width));
	const cards: Card[] = containers.map((c) => {
		const items: CardItem[] = [
			{text: cleanText(c.name, charset), role: 'name', fit: 'break'},
			{text: cleanText(c.image, charset), role: 'dim', fit: 'wrap2'},
			{
				text: `PID 1: ${[...c.command, ...c.args].map((w) => cleanText(w, charset)).join(' ') || 'image default'}`,
				fit: 'wrap2',
			},
			...c.ports.map((p): CardItem => ({text: `port ${p.containerPort}/${p.protocol}, own IP`, fit: 'wrap'})),
			...c.mounts.map((m): CardItem => ({
				text: `${cleanText(m.volume, charset)} ${glyphsFor(charset).arrow} ${cleanText(m.path, charset)}`,
				fit: 'wrap',
			})),
			{text: `own ns: ${nsList(NS_NAMES)}`, role: 'ns', fit: 'wrap'},
		];
		return {
			label: [{text: 'docker container', role: 'app'}],
			role: 'app',
			naturalWidth: naturalWidth(items),
			render: (w) => renderItems(items, w, charset),
		};
	});
	out.push(...cardRows(cards, {maxWidth: width, charset, minInner: CARD_MIN, maxInner: CARD_MAX}));
	const inits = model.initContainers.filter((c) => c.kind === 'init');
	if (inits.length > 0) {
		out.push(
			...prose(
				`Init containers (${inits.map((c) => cleanText(c.name, charset)).join(', ')}) have ` +
					`no Docker equivalent: you would run them yourself, one by one, before the others.`,
				width,
			),
		);
	}
	const shared = model.volumes.filter((v) => new Set(v.mounts.map((m) => m.container)).size > 1);
	if (shared.length > 0) {
		out.push(
			...prose(
				`To share ${shared.map((v) => cleanText(v.name, charset)).join(', ')} you would create a Docker volume and mount it in each container.`,
				width,
			),
		);
	}
	return finish(
		out.map((l) => fitLine(l, width, charset)),
		color,
	);
}

/** The Pod (one IP, localhost between containers) beside Docker Compose (one IP per service). */
export function layoutCompose(model: PodModel, options: LayoutOptions): string[] {
	const {width, charset, color} = options;
	const containers = [...model.initContainers.filter((c) => c.kind === 'sidecar'), ...model.containers];
	const sideBySideFits = width >= 2 * 36 + 1;
	const panelWidth = sideBySideFits ? Math.floor((width - 1) / 2) : width;
	const inner = panelWidth - BOX_FRAME;
	const portsOf = (c: ContainerModel) => c.ports.map((p) => p.containerPort);

	const podCards: Card[] = containers.map((c) => {
		const items: CardItem[] = [
			{text: cleanText(c.name, charset), role: 'name', fit: 'break'},
			...(portsOf(c).length > 0
				? [
						{text: `listens on ${portsOf(c).join(', ')}`, fit: 'wrap'} as CardItem,
						{text: `others use localhost:${portsOf(c)[0]}`, fit: 'wrap'} as CardItem,
					]
				: [{text: 'no ports declared', role: 'dim', fit: 'wrap'} as CardItem]),
		];
		return {
			label: [{text: 'container', role: 'app'}],
			role: 'app',
			naturalWidth: naturalWidth(items),
			render: (w) => renderItems(items, w, charset),
		};
	});
	const composeCards: Card[] = containers.map((c) => {
		const service = cleanText(c.name, charset);
		const items: CardItem[] = [
			{text: service, role: 'name', fit: 'break'},
			{text: 'own IP, own hostname', fit: 'wrap'},
			...(portsOf(c).length > 0
				? [
						{text: `listens on ${portsOf(c).join(', ')}`, fit: 'wrap'} as CardItem,
						{text: `others use ${service}:${portsOf(c)[0]}`, fit: 'wrap'} as CardItem,
					]
				: [{text: 'no ports declared', role: 'dim', fit: 'wrap'} as CardItem]),
		];
		return {
			label: [{text: 'service', role: 'sidecar'}],
			role: 'sidecar',
			naturalWidth: naturalWidth(items),
			render: (w) => renderItems(items, w, charset),
		};
	});

	const ip = model.hostNetwork ? "the node's IP" : model.ip ? cleanText(model.ip, charset) : 'one Pod IP';
	const podBody: Line[] = [
		...prose(`${ip} for every container; they share one port space`, inner),
		...cardRows(podCards, {maxWidth: inner, charset, minInner: CARD_MIN, maxInner: CARD_MAX}),
	];
	const composeBody: Line[] = [
		...prose('one IP per container on a bridge network; reached by service name', inner),
		...cardRows(composeCards, {maxWidth: inner, charset, minInner: CARD_MIN, maxInner: CARD_MAX}),
	];
	if (sideBySideFits) {
		const height = Math.max(podBody.length, composeBody.length);
		while (podBody.length < height) podBody.push([]);
		while (composeBody.length < height) composeBody.push([]);
	}
	const podBox = box([{text: podTitle(model, charset), role: 'name'}], podBody, inner, charset, 'pod');
	const composeBox = box([{text: 'Docker Compose', role: 'name'}], composeBody, inner, charset, 'sidecar');
	const lines = sideBySideFits ? sideBySide([podBox, composeBox], 1) : [...podBox, ...composeBox];
	return finish(lines, color);
}

function joinWords(words: readonly string[]): string {
	if (words.length <= 1) return words.join('');
	return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function describeContainer(c: ContainerModel): string {
	const parts = [`${c.name}, image ${c.image}`];
	const cmd = [...c.command, ...c.args].join(' ');
	if (cmd) parts.push(`runs ${cmd}`);
	if (c.ports.length > 0) {
		const port = (p: (typeof c.ports)[number]) =>
			`${p.containerPort}/${p.protocol}` +
			(p.clashesWith.length > 0 ? ` (conflicts with ${joinWords(p.clashesWith)})` : '');
		parts.push(`listens on port ${joinWords(c.ports.map(port))}`);
	}
	if (c.mounts.length > 0) parts.push(`mounts ${joinWords(c.mounts.map((m) => `${m.volume} at ${m.path}`))}`);
	const req = [
		c.requests.cpu ? `cpu ${c.requests.cpu}` : '',
		c.requests.memory ? `memory ${c.requests.memory}` : '',
	].filter(Boolean);
	if (req.length > 0) parts.push(`requests ${req.join(' and ')}`);
	if (c.measured) {
		const ns = NS_NAMES.filter((n) => c.measured?.[n]).map(
			(n) => `${n} ${c.measured?.[n]?.inode} ${c.measured?.[n]?.sharedWith.length ? 'shared' : 'its own'}`,
		);
		if (ns.length > 0) parts.push(`measured namespaces: ${ns.join(', ')}`);
	}
	return parts.join('; ');
}

/** The Pod in sentences, for screen readers and plain output. */
export function describePod(model: PodModel): string {
	const lines: string[] = [];
	lines.push(`${model.kind === 'Pod' ? 'Pod' : `Pod template of ${model.kind}`} ${model.name}.`);
	if (model.podNamespaces.length > 0) {
		lines.push(
			`Its sandbox, the ${PAUSE_NAME} container, holds the ${joinWords(model.podNamespaces)} namespaces; every container joins them.`,
		);
	}
	if (model.nodeNamespaces.length > 0)
		lines.push(`It uses the node's ${joinWords(model.nodeNamespaces)} namespaces instead of its own.`);
	if (model.ownNamespaces.length > 0)
		lines.push(
			`Every container, ${PAUSE_NAME} included, has its own ${joinWords(model.ownNamespaces)} namespaces.`,
		);
	if (model.shareProcessNamespace)
		lines.push("shareProcessNamespace is on: all containers see each other's processes and /pause is PID 1.");
	if (model.hostNetwork) lines.push("It has the node's IP address and hostname.");
	else
		lines.push(
			`It has one IP address${model.ip ? `, ${model.ip}` : ''}, shared by all its ` +
				`containers, which reach each other on localhost; its hostname is ${model.name}.`,
		);
	const inits = model.initContainers;
	if (inits.length > 0) {
		lines.push('Init containers, started one at a time in this order:');
		for (const c of inits) {
			lines.push(
				`${c.order}. ${describeContainer(c)}; ` +
					`${c.kind === 'sidecar' ? 'a sidecar: it keeps running next to the app containers' : 'runs to completion before the next one starts'}.`,
			);
		}
	}
	lines.push(
		model.containers.length === 1
			? 'App container:'
			: `App containers, ${model.containers.length}, started together:`,
	);
	for (const c of model.containers) lines.push(`- ${describeContainer(c)}.`);
	if (model.ephemeralContainers.length > 0) {
		lines.push('Ephemeral (debug) containers:');
		for (const c of model.ephemeralContainers)
			lines.push(
				`- ${describeContainer(c)}${c.targetContainerName ? `; joins the pid namespace of ${c.targetContainerName}` : ''}.`,
			);
	}
	for (const conflict of model.portConflicts) {
		lines.push(
			`Port conflict: ${joinWords(conflict.containers)} all declare port ` +
				`${conflict.port}/${conflict.protocol}, but the Pod has one port space, so only one can listen.`,
		);
	}
	for (const v of model.volumes) {
		const where =
			v.mounts.length > 0
				? `mounted by ${joinWords(v.mounts.map((m) => `${m.container} at ${m.path}`))}`
				: 'not mounted by any container';
		lines.push(`Volume ${v.name} (${v.type}), ${where}.`);
	}
	for (const missing of model.missingVolumes)
		lines.push(`Problem: ${missing.container} mounts ${missing.volume}, which spec.volumes does not declare.`);
	if (model.measured) {
		for (const group of model.measured) {
			lines.push(
				`Measured ${group.ns}: ` +
					`${group.groups.map((g) => `${joinWords(g.members)} ${g.members.length > 1 ? 'share' : 'has'} inode ${g.inode}`).join('; ')}.`,
			);
		}
	}
	const req = [
		model.effectiveRequest.cpu ? `cpu ${model.effectiveRequest.cpu}` : '',
		model.effectiveRequest.memory ? `memory ${model.effectiveRequest.memory}` : '',
	].filter(Boolean);
	lines.push(`Effective Pod request: ${req.length > 0 ? req.join(' and ') : 'none'}. QoS class: ${model.qosClass}.`);
	return lines.join('\n');
}

/** The docker view in sentences: what `layoutDocker` draws, for screen readers and plain output. */
export function describeDocker(model: PodModel): string {
	const containers = [...model.initContainers.filter((c) => c.kind === 'sidecar'), ...model.containers];
	const lines = [
		'Docker: no Pod and no pause container. Each container holds all five namespaces itself ' +
			'(pid, mnt, net, uts and ipc): its own IP address and its own hostname.',
	];
	for (const c of containers) {
		const pid1 = [...c.command, ...c.args].join(' ') || 'the image default';
		lines.push(`- Docker container ${describeContainer(c)}; PID 1 is ${pid1}.`);
	}
	const inits = model.initContainers.filter((c) => c.kind === 'init');
	if (inits.length > 0) {
		const names = joinWords(inits.map((c) => c.name));
		lines.push(`Init containers (${names}) have no Docker equivalent: you would run them yourself first.`);
	}
	const shared = model.volumes.filter((v) => new Set(v.mounts.map((m) => m.container)).size > 1);
	if (shared.length > 0) {
		const names = joinWords(shared.map((v) => v.name));
		lines.push(`To share ${names} you would create a Docker volume and mount it in each container.`);
	}
	return lines.join('\n');
}

/** The compose view in sentences: the Pod (one IP, localhost) beside Docker Compose (one IP per service). */
export function describeCompose(model: PodModel): string {
	const containers = [...model.initContainers.filter((c) => c.kind === 'sidecar'), ...model.containers];
	const podIp = model.ip ? `one IP address, ${model.ip}` : 'one IP address';
	const ip = model.hostNetwork ? "the node's IP address" : podIp;
	/** How the others reach this container: localhost in the Pod, the service name in Compose. */
	const reached = (c: ContainerModel, host: string): string => {
		const ports = c.ports.map((p) => p.containerPort);
		if (ports.length === 0) return `- ${c.name}: no ports declared.`;
		return `- ${c.name}: listens on ${joinWords(ports.map(String))}; the others use ${host}:${ports[0]}.`;
	};
	const lines = [`In the Pod ${model.name}, every container has ${ip} and they share one port space:`];
	for (const c of containers) lines.push(reached(c, 'localhost'));
	lines.push(
		'In Docker Compose, each service has its own IP address and hostname on a bridge network ' +
			'and is reached by its service name:',
	);
	for (const c of containers) lines.push(reached(c, c.name));
	return lines.join('\n');
}
