import { DateTime } from 'luxon';
import { promptView, surveyTitle } from '../../src/domain/prompt-view.js';
import { translator } from '../../src/domain/i18n/translate.js';
import type { ChatPlatform, MessageRef, Recipient, Reminder, SummaryMessage, SurveyPrompt } from '../../src/ports/chat-platform.js';
import type { Clock } from '../../src/ports/clock.js';
import { personKey } from '../../src/pulse/index.js';
import type { Inbox } from './inbox.js';

export const WEB_TENANT = 'local';

export const webPersonKey = (recipient: Pick<Recipient, 'tenant' | 'userId'>) => personKey('web', recipient.tenant, recipient.userId);

/** pulsebot's chat port on the web playground: messages land in the in-memory web chats. */
export function createWebPlatform(inbox: Inbox, clock: Clock): ChatPlatform {
  const at = () => clock.now().toUTC().toISO() ?? '';
  return {
    name: 'web',
    sendPrompt(recipient: Recipient, prompt: SurveyPrompt): Promise<MessageRef> {
      const person = webPersonKey(recipient);
      const id = inbox.add(person, {
        from: 'bot',
        at: at(),
        text: promptView(prompt, recipient.locale).notification,
        prompt: { roundId: prompt.roundId, surveyKind: prompt.surveyKind, token: prompt.responseToken, locale: recipient.locale, closed: false },
      });
      return Promise.resolve({ channel: person, messageId: id });
    },
    findPrompt(recipient: Recipient, roundId: string): Promise<MessageRef | null> {
      const person = webPersonKey(recipient);
      const entry = inbox.findPrompt(person, roundId);
      return Promise.resolve(entry ? { channel: person, messageId: entry.id } : null);
    },
    markClosed(recipient: Recipient, ref: MessageRef): Promise<void> {
      const entry = inbox.get(ref.channel, ref.messageId);
      if (entry?.prompt) {
        entry.prompt.closed = true;
        inbox.touch(ref.channel);
      }
      return Promise.resolve();
    },
    sendReminder(recipient: Recipient, reminder: Reminder): Promise<void> {
      const t = translator(recipient.locale);
      const date = DateTime.fromJSDate(reminder.openUntil).setLocale(recipient.locale).toLocaleString(DateTime.DATE_MED);
      inbox.add(webPersonKey(recipient), {
        from: 'bot',
        at: at(),
        text: t('reminder.text', { survey: surveyTitle(reminder.surveyKind, recipient.locale, reminder.surveyName), date }),
      });
      return Promise.resolve();
    },
    sendNotice(recipient: Recipient, text: string): Promise<void> {
      inbox.add(webPersonKey(recipient), { from: 'bot', at: at(), text });
      return Promise.resolve();
    },
    sendSummary(recipient: Recipient, message: SummaryMessage): Promise<MessageRef> {
      const person = webPersonKey(recipient);
      const { title, sections, footer } = message.text;
      const text = [title, ...sections.map((s) => [...(s.heading === null ? [] : [s.heading]), ...s.lines].join('\n')), footer].join('\n\n');
      const chart = message.chart;
      const image = chart === null ? undefined : { src: `data:image/png;base64,${Buffer.from(chart.png).toString('base64')}`, alt: chart.altText };
      const id = inbox.add(person, { from: 'bot', at: at(), text, ...(image ? { image } : {}) });
      return Promise.resolve({ channel: person, messageId: id });
    },
  };
}
