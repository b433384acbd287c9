import type {Intent} from '../tutor/keymap.js';

/**
 * Intents for a component that keeps its own running state (the command pane and its child
 * process): the app decides which keys are the pane's and sends them here; the pane listens.
 */
export class IntentChannel {
	private listener: ((intent: Intent) => void) | undefined;

	send(intent: Intent): void {
		this.listener?.(intent);
	}

	/** Returns the function that stops listening (an effect's clean-up). */
	listen(listener: (intent: Intent) => void): () => void {
		this.listener = listener;
		return () => {
			if (this.listener === listener) this.listener = undefined;
		};
	}
}
