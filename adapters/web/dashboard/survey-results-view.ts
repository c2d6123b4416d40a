import { ACKNOWLEDGEMENTS } from '../../../src/domain/comment-conversation.js';
import { ORG_ROOT } from '../../../src/domain/anonymity/segment-tree.js';
import type { Locale } from '../../../src/domain/i18n/locale.js';
import type { Translator } from '../../../src/domain/i18n/translate.js';
import type { LIKERT_VALUES } from '../../../src/domain/question.js';
import { likertLabel, worded, type Question } from '../../../src/domain/question.js';
import { escapeMarkup as esc } from '../../../src/lib/escape-markup.js';
import type { DashboardModel } from '../../../src/pulse/index.js';

type SurveyView = DashboardModel['surveys'][number];
type Figures = SurveyView['segments'][number]['questions'][number];

const intl: Record<Locale, string> = { en: 'en-GB', nb: 'nb-NO', sv: 'sv-SE' };

/** One labelled bar: its share of the answers, drawn as a width, with the count beside it. */
function bar(label: string, n: number, total: number): string {
  const pct = total > 0 ? Math.round((n / total) * 100) : 0;
  return `<div class="bar-row"><span class="bar-label">${esc(label)}</span><span class="bar" style="width:${pct}%"></span><span class="bar-value">${n}</span></div>`;
}

function bars(figures: Readonly<Record<string, number>>, label: (value: string) => string): string {
  const total = Object.values(figures).reduce((a, b) => a + b, 0);
  return `<div class="bars">${Object.entries(figures)
    .map(([value, n]) => bar(label(value), n, total))
    .join('')}</div>`;
}

type Shown = { readonly id: string; readonly text: string };
type Threads = DashboardModel['conversations'];

/** A comment with its conversation, the four acknowledgements and a reply box (the dashboard's JS posts them, with the CSRF token). */
function commentItem(comment: Shown, threads: Threads, t: Translator): string {
  const messages = (threads[comment.id] ?? [])
    .map((m) => {
      const who = m.from === 'leader' ? t('web.dash.reply.leader') : t('web.dash.reply.author');
      return `<li class="message ${m.from}"><b>${esc(who)}:</b> ${esc(m.kind === 'ack' ? t(`conversation.ack.${m.ack}`) : m.text)}</li>`;
    })
    .join('');
  const acks = ACKNOWLEDGEMENTS.map((a) => `<button type="button" data-ack="${a}">${esc(t(`conversation.ack.${a}`))}</button>`).join('');
  return `<li class="comment" data-comment="${esc(comment.id)}">${esc(comment.text)}${messages === '' ? '' : `<ol class="thread">${messages}</ol>`}<div class="respond">${acks}<input type="text" maxlength="2000" aria-label="${esc(t('web.dash.reply.label'))}" placeholder="${esc(t('web.dash.reply.label'))}"><button type="button" data-reply>${esc(t('web.dash.reply.send'))}</button></div></li>`;
}

type Themes = DashboardModel['surveys'][number]['themes'][string];

/** What the comments are about: a line per theme, each opening to its comments. */
function themesBlock(themes: Themes | undefined, t: Translator): string {
  if (themes === undefined || themes.length === 0) return '';
  const items = themes.map(
    ({ count, comments }) =>
      `<details class="theme" data-theme="${esc(count.theme)}"><summary>${esc(t('themes.item', { theme: t(`theme.${count.theme}`), n: count.n, negative: count.negative, neutral: count.neutral, positive: count.positive }))}</summary><ul class="comments">${comments.map((c) => `<li>${esc(c.text)}</li>`).join('')}</ul></details>`,
  );
  return `<h5>${esc(t('themes.heading'))}</h5>${items.join('')}`;
}

function questionBlock(
  question: Question,
  figures: Figures | undefined,
  comments: readonly Shown[],
  threads: Threads,
  t: Translator,
  locale: Locale,
  themes?: Themes,
): string {
  const say = (wording: Question['text']) => worded(wording, locale, (key) => t(key, { org: t('org.fallback') }));
  const title = `<h4>${esc(say(question.text))}</h4>`;
  if (figures === undefined || !figures.visible)
    return `<div class="question hidden-question" data-question="${esc(question.id)}">${title}<p class="suppressed">${esc(t('web.dash.q.hidden'))}</p></div>`;
  const f1 = new Intl.NumberFormat(intl[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const f0 = new Intl.NumberFormat(intl[locale], { maximumFractionDigits: 0 });
  const optionLabel = (value: string) => {
    const option = 'options' in question ? question.options.find((o) => o.value === value) : undefined;
    return option === undefined ? value : say(option.label);
  };
  let body: string;
  switch (figures.type) {
    case 'agreement':
      body = `<p>${esc(t('web.dash.q.mean', { mean: f1.format(figures.mean) }))} · ${esc(t('web.dash.q.favourable', { favourable: f0.format(figures.favourable) }))}</p>${bars(figures.distribution, (v) => (question.kind === 'likert' ? t(likertLabel(question, Number(v) as (typeof LIKERT_VALUES)[number])) : v))}`;
      break;
    case 'scale':
      body = `<p>${esc(t('web.dash.q.mean', { mean: f1.format(figures.mean) }))}</p>${bars(figures.distribution, (v) => v)}`;
      break;
    case 'enps':
      body = `<p>eNPS ${esc(f0.format(figures.enps.score))}</p>${bars(figures.distribution, (v) => v)}`;
      break;
    case 'yesno':
      body = `<p>${esc(t('web.dash.q.yes', { share: f0.format(figures.yesShare) }))}</p>${bars(figures.options, optionLabel)}`;
      break;
    case 'choice':
    case 'multi':
      body = bars(figures.options, optionLabel);
      break;
    case 'text':
      body = `<p>${esc(t('web.dash.q.text', { count: figures.respondents }))}</p><ul class="comments">${comments.map((c) => commentItem(c, threads, t)).join('')}</ul>${themesBlock(themes, t)}`;
      break;
  }
  return `<div class="question" data-question="${esc(question.id)}">${title}${body}</div>`;
}

/** Each survey HR wrote: its latest closed round, question by question, for the top group the viewer may see. */
export function surveysSection(surveys: DashboardModel['surveys'], t: Translator, locale: Locale, threads: Threads = {}): string {
  return surveys
    .map((survey) => {
      const parts = [
        `<section class="survey" data-survey="${esc(survey.surveyId)}"><h2>${esc(t('web.dash.survey', { survey: survey.name, date: survey.date }))}</h2>`,
      ];
      const top = survey.segments[0];
      if (top === undefined) parts.push(`<p class="suppressed">${esc(t('web.dash.surveyNoGroups'))}</p>`);
      else {
        const name = top.segment === ORG_ROOT ? t('results.org') : (top.name ?? top.segment);
        parts.push(`<h3>${esc(t('web.dash.surveyGroup', { segment: name, respondents: top.respondents ?? 0 }))}</h3>`);
        const byId = new Map(top.questions.map((q) => [q.questionId, q]));
        parts.push(
          ...survey.questions.map((question) =>
            questionBlock(question, byId.get(question.id), survey.comments[question.id] ?? [], threads, t, locale, survey.themes[question.id]),
          ),
        );
      }
      if (survey.hidden > 0) parts.push(`<p class="suppressed">${esc(t('web.dash.surveyHiddenGroups', { count: survey.hidden }))}</p>`);
      parts.push('</section>');
      return parts.join('');
    })
    .join('');
}
