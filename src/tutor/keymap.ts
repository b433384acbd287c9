/**
 * Every key binding of the tutor, in one place: the app, the exercise widgets and the command
 * pane get intents from `intentFor`, never raw keys, and the help overlay and every footer are
 * generated from this table, so what the screen says is what the keys do
 * (tests/tutor/key-walk.test.ts presses every binding of every context).
 *
 * A screen is in a list of contexts, most specific first (`keyContexts` in screen.ts): an
 * ordering exercise is ['ordering', 'exercise'], a diagram step ['diagram', 'reader'].
 */
export type KeyContext =
	| 'global'
	| 'help'
	| 'home'
	| 'reader'
	| 'diagram'
	| 'command'
	| 'exercise'
	| 'choice'
	| 'multi'
	| 'ordering'
	| 'textfield'
	| 'field'
	| 'manifest';

export type Intent =
	| 'quit'
	| 'back'
	| 'help'
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'open'
	| 'next'
	| 'previous'
	| 'hint'
	| 'solution'
	| 'edit'
	| 'editField'
	| 'leaveField'
	| 'type'
	| 'caretLeft'
	| 'caretRight'
	| 'erase'
	| 'grab'
	| 'check'
	| 'run'
	| 'liveCheck'
	| 'createPod'
	| 'shell'
	| 'liveDiagram'
	| 'cancel'
	| 'wrap'
	| 'scrollLeft'
	| 'scrollRight';

/** A key as the terminal reported it: the typed character, or a named key. */
export interface KeyPress {
	readonly input: string;
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly backspace?: boolean;
	readonly delete?: boolean;
	readonly tab?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
}

/**
 * A named key, or a printable character. `char` stands for any printable text (a typed letter
 * or a paste); it matches only where a text field takes typing.
 */
export type KeyName =
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'pgup'
	| 'pgdn'
	| 'enter'
	| 'esc'
	| 'backspace'
	| 'space'
	| 'ctrl+c'
	| 'char'
	| (string & {});

export interface Binding {
	readonly intent: Intent;
	readonly keys: readonly KeyName[];
	readonly contexts: readonly KeyContext[];
	/** What the help overlay says. */
	readonly help: string;
	/** Short label for footers. */
	readonly label: string;
}

const EXERCISE_CONTEXTS: readonly KeyContext[] = ['exercise'];
const SCREENS: readonly KeyContext[] = ['home', 'reader', 'command', 'exercise'];

