/**
 * Runs updates of one thing one at a time, and never leaves an old state last.
 *
 * Each click on a prompt redraws the message (through the click's response_url, else
 * `chat.update`). Two clicks close together would send two updates that race, and Slack keeps
 * whichever arrives last, which may be the one built before the second answer. Here a click that
 * comes while an update of the same message is on its way only asks for one more: when that
 * update returns, the latest asked for runs once, and draws everything this process has recorded
 * by then. A lone click is updated at once; a burst costs two updates, not one per click.
 */
export class LatestOnly {
  private readonly running = new Map<string, { next: (() => Promise<void>) | null }>();

  run(key: string, work: () => Promise<void>): Promise<void> {
    const current = this.running.get(key);
    if (current !== undefined) {
      current.next = work;
      return Promise.resolve();
    }
    const state = { next: work as (() => Promise<void>) | null };
    this.running.set(key, state);
    return (async () => {
      try {
        for (let step = state.next; step !== null; step = state.next) {
          state.next = null;
          await step();
        }
      } finally {
        this.running.delete(key);
      }
    })();
  }
}
