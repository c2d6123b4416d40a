/** Where Slack's response URLs live (`https://hooks.slack.com/actions/…`). */
const SLACK_HOOKS = 'hooks.slack.com';

/**
 * Which URLs pulsebot posts to as a click's `response_url`: Slack's own, over https, or the
 * origin of SLACK_API_URL when one is set (a local fake Slack, an egress proxy). The URL comes
 * inside a payload whose signature was checked, so this is a second fence: a leaked signing
 * secret still cannot make the bot POST to any other host.
 */
export function responseUrlCheck(apiUrl: string | null): (url: string) => boolean {
  const configured = apiUrl === null ? null : new URL(apiUrl).origin;
  return (url) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return false;
    }
    return (target.protocol === 'https:' && target.hostname === SLACK_HOOKS) || target.origin === configured;
  };
}