export const BINDINGS: readonly Binding[] = [
	{
		intent: 'quit',
		keys: ['ctrl+c'],
		contexts: ['global'],
		help: 'quit from anywhere (progress is saved)',
		label: 'quit',
	},
	{intent: 'help', keys: ['?', 'q', 'esc'], contexts: ['help'], help: 'close this help', label: 'close'},
	{intent: 'help', keys: ['?'], contexts: SCREENS, help: 'show or hide this help', label: 'help'},

	{intent: 'open', keys: ['enter', 'right', 'l'], contexts: ['home'], help: 'open the lesson', label: 'open'},
	{intent: 'up', keys: ['up', 'k'], contexts: ['home'], help: 'move up the lesson list', label: 'move'},
	{intent: 'down', keys: ['down', 'j'], contexts: ['home'], help: 'move down the lesson list', label: 'move'},
	{intent: 'back', keys: ['q', 'esc'], contexts: ['home'], help: 'quit (progress is saved)', label: 'quit'},

	{
		intent: 'liveDiagram',
		keys: ['v'],
		contexts: ['diagram'],
		help: 'live mode: draw the real lesson Pod with its measured namespaces (again: back)',
		label: 'real Pod',
	},

	{intent: 'next', keys: ['right', 'l', 'enter'], contexts: ['reader'], help: 'next step', label: 'next'},
	{
		intent: 'previous',
		keys: ['left', 'h', 'backspace'],
		contexts: ['reader'],
		help: 'previous step',
		label: 'back a step',
	},
	{intent: 'up', keys: ['up', 'k'], contexts: ['reader'], help: 'scroll up', label: 'scroll'},
	{intent: 'down', keys: ['down', 'j'], contexts: ['reader'], help: 'scroll down', label: 'scroll'},
	{intent: 'pageUp', keys: ['pgup'], contexts: ['reader'], help: 'scroll a page up', label: 'page'},
	{intent: 'pageDown', keys: ['pgdn'], contexts: ['reader'], help: 'scroll a page down', label: 'page'},
	{intent: 'back', keys: ['q', 'esc'], contexts: ['reader'], help: 'back to the lesson list', label: 'back'},

	{
		intent: 'run',
		keys: ['enter'],
		contexts: ['command'],
		help: 'run the command shown (live mode; offline, or once it ran: continue)',
		label: 'run',
	},
	{
		intent: 'cancel',
		keys: ['esc'],
		contexts: ['command'],
		help: 'stop the running command (its whole process group)',
		label: 'stop',
	},
	{intent: 'up', keys: ['up', 'k'], contexts: ['command'], help: 'scroll the output up', label: 'scroll'},
	{intent: 'down', keys: ['down', 'j'], contexts: ['command'], help: 'scroll the output down', label: 'scroll'},
	{intent: 'pageUp', keys: ['pgup'], contexts: ['command'], help: 'scroll the output a page up', label: 'page'},
	{intent: 'pageDown', keys: ['pgdn'], contexts: ['command'], help: 'scroll the output a page down', label: 'page'},
	{intent: 'next', keys: ['right', 'l'], contexts: ['command'], help: 'next step', label: 'next'},
	{
		intent: 'previous',
		keys: ['left', 'backspace'],
		contexts: ['command'],
		help: 'previous step',
		label: 'back a step',
	},
	{
		intent: 'wrap',
		keys: ['w'],
		contexts: ['command'],
		help: 'wide output: wrap long lines, or (again) show them whole, scrolled sideways with < and >',
		label: 'wrap',
	},
	{
		intent: 'scrollLeft',
		keys: ['<'],
		contexts: ['command'],
		help: 'wide output, not wrapped: scroll sideways to the left',
		label: 'left',
	},
	{
		intent: 'scrollRight',
		keys: ['>'],
		contexts: ['command'],
		help: 'wide output, not wrapped: scroll sideways to the right',
		label: 'right',
	},
	{
		intent: 'createPod',
		keys: ['p'],
		contexts: ['command'],
		help: 'live mode: create the lesson Pod web-app, labelled so cleanup removes it',
		label: 'create Pod',
	},
	{
		intent: 'shell',
		keys: ['x'],
		contexts: ['command'],
		help: 'live mode: a shell in the lesson Pod (exit it to come back)',
		label: 'shell',
	},
	{intent: 'back', keys: ['q'], contexts: ['command'], help: 'back to the lesson list', label: 'back'},

	{
		intent: 'check',
		keys: ['enter'],
		contexts: ['choice'],
		help: 'choose the highlighted answer; after a right answer: next step',
		label: 'choose',
	},
	{
		intent: 'check',
		keys: ['enter', 'space'],
		contexts: ['multi'],
		help: 'tick or untick the highlighted choice; on "Check my answer": check',
		label: 'tick',
	},
	{
		intent: 'grab',
		keys: ['space'],
		contexts: ['ordering'],
		help: 'pick up / put down the highlighted item; Up and Down then carry it',
		label: 'pick up',
	},
	{
		intent: 'check',
		keys: ['enter'],
		contexts: ['ordering'],
		help: 'check the order; after a right answer: next step',
		label: 'check',
	},
	{
		intent: 'up',
		keys: ['up', 'k'],
		contexts: ['choice', 'multi', 'ordering'],
		help: 'move the highlight up',
		label: 'move',
	},
	{
		intent: 'down',
		keys: ['down', 'j'],
		contexts: ['choice', 'multi', 'ordering'],
		help: 'move the highlight down',
		label: 'move',
	},
	{
		intent: 'editField',
		keys: ['i', 'enter'],
		contexts: ['textfield'],
		help: 'type in the answer field again',
		label: 'type',
	},
	{intent: 'edit', keys: ['e'], contexts: ['manifest'], help: 'write the manifest in $EDITOR', label: 'edit'},
	{
		intent: 'check',
		keys: ['enter'],
		contexts: ['manifest'],
		help: 'write the manifest in $EDITOR; after a right answer: next step',
		label: 'edit',
	},
	{
		intent: 'liveCheck',
		keys: ['c'],
		contexts: ['manifest'],
		help: 'live mode: check the real Pod you created in another terminal',
		label: 'check live',
	},
	{intent: 'up', keys: ['up', 'k'], contexts: ['manifest'], help: 'scroll up', label: 'scroll'},
	{intent: 'down', keys: ['down', 'j'], contexts: ['manifest'], help: 'scroll down', label: 'scroll'},

	{
		intent: 'check',
		keys: ['enter'],
		contexts: ['field'],
		help: 'check the answer; with the field empty after a right answer: next step',
		label: 'check',
	},
	{
		intent: 'leaveField',
		keys: ['esc'],
		contexts: ['field'],
		help: 'leave the answer field (then h, s, q and ? work)',
		label: 'leave field',
	},
	{intent: 'caretLeft', keys: ['left'], contexts: ['field'], help: 'move the cursor left', label: 'left'},
	{intent: 'caretRight', keys: ['right'], contexts: ['field'], help: 'move the cursor right', label: 'right'},
	{
		intent: 'erase',
		keys: ['backspace'],
		contexts: ['field'],
		help: 'erase the character before the cursor',
		label: 'erase',
	},
	{
		intent: 'type',
		keys: ['char'],
		contexts: ['field'],
		help: 'type the answer (every other key is text)',
		label: 'type',
	},

	{intent: 'hint', keys: ['h'], contexts: EXERCISE_CONTEXTS, help: 'show the next hint', label: 'hint'},
	{
		intent: 'solution',
		keys: ['s'],
		contexts: EXERCISE_CONTEXTS,
		help: 'reveal the solution (after one attempt)',
		label: 'solution',
	},
	{
		intent: 'next',
		keys: ['right', 'l'],
		contexts: EXERCISE_CONTEXTS,
		help: 'next step (answer later)',
		label: 'next',
	},
	{
		intent: 'previous',
		keys: ['left', 'backspace'],
		contexts: EXERCISE_CONTEXTS,
		help: 'previous step',
		label: 'back a step',
	},
	{
		intent: 'pageUp',
		keys: ['pgup'],
		contexts: EXERCISE_CONTEXTS,
		help: 'scroll the question a page up',
		label: 'page',
	},
	{
		intent: 'pageDown',
		keys: ['pgdn'],
		contexts: EXERCISE_CONTEXTS,
		help: 'scroll the question a page down',
		label: 'page',
	},
	{intent: 'back', keys: ['q', 'esc'], contexts: EXERCISE_CONTEXTS, help: 'back to the lesson list', label: 'back'},
];

