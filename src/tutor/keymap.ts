/**
 * Every key binding of the tutor, in one place. The help overlay and the footers are generated
 * from this table, so what the screen says is what the keys do.
 */
export type KeyContext = 'global' | 'home' | 'reader' | 'exercise' | 'field' | 'ordering' | 'command';

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
	| 'leaveField'
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
}

type KeyName = 'up' | 'down' | 'left' | 'right' | 'pgup' | 'pgdn' | 'enter' | 'esc' | 'backspace' | 'space' | 'ctrl+c' | string;

export interface Binding {
	readonly intent: Intent;
	readonly keys: readonly KeyName[];
	readonly contexts: readonly KeyContext[];
	/** What the help overlay says. */
	readonly help: string;
	/** Short label for footers. */
	readonly label: string;
}

export const BINDINGS: readonly Binding[] = [
	{intent: 'quit', keys: ['ctrl+c'], contexts: ['global'], help: 'quit from anywhere (progress is saved)', label: 'quit'},
	{intent: 'help', keys: ['?'], contexts: ['home', 'reader', 'exercise', 'ordering', 'command'], help: 'show or hide this help', label: 'help'},
	{intent: 'back', keys: ['q', 'esc'], contexts: ['home', 'reader', 'exercise', 'ordering'], help: 'go back (on the home screen: quit)', label: 'back'},
	{intent: 'back', keys: ['q'], contexts: ['command'], help: 'go back to the lesson list', label: 'back'},
	{intent: 'cancel', keys: ['esc'], contexts: ['command'], help: 'stop the running command (its whole process group)', label: 'stop'},
	{intent: 'up', keys: ['up', 'k'], contexts: ['home', 'reader', 'exercise', 'ordering', 'command'], help: 'move up / scroll up', label: 'move'},
	{intent: 'down', keys: ['down', 'j'], contexts: ['home', 'reader', 'exercise', 'ordering', 'command'], help: 'move down / scroll down', label: 'move'},
	{intent: 'pageUp', keys: ['pgup'], contexts: ['reader', 'exercise', 'command'], help: 'scroll a page up', label: 'page'},
	{intent: 'pageDown', keys: ['pgdn'], contexts: ['reader', 'exercise', 'command'], help: 'scroll a page down', label: 'page'},
	{intent: 'open', keys: ['enter', 'right', 'l'], contexts: ['home'], help: 'open the lesson', label: 'open'},
	{intent: 'next', keys: ['right', 'l', 'enter'], contexts: ['reader'], help: 'next step', label: 'next'},
	{intent: 'previous', keys: ['left', 'h', 'backspace'], contexts: ['reader'], help: 'previous step', label: 'back a step'},
	{intent: 'next', keys: ['right', 'l'], contexts: ['exercise', 'ordering', 'command'], help: 'next step (answer later)', label: 'next'},
	{intent: 'previous', keys: ['left', 'backspace'], contexts: ['exercise', 'ordering', 'command'], help: 'previous step', label: 'back a step'},
	{intent: 'check', keys: ['enter'], contexts: ['exercise', 'ordering', 'field'], help: 'choose / check the answer; after a right answer: next step', label: 'check'},
	{intent: 'hint', keys: ['h'], contexts: ['exercise', 'ordering'], help: 'show the next hint', label: 'hint'},
	{intent: 'solution', keys: ['s'], contexts: ['exercise', 'ordering'], help: 'reveal the solution (after one attempt)', label: 'solution'},
	{intent: 'edit', keys: ['e'], contexts: ['exercise'], help: 'manifest exercises: write the manifest in $EDITOR', label: 'edit'},
	{intent: 'leaveField', keys: ['esc'], contexts: ['field'], help: 'leave the answer field (then h, s, q work)', label: 'leave field'},
	{intent: 'grab', keys: ['space'], contexts: ['ordering'], help: 'pick up / put down the item; move it with up and down', label: 'pick up'},
	{intent: 'run', keys: ['enter'], contexts: ['command'], help: 'run the command shown (live mode; offline: continue)', label: 'run'},
	{intent: 'wrap', keys: ['w'], contexts: ['command'], help: 'wide output: wrap long lines, or (again) show them whole, scrolled sideways with < and >', label: 'wrap'},
	{intent: 'scrollLeft', keys: ['<'], contexts: ['command'], help: 'wide output, not wrapped: scroll sideways to the left', label: 'left'},
	{intent: 'scrollRight', keys: ['>'], contexts: ['command'], help: 'wide output, not wrapped: scroll sideways to the right', label: 'right'},
	{intent: 'createPod', keys: ['p'], contexts: ['command'], help: 'live mode: create the lesson Pod web-app, labelled so cleanup removes it', label: 'create Pod'},
	{intent: 'liveDiagram', keys: ['v'], contexts: ['reader'], help: 'live mode, diagram steps: draw the real lesson Pod with its measured namespaces (again: back)', label: 'real Pod'},
	{intent: 'shell', keys: ['x'], contexts: ['command'], help: 'live mode: a shell in the lesson Pod (exit it to come back)', label: 'shell'},
	{intent: 'liveCheck', keys: ['c'], contexts: ['exercise'], help: 'live mode, manifest exercises: check the real Pod you created in another terminal', label: 'check live'},
];

function keyNameOf(key: KeyPress): KeyName | undefined {
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
	if (key.ctrl) return undefined;
	return key.input || undefined;
}

/** The intent of a key in the given contexts (searched in order), after the global bindings. */
export function intentFor(key: KeyPress, contexts: readonly KeyContext[]): Intent | undefined {
	const name = keyNameOf(key);
	if (name === undefined) return undefined;
	for (const context of ['global', ...contexts] as KeyContext[]) {
		const binding = BINDINGS.find((b) => b.contexts.includes(context) && b.keys.includes(name));
		if (binding) return binding.intent;
	}
	return undefined;
}

export function displayKey(name: KeyName, ascii: boolean): string {
	const names: Record<string, [string, string]> = {
		up: ['\u2191', 'Up'], down: ['\u2193', 'Down'], left: ['\u2190', 'Left'], right: ['\u2192', 'Right'],
		pgup: ['PgUp', 'PgUp'], pgdn: ['PgDn', 'PgDn'], enter: ['Enter', 'Enter'], esc: ['Esc', 'Esc'],
		backspace: ['Backspace', 'Backspace'], space: ['Space', 'Space'], 'ctrl+c': ['Ctrl+C', 'Ctrl+C'],
	};
	const pair = names[name];
	return pair ? pair[ascii ? 1 : 0] : name;
}

/** Help lines for the contexts in force: "keys  what they do". */
export function helpEntries(contexts: readonly KeyContext[], ascii: boolean): Array<{keys: string; help: string}> {
	const all: KeyContext[] = [...contexts, 'global'];
	return BINDINGS.filter((b) => b.contexts.some((c) => all.includes(c))).map((b) => ({
		keys: b.keys.map((k) => displayKey(k, ascii)).join('/'),
		help: b.help,
	}));
}

/** A short footer: the first key of each listed intent with its label. */
export function footer(intents: readonly Intent[], context: KeyContext, ascii: boolean): string {
	return intents
		.map((intent) => {
			const binding = BINDINGS.find((b) => b.intent === intent && (b.contexts.includes(context) || b.contexts.includes('global')));
			return binding ? `${displayKey(binding.keys[0], ascii)} ${binding.label}` : '';
		})
		.filter(Boolean)
		.join('  ');
}
