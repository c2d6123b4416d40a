/**
 * What the core announces for whoever runs the process to act on, instead of callbacks handed
 * from adapter to adapter (issue #16). `deliveries.due`: prompts are waiting to go out now (a
 * round started by hand, an exit survey due today, one withdrawn), so the delivery loop should
 * look at once rather than at its next tick. `webhooks.due`: an outgoing webhook message was
 * stored and can be sent now.
 */
export type CoreEvent = 'deliveries.due' | 'webhooks.due';

export interface CoreEvents {
  emit(event: CoreEvent): void;
  /** Calls `listener` on each `event`; returns the way to stop. */
  on(event: CoreEvent, listener: () => void): () => void;
}

/** In-process events: listeners run synchronously, and one that throws does not stop the others. */
export function createCoreEvents(onError: (error: unknown) => void): CoreEvents {
  const listeners = new Map<CoreEvent, Set<() => void>>();
  return {
    emit(event) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          listener();
        } catch (error) {
          onError(error);
        }
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
