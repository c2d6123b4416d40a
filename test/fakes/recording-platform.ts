import type { ChatPlatform, MessageRef, Recipient, Reminder, SummaryMessage, SurveyPrompt } from '../../src/ports/chat-platform.js';
import type { Clock } from '../../src/ports/clock.js';

export interface Sent {
  readonly to: Recipient;
  readonly prompt: SurveyPrompt;
  readonly at: Date;
  readonly ref: MessageRef;
}

/**
 * A chat surface that only records what pulsebot asked of it, stamped with the app's clock. It
 * implements pulsebot's own ChatPlatform port (no SDK is replaced), for scheduler tests that
 * are about time and exactly-once, not about Slack or Teams.
 */
export class RecordingPlatform implements ChatPlatform {
  readonly name = 'slack' as const;
  readonly prompts: Sent[] = [];
  readonly reminders: { to: Recipient; reminder: Reminder; at: Date }[] = [];
  readonly closed: MessageRef[] = [];
  readonly summaries: { to: Recipient; message: SummaryMessage; at: Date }[] = [];

  constructor(private readonly clock: Clock) {}

  sendPrompt(to: Recipient, prompt: SurveyPrompt): Promise<MessageRef> {
    const ref = { channel: `D${to.userId}`, messageId: String(this.prompts.length + 1) };
    this.prompts.push({ to, prompt, at: this.clock.now().toJSDate(), ref });
    return Promise.resolve(ref);
  }

  /** Like Teams (the stored activity id): a prompt it sent can be found again. */
  findPrompt(to: Recipient, roundId: string): Promise<MessageRef | null> {
    const sent = this.prompts.find((p) => p.to.userId === to.userId && p.prompt.roundId === roundId);
    return Promise.resolve(sent?.ref ?? null);
  }

  markClosed(_to: Recipient, ref: MessageRef): Promise<void> {
    this.closed.push(ref);
    return Promise.resolve();
  }

  sendReminder(to: Recipient, reminder: Reminder): Promise<void> {
    this.reminders.push({ to, reminder, at: this.clock.now().toJSDate() });
    return Promise.resolve();
  }

  readonly notices: { to: Recipient; text: string; at: Date }[] = [];

  sendNotice(to: Recipient, text: string): Promise<void> {
    this.notices.push({ to, text, at: this.clock.now().toJSDate() });
    return Promise.resolve();
  }

  sendSummary(to: Recipient, message: SummaryMessage): Promise<MessageRef> {
    this.summaries.push({ to, message, at: this.clock.now().toJSDate() });
    return Promise.resolve({ channel: `D${to.userId}`, messageId: `summary-${this.summaries.length}` });
  }
}
