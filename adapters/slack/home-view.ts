import type { HomeView, KnownBlock } from '@slack/types';
import type { Locale } from '../../src/domain/i18n/locale.js';
import { translator } from '../../src/domain/i18n/translate.js';

export interface HomeContent {
  readonly openSurveys: readonly { readonly title: string; readonly closes: string }[];
  /** Results sections (mrkdwn) for leaders and HR; empty for everyone else. */
  readonly results: readonly string[];
  readonly minGroupSize: number;
}

/** The App Home tab: open surveys and the privacy promise for everyone; results for leaders and HR. */
export function homeView(content: HomeContent, locale: Locale): HomeView {
  const t = translator(locale);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'pulsebot' } },
    { type: 'section', text: { type: 'mrkdwn', text: t('home.intro') } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `:lock: ${t('privacy.promise', { k: content.minGroupSize })}` }] },
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: t('home.open') } },
  ];
  if (content.openSurveys.length === 0) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t('home.noOpen') } });
  for (const s of content.openSurveys.slice(0, 20)) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: t('home.openItem', { survey: s.title, date: s.closes }) } });
  }
  if (content.results.length > 0) {
    blocks.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: t('home.results') } });
    for (const section of content.results.slice(0, 100 - blocks.length - 1)) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: section } });
  }
  return { type: 'home', blocks };
}
