import { escapeMarkup as esc } from '../../../src/lib/escape-markup.js';

/**
 * Slack Block Kit (as JSON) drawn as HTML, for the survey editor's preview of a prompt in Slack:
 * the block types a prompt uses (header, section, context, divider, actions with buttons, a
 * select or checkboxes). Text is escaped first; then Slack's *bold* and the emoji a prompt uses
 * are shown as Slack shows them.
 */

type Json = Record<string, unknown>;

const EMOJI: Record<string, string> = { ':lock:': '🔒', ':white_check_mark:': '✅' };

/** Slack mrkdwn as HTML: escaped (Slack's own &amp; &lt; &gt; first undone), bold, emoji. */
function mrkdwn(text: string): string {
  const plain = text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\u200d/g, '');
  return esc(plain)
    .replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
    .replace(/:[a-z_]+:/g, (code) => EMOJI[code] ?? code);
}

const textOf = (value: unknown): string => {
  const text = (value as Json | undefined)?.text;
  return typeof text === 'string' ? text : '';
};

function element(e: Json): string {
  switch (e.type) {
    case 'button':
      return `<button type="button" class="bk-button" disabled>${esc(textOf(e.text))}</button>`;
    case 'static_select':
      return `<select class="bk-select" disabled>${((e.options as Json[] | undefined) ?? []).map((o) => `<option>${esc(textOf(o.text))}</option>`).join('')}</select>`;
    case 'checkboxes':
      return `<div class="bk-checkboxes">${((e.options as Json[] | undefined) ?? [])
        .map((o) => `<label><input type="checkbox" disabled> ${mrkdwn(textOf(o.text))}</label>`)
        .join('')}</div>`;
    default:
      return '';
  }
}

function block(b: Json): string {
  switch (b.type) {
    case 'header':
      return `<div class="bk-header">${esc(textOf(b.text))}</div>`;
    case 'section':
      return `<div class="bk-section">${mrkdwn(textOf(b.text))}</div>`;
    case 'context':
      return `<div class="bk-context">${((b.elements as Json[] | undefined) ?? []).map((e) => mrkdwn(textOf(e))).join(' ')}</div>`;
    case 'divider':
      return '<hr class="bk-divider">';
    case 'actions':
      return `<div class="bk-actions">${((b.elements as Json[] | undefined) ?? []).map(element).join('')}</div>`;
    default:
      return '';
  }
}

export function blockKitHtml(blocks: readonly unknown[]): string {
  return `<div class="bk-message" data-testid="slack-preview">${blocks.map((b) => block(b as Json)).join('')}</div>`;
}
