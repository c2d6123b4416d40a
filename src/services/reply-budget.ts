/**
 * A chat platform waits only so long for a command's answer (Slack 3 s, Teams a few more). A
 * reply still being put together when its budget runs out is answered with a placeholder
 * ("on its way"), and the reply itself follows as its own message.
 */
export interface BudgetedReply<R> {
  /** What to answer in the command's own response. */
  readonly now: R;
  /**
   * The reply, when it missed the budget. Send it only after `now` has gone out: started any
   * earlier, a quick result can land above the line announcing it.
   */
  readonly later?: Promise<R>;
}

/** `work`'s reply if it is ready within `budgetMs`, else `placeholder` now and the reply later. A budget of 0 never waits. */
export async function replyWithin<R>(work: Promise<R>, budgetMs: number, placeholder: R): Promise<BudgetedReply<R>> {
  if (budgetMs > 0) {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof LATE>((resolve) => {
      timer = setTimeout(() => resolve(LATE), budgetMs);
    });
    try {
      const quick = await Promise.race([work, late]);
      if (quick !== LATE) return { now: quick };
    } finally {
      clearTimeout(timer);
    }
  }
  // Whoever sends `later` handles its failure; this keeps one that comes while `now` is being
  // sent from counting as unhandled.
  work.catch(() => undefined);
  return { now: placeholder, later: work };
}

const LATE = Symbol('late');
