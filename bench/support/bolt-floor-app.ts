/**
 * The least a Bolt app can do with an answer click (`npm run bench -- clickfloor`): verify it,
 * parse it, route it to a handler that acks, and, with FLOOR_REDRAW=1, post the clicked message
 * back through the click's response_url as pulsebot's redraw does. No database, no pulsebot code
 * on the path: what Bolt and the HTTP stack cost a click on this machine.
 */
import { App, HTTPReceiver } from '@slack/bolt';

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
const app = new App({ receiver, token: 'xoxb-floor', tokenVerificationEnabled: false });

interface Click {
  readonly response_url?: string;
  readonly message?: { readonly text?: string; readonly blocks?: unknown[] };
}

app.action(/^pulse:answer:/, async ({ ack, body }) => {
  await ack();
  const click = body as Click;
  if (!redraw || click.response_url === undefined) return;
  const response = await fetch(click.response_url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ replace_original: true, text: click.message?.text ?? '', blocks: click.message?.blocks ?? [] }),
  });
  await response.body?.cancel();
});

await app.start(port);
process.on('SIGTERM', () => {
  void app.stop().then(() => process.exit(0));
});
