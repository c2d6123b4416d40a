import type { Pulse } from '../../pulse/index.js';
import { sendJson } from '../http-json.js';
import type { Route } from '../router.js';

/**
 * `GET /api/v1/anonymity-report` (admin scope): what `npx pulsebot audit --json` prints, for a
 * works council or DPO to fetch themselves. 200 with `passed: false` when a check fails: the
 * request worked, the report says what is wrong.
 */
export function anonymityReportRoutes(pulse: Pulse): Route[] {
  return [
    {
      method: 'GET',
      path: '/api/v1/anonymity-report',
      scope: 'admin',
      async handle({ res }) {
        sendJson(res, 200, await pulse.audit(), { 'cache-control': 'no-store' });
      },
    },
  ];
}
