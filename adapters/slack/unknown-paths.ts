import type { RequestListener } from 'node:http';
import { ErrorCode } from '@slack/bolt';

/**
 * Answers 404 for a path under /slack that Bolt does not serve (a typo in the app's request URL,
 * a scanner). Bolt's HTTP receiver throws for those, meaning "for the next router", and with
 * no next router the request was never answered.
 */
export function notFoundOutsideBolt(bolt: RequestListener): RequestListener {
  return (req, res) => {
    try {
      void bolt(req, res);
    } catch (error) {
      if ((error as { code?: unknown }).code !== ErrorCode.HTTPReceiverDeferredRequestError) throw error;
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'not_found' }));
    }
  };
}
