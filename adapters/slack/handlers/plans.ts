import type { App } from '@slack/bolt';
import { z } from 'zod';
import { actionText, DEFAULT_DUE_DAYS } from '../../../src/domain/action-plan.js';
import { committedWords } from '../../../src/domain/actions/action-catalog.js';
import { ORG_ROOT } from '../../../src/domain/anonymity/segment-tree.js';
import { translator } from '../../../src/domain/i18n/translate.js';
import { planFormError } from '../../../src/domain/plan-errors.js';
import { openModalSchema, parseJson, team, teamIdOf, user } from '../modal-payloads.js';
import { PLAN_ACTIONS, PLAN_VIEW_CALLBACK, planMetadataSchema, planModal, planValueSchema } from '../plan-blocks.js';
import { localeOf, slackPersonKey, type SlackContext } from '../slack-context.js';

const submitSchema = z.object({
  user,
  team,
  view: z.object({
    private_metadata: z.string().max(3000),
    state: z.object({
      values: z.object({
        words: z.object({ text: z.object({ value: z.string().nullable().optional() }) }),
        due: z.object({ date: z.object({ selected_date: z.string().nullable().optional() }) }),
      }),
    }),
  }),
});

const statusSchema = z.object({
  user,
  team,
  container: z.object({ channel_id: z.string().min(1) }),
  actions: z.array(z.object({ action_id: z.string(), selected_option: z.object({ value: z.enum(['planned', 'in_progress', 'done']) }) })).min(1),
});

/**
 * Action plans in Slack (issue #19): "Commit" under a summary's suggested actions opens a modal
 * with the suggestion (in the leader's language, to keep or rewrite) and a due date; the status
 * menu of an open action changes its status. The core checks the leader leads the group.
 */
export function registerPlanHandlers(app: App, ctx: SlackContext): void {
  app.action(PLAN_ACTIONS.commit, async ({ ack, body, client, logger }) => {
    await ack();
    const click = openModalSchema.safeParse(body);
    const value = parseJson(planValueSchema, click.success ? click.data.actions[0]?.value : undefined);
    const teamId = click.success ? teamIdOf(click.data) : undefined;
    if (!click.success || value === null || teamId === undefined) {
      logger.warn('ignored a malformed commit button');
      return;
    }
    const person = slackPersonKey(teamId, click.data.user.id);
    const locale = await localeOf(ctx, person);
    const segment = (await ctx.pulse.directory.segments()).find((s) => s._id === value.s);
    const group = value.s === ORG_ROOT ? translator(locale)('results.org') : (segment?.name ?? value.s);
    const due = ctx.pulse.clock.now().plus({ days: DEFAULT_DUE_DAYS }).toISODate() ?? '';
    await client.views.open({ trigger_id: click.data.trigger_id, view: planModal({ ...value, c: click.data.container.channel_id }, group, due, locale) });
  });

  app.view(PLAN_VIEW_CALLBACK, async ({ ack, body, client, logger }) => {
    const submit = submitSchema.safeParse(body);
    const metadata = submit.success ? parseJson(planMetadataSchema, submit.data.view.private_metadata) : null;
    const teamId = submit.success ? teamIdOf(submit.data) : undefined;
    if (!submit.success || metadata === null || teamId === undefined) {
      logger.warn('ignored a malformed plan submission');
      await ack();
      return;
    }
    const person = slackPersonKey(teamId, submit.data.user.id);
    const locale = await localeOf(ctx, person);
    const t = translator(locale);
    const { words: wordsBlock, due } = submit.data.view.state.values;
    const suggested = metadata.d !== undefined && metadata.i !== undefined ? { driver: metadata.d, index: metadata.i } : null;
    const words = committedWords(suggested, wordsBlock.text.value ?? '', locale);
    try {
      const action = await ctx.pulse.actions.commit(person, {
        segment: metadata.s,
        driver: metadata.d ?? null,
        words,
        dueDate: due.date.selected_date ?? '',
      });
      await ack();
      const said = action.announcement === 'off' ? 'plan.committedQuiet' : 'plan.committed';
      await client.chat.postMessage({ channel: metadata.c, text: t(said, { action: actionText(action.words, locale), date: action.dueDate }) });
    } catch (error) {
      const refusal = planFormError(error);
      if (refusal === null) throw error;
      await ack({ response_action: 'errors', errors: { [refusal.field === 'due' ? 'due' : 'words']: t(refusal.key) } });
    }
  });

  app.action(PLAN_ACTIONS.status, async ({ ack, body, client, logger }) => {
    await ack();
    const change = statusSchema.safeParse(body);
    const teamId = change.success ? teamIdOf(change.data) : undefined;
    const [picked] = change.success ? change.data.actions : [];
    if (!change.success || teamId === undefined || picked === undefined) {
      logger.warn('ignored a malformed status menu');
      return;
    }
    const person = slackPersonKey(teamId, change.data.user.id);
    const t = translator(await localeOf(ctx, person));
    const id = picked.action_id.slice('pulse:plan:status:'.length);
    let text: string;
    try {
      const action = await ctx.pulse.actions.change(person, id, { status: picked.selected_option.value });
      text = t('plan.updated', { action: actionText(action.words, await localeOf(ctx, person)), status: t(`plan.status.${action.status}`) });
    } catch (error) {
      const refusal = planFormError(error);
      if (refusal === null) throw error;
      text = t(refusal.key);
    }
    await client.chat.postMessage({ channel: change.data.container.channel_id, text });
  });
}