/** What each screen's footer offers, the key the screen needs first leading. */
const FOOTERS: Partial<Record<KeyContext, readonly Intent[]>> = {
	help: ['help', 'quit'],
	home: ['open', 'down', 'help', 'back'],
	diagram: ['next', 'previous', 'liveDiagram', 'help', 'back'],
	reader: ['next', 'previous', 'down', 'help', 'back'],
	command: ['run', 'next', 'previous', 'help', 'back'],
	choice: ['check', 'down', 'hint', 'solution', 'help'],
	multi: ['check', 'down', 'hint', 'solution', 'help'],
	ordering: ['grab', 'down', 'check', 'hint', 'help'],
	textfield: ['editField', 'hint', 'solution', 'next', 'help'],
	field: ['check', 'leaveField', 'quit'],
	manifest: ['edit', 'liveCheck', 'hint', 'solution', 'help'],
};

/** The key's name in the table, or undefined for a key no binding can take (a bare Ctrl or Meta chord). */
export function keyNameOf(key: KeyPress): KeyName | undefined {
	if (key.ctrl && key.input === 'c') return 'ctrl+c';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pgup';
	if (key.pageDown) return 'pgdn';
	if (key.return) return 'enter';
	if (key.escape) return 'esc';
	// Terminals send DEL (0x7f) for the Backspace key; Ink reports it as delete.
	if (key.backspace || key.delete) return 'backspace';
	if (key.input === ' ') return 'space';
	if (key.ctrl || key.meta || key.tab) return undefined;
	return key.input || undefined;
}

