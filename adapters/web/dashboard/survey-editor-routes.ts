import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml, stringify as toYaml, YAMLParseError } from 'yaml';
import { DefinitionError, isDomainError } from '../../../src/domain/errors.js';
import { localeSchema, type Locale } from '../../../src/domain/i18n/locale.js';
import { t } from '../../../src/domain/i18n/translate.js';
import { fromTemplate } from '../../../src/domain/templates/survey-templates.js';
import { escapeMarkup } from '../../../src/lib/escape-markup.js';
import type { SurveyPrompt } from '../../../src/ports/chat-platform.js';
import { operator, type Pulse, type PersonKey } from '../../../src/pulse/index.js';
import { promptCard } from '../../cards/prompt-card.js';
import { readJson, sendHtml, sendJson, staticPage, WebError } from '../http-util.js';
import { blockKitHtml } from './block-kit-html.js';

export const SURVEYS_PATH = '/dashboard/surveys';

/** A surface's own drawing of a prompt, given to the web adapter by the composition root (Slack's Block Kit). */
export type PromptBlocks = (prompt: SurveyPrompt, locale: Locale) => readonly unknown[];

export interface EditorViewer {
  /** The signed-in person, or null in the playground (whose dashboard is open, as its chat is). */
  readonly person: PersonKey | null;
  readonly hr: boolean;
  readonly locale: Locale;
  readonly csrf: string | null;
}

export interface EditorOptions {
  readonly pulse: Pulse;
  /** Checks a state-changing request came from the editor page (same origin and the session's CSRF token). */
  readonly fromPage: (req: IncomingMessage) => Promise<boolean>;
  readonly slackBlocks: PromptBlocks | null;
}

/** What the editor sends: a document as YAML or JSON text. */
function documentOf(text: unknown): unknown {
  if (typeof text !== 'string' || text.length > 60_000)
    throw new DefinitionError([{ path: '', message: 'send the survey as YAML or JSON text (at most 60 000 characters)' }]);
  try {
    return parseYaml(text) as unknown;
  } catch (error) {
    if (error instanceof YAMLParseError) throw new DefinitionError([{ path: '', message: `not valid YAML: ${error.message.split('\n')[0] ?? ''}` }]);
    throw error;
  }
}

function refusal(res: ServerResponse, error: unknown): void {
  if (error instanceof DefinitionError) return sendJson(res, 400, { error: { code: 'VALIDATION_FAILED', issues: error.issues } });
  if (isDomainError(error, 'SURVEY_ARCHIVED') || isDomainError(error, 'SURVEY_EXISTS'))
    return sendJson(res, 409, { error: { code: error.code, message: error.message } });
  if (isDomainError(error, 'UNKNOWN_SURVEY')) return sendJson(res, 404, { error: { code: error.code, message: error.message } });
  throw error;
}

async function page(viewer: EditorViewer): Promise<string> {
  const html = await staticPage('surveys.html');
  return html
    .replace('%LANG%', viewer.locale)
    .replace('%TITLE%', escapeMarkup(t(viewer.locale, 'web.surveys.title')))
    .replace('%CSRF%', escapeMarkup(viewer.csrf ?? ''));
}

/**
 * The survey editor (issue #17), for HR and admins: the surveys with their state, templates to
 * start from, a document editor (YAML) whose every change is checked by the survey service and
 * previewed as the prompt will look in Slack (Block Kit drawn as HTML) and in Teams (the Adaptive
 * Card, drawn in the page by the official renderer). Every change goes through the same service
 * as the HR API and the CLI.
 */
export async function surveyEditor(o: EditorOptions, req: IncomingMessage, res: ServerResponse, path: string, viewer: EditorViewer): Promise<void> {
  if (!viewer.hr) throw new WebError(403, 'NOT_AUTHORIZED');
  const caller = viewer.person ?? operator('web', 'playground');
  const { surveys } = o.pulse;
  if (req.method === 'GET') {
    if (path === SURVEYS_PATH) return sendHtml(res, 200, await page(viewer));
    if (path !== `${SURVEYS_PATH}/data`) throw new WebError(404, 'NOT_FOUND');
    const today = o.pulse.clock.now().setZone(o.pulse.settings.defaultTimezone);
    return sendJson(res, 200, {
      surveys: (await surveys.list(caller)).map((s) => ({ ...s, yaml: s.document === null ? null : toYaml(s.document) })),
      templates: surveys.templates().map((template) => ({
        id: template.id,
        name: template.name[viewer.locale],
        description: template.description[viewer.locale],
        yaml: toYaml(fromTemplate(template, { id: `my-${template.id}`, defaultLocale: viewer.locale }, today)),
      })),
    });
  }
  if (req.method !== 'POST') throw new WebError(405, 'METHOD_NOT_ALLOWED');
  if (!(await o.fromPage(req))) throw new WebError(403, 'FORBIDDEN');
  const body = (await readJson(req)) as Record<string, unknown> | null;
  try {
    switch (path) {
      case `${SURVEYS_PATH}/preview`: {
        const locale = localeSchema.safeParse(body?.locale).data ?? viewer.locale;
        const prompt = await surveys.preview(caller, documentOf(body?.text));
        return sendJson(res, 200, {
          card: promptCard(prompt, locale),
          slack: o.slackBlocks === null ? null : blockKitHtml(o.slackBlocks(prompt, locale)),
        });
      }
      case `${SURVEYS_PATH}/save`: {
        const document = documentOf(body?.text);
        const plan = await surveys.dryRun(caller, document);
        const id = String((document as { id?: unknown }).id);
        const saved = plan.action === 'create' ? await surveys.create(caller, document) : await surveys.update(caller, id, document);
        return sendJson(res, 200, { survey: saved, action: plan.action });
      }
      case `${SURVEYS_PATH}/state`: {
        const id = typeof body?.id === 'string' ? body.id : '';
        const action = body?.action;
        if (action !== 'pause' && action !== 'resume' && action !== 'archive') throw new WebError(400, 'INVALID_ACTION');
        return sendJson(res, 200, { survey: await surveys[action](caller, id) });
      }
      default:
        throw new WebError(404, 'NOT_FOUND');
    }
  } catch (error) {
    if (error instanceof WebError) throw error;
    refusal(res, error);
  }
}
