import { actionText } from '../../domain/action-plan.js';
import { resolveLocale } from '../../domain/i18n/locale.js';
import { t } from '../../domain/i18n/translate.js';
import { surveyTitle } from '../../domain/prompt-view.js';
import type { Audience } from '../../domain/survey-definition.js';
import type { ActionDoc } from '../../store/documents/actions.js';
import type { PlatformRegistry } from '../deliver-due.js';
import type { ServiceDeps } from '../deps.js';

/** "You said, we're doing", in one language. */
export function announcementText(action: Pick<ActionDoc, 'words' | 'dueDate'>, surveyName: string | null, locale: Parameters<typeof t>[0]): string {
  return t(locale, 'plan.announce', { survey: surveyTitle('pulse', locale, surveyName), action: actionText(action.words, locale), date: action.dueDate });
}

/**
 * Sends the "You said, we're doing" messages owed (issue #19): each active member of the action's
 * group (as the directory has it now) hears of it once, in their own language. The claim moves
 * the action from `pending` to `sending`, so one instance sends it; the schedule tick runs this.
 */
export async function sendActionAnnouncements(deps: ServiceDeps, platforms: PlatformRegistry): Promise<number> {
  const { actions } = deps.store.database.collections;
  let sent = 0;
  for (const action of await actions.find({ announcement: 'pending' }).toArray()) {
    if ((await actions.updateOne({ _id: action._id, announcement: 'pending' }, { $set: { announcement: 'sending' } })).modifiedCount !== 1) continue;
    const tree = await deps.store.segments.tree();
    const survey = await deps.store.rounds.survey(action.surveyId);
    const surveyName = survey?.document?.name ?? null;
    if (tree.has(action.segment)) {
      const everyone = action.segment === tree.root;
      const audience: Audience = everyone ? { type: 'everyone' } : { type: 'segments', segments: [action.segment] };
      for await (const person of deps.store.people.stream(audience, everyone ? null : tree.subtree(action.segment))) {
        const platform = platforms.get(person.platform);
        if (platform === undefined) continue;
        const locale = resolveLocale(person.locale, deps.settings.defaultLocale);
        try {
          await platform.sendNotice(
            { platform: person.platform, tenant: person.tenant, userId: person.userId, locale },
            announcementText(action, surveyName, locale),
          );
          sent++;
        } catch (error) {
          deps.logger.warn({ code: error instanceof Error ? error.message.slice(0, 100) : 'unknown' }, 'action announcement not sent');
        }
      }
    }
    await actions.updateOne({ _id: action._id }, { $set: { announcement: 'sent' } });
  }
  return sent;
}
