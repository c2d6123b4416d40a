/**
 * The least a Bolt app can do with an answer click (`npm run bench -- clickfloor`): verify it,
 * parse it, route it to a handler that acks, and, with FLOOR_REDRAW=1, post the clicked message
 * back through the click's response_url as pulsebot's redraw does (adapters/slack/post-json.ts). No database, no pulsebot code
 * on the path: what Bolt and the HTTP stack cost a click on this machine.
 */
import { App, HTTPReceiver } from '@slack/bolt';
import { postJson } from '../../adapters/slack/post-json.js';

const signingSecret = process.env.SLACK_SIGNING_SECRET ?? '';
const redraw = process.env.FLOOR_REDRAW === '1';
const port = Number(process.env.PORT ?? 0);

const receiver = new HTTPReceiver({
  signingSecret,
  endpoints: '/slack/events',
  customRoutes: [
    {
      path: '/healthz',
      method: ['GET'],
      handler: (_req, res) => {
        res.writeHead(200);
        res.end('ok');
      },
    },
  ],
});
// botId and botUserId given: Bolt asks Slack's auth.test nothing (there is no Slack here).
const app = new App({ receiver, token: 'xoxb-floor', botId: 'BFLOOR', botUserId: 'UFLOOR', tokenVerificationEnabled: false });

interface Click {
  readonly response_url?: string;
  readonly message?: { readonly text?: string; readonly blocks?: unknown[] };
}

app.action(/^pulse:answer:/, async ({ ack, body }) => {
  await ack();
  const click = body as Click;
  if (!redraw || click.response_url === undefined) return;
  await postJson(click.response_url, { replace_original: true, text: click.message?.text ?? '', blocks: click.message?.blocks ?? [] }, 10_000);
});

await app.start(port);
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
