/** Text made safe inside HTML, SVG or XML, as element content or a quoted attribute value. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/**
 * Text made literal inside Slack mrkdwn: `&`, `<` and `>` escaped as Slack asks (no link, mention
 * or `<!channel>` can be smuggled in), and the formatting characters broken with a zero-width
 * joiner so HR's own words show as written.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] ?? c).replace(/([*_~`])/g, '\u200d$1');
}