/** Printable text: what `char` matches (one typed character, or a paste). */
function isText(key: KeyPress, name: KeyName): boolean {
	if (name !== 'space' && name !== key.input) return false;
	return [...key.input].some((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f);
}

function matches(binding: Binding, name: KeyName, key?: KeyPress): boolean {
	return binding.keys.includes(name) || (binding.keys.includes('char') && key !== undefined && isText(key, name));
}

/** The binding a key reaches in the given contexts (searched in order), after the global bindings. */
function bindingFor(name: KeyName, contexts: readonly KeyContext[], key?: KeyPress): Binding | undefined {
	for (const context of ['global', ...contexts] as KeyContext[]) {
		const binding = BINDINGS.find((b) => b.contexts.includes(context) && matches(b, name, key));
		if (binding) return binding;
	}
	return undefined;
}

/** The intent of a key in the given contexts (searched in order), after the global bindings. */
export function intentFor(key: KeyPress, contexts: readonly KeyContext[]): Intent | undefined {
	const name = keyNameOf(key);
	return name === undefined ? undefined : bindingFor(name, contexts, key)?.intent;
}

const KEY_NAMES: Record<string, [string, string]> = {
	up: ['\u2191', 'Up'],
	down: ['\u2193', 'Down'],
	left: ['\u2190', 'Left'],
	right: ['\u2192', 'Right'],
	pgup: ['PgUp', 'PgUp'],
	pgdn: ['PgDn', 'PgDn'],
	enter: ['Enter', 'Enter'],
	esc: ['Esc', 'Esc'],
	backspace: ['Backspace', 'Backspace'],
	space: ['Space', 'Space'],
	'ctrl+c': ['Ctrl+C', 'Ctrl+C'],
	char: ['letters', 'letters'],
};

export function displayKey(name: KeyName, ascii: boolean): string {
	const pair = KEY_NAMES[name];
	return pair ? pair[ascii ? 1 : 0] : name;
}

/**
 * The bindings in force in these contexts, each with only the keys that reach it: a key an
 * earlier context takes (Esc in a text field) is not promised by a later one.
 */
export function effectiveBindings(contexts: readonly KeyContext[]): ReadonlyArray<{binding: Binding; keys: KeyName[]}> {
	// Every frame draws a footer from this: a screen's few context lists are worked out once.
	const cacheKey = contexts.join(' ');
	const cached = EFFECTIVE.get(cacheKey);
	if (cached) return cached;
	const seen = new Set<Binding>();
	const out: Array<{binding: Binding; keys: KeyName[]}> = [];
	for (const context of [...contexts, 'global'] as KeyContext[]) {
		for (const binding of BINDINGS.filter((b) => b.contexts.includes(context))) {
			if (seen.has(binding)) continue;
			seen.add(binding);
			const keys = binding.keys.filter((k) => k === 'char' || bindingFor(k, contexts) === binding);
			if (keys.length > 0) out.push({binding, keys});
		}
	}
	EFFECTIVE.set(cacheKey, out);
	return out;
}

const EFFECTIVE = new Map<string, ReadonlyArray<{binding: Binding; keys: KeyName[]}>>();

/** The keys of one intent in these contexts, for a sentence ("Press e or Enter"). */
export function keysFor(intent: Intent, contexts: readonly KeyContext[], ascii: boolean): string[] {
	return effectiveBindings(contexts)
		.filter((e) => e.binding.intent === intent)
		.flatMap((e) => e.keys.map((k) => displayKey(k, ascii)));
}

/** Help lines for the contexts in force: "keys  what they do". */
export function helpEntries(contexts: readonly KeyContext[], ascii: boolean): Array<{keys: string; help: string}> {
	return effectiveBindings(contexts).map(({binding, keys}) => ({
		keys: keys.map((k) => displayKey(k, ascii)).join('/'),
		help: binding.help,
	}));
}

/** The footer's intents for a screen: its most specific context's list. */
export function footerIntents(contexts: readonly KeyContext[]): readonly Intent[] {
	for (const context of contexts) {
		const intents = FOOTERS[context];
		if (intents) return intents;
	}
	return ['quit'];
}

/** A short footer: the first key that reaches each of the screen's footer intents, with its label. */
export function footer(contexts: readonly KeyContext[], ascii: boolean, intents = footerIntents(contexts)): string {
	const bindings = effectiveBindings(contexts);
	return intents
		.map((intent) => {
			const found = bindings.find((e) => e.binding.intent === intent);
			return found ? `${displayKey(found.keys[0], ascii)} ${found.binding.label}` : '';
		})
		.filter(Boolean)
		.join('  ');
}
