import type {Intent} from '../tutor/keymap.js';

/**
 * Intents for a component that keeps its own running state (the command pane and its child
 * process): the app decides which keys are the pane's and sends them here; the pane listens.
 *
 * Each intent is addressed to a step (`lesson:step`). One sent while that step's pane is not
 * listening yet waits and is handed over when it listens: no key is lost between the frame that
 * decided it and the pane's effect. One for a step the screen has left is dropped (`showing`), so
 * a waiting Enter can never run a command the learner comes back to later.
 */
export class IntentChannel {
	private listener: {readonly step: string; readonly take: (intent: Intent) => void} | undefined;
	private waiting: {readonly step: string; readonly intent: Intent}[] = [];

	send(intent: Intent, step = ''): void {
		if (this.listener?.step === step) return this.listener.take(intent);
		this.waiting.push({step, intent});
	}

	/** Returns the function that stops listening (an effect's clean-up). */
	listen(take: (intent: Intent) => void, step = ''): () => void {
		const listener = {step, take};
		this.listener = listener;
		const due = this.waiting.filter((w) => w.step === step);
		this.waiting = [];
		for (const w of due) take(w.intent);
		return () => {
			if (this.listener === listener) this.listener = undefined;
		};
	}

	/** The step whose pane the screen shows now (undefined: none): what waits for another is dropped. */
	showing(step: string | undefined): void {
		if (this.waiting.some((w) => w.step !== step)) this.waiting = this.waiting.filter((w) => w.step === step);
	}

	/** Intents waiting for a pane to listen (for tests). */
	get pending(): number {
		return this.waiting.length;
	}
}
