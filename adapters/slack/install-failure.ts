import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, type CallbackOptions } from '@slack/oauth';
import type { MessageKey } from '../../src/domain/i18n/en.js';
import { resolveLocale, type Locale } from '../../src/domain/i18n/locale.js';
import { translator } from '../../src/domain/i18n/translate.js';
import { escapeMarkup } from '../../src/lib/escape-markup.js';

/** The code of the error a workspace outside SLACK_ALLOWED_TEAMS is refused with. */
export const WORKSPACE_NOT_ALLOWED = 'pulsebot_workspace_not_allowed';

/** An installation refused because the workspace is not one pulsebot may serve. */
export class WorkspaceNotAllowedError extends Error {
  readonly code = WORKSPACE_NOT_ALLOWED;
}

/** What the person who was installing is told, and with which status. */
function outcome(code: string | undefined): [number, MessageKey] {
  switch (code) {
    case ErrorCode.AuthorizationError:
      return [400, 'install.cancelled']; // they pressed Cancel on Slack's consent screen
    case ErrorCode.MissingStateError:
    case ErrorCode.InvalidStateError:
    case ErrorCode.MissingCodeError:
      return [400, 'install.expired'];
    case WORKSPACE_NOT_ALLOWED:
      return [403, 'install.notAllowed'];
    default:
      return [502, 'install.failed']; // Slack refused the code exchange, or could not be reached
  }
}

const PLACE = '\u0000';

/**
 * The page Slack's install flow ends on when it fails: what happened and what to do, in the
 * browser's language, instead of @slack/oauth's "Oops, Something Went Wrong!" with a 500 for
 * everything but a bad state.
 */
export function installFailurePage(fallback: Locale, installPath: string): NonNullable<CallbackOptions['failure']> {
  return (error, _options, req: IncomingMessage, res: ServerResponse) => {
    const [status, key] = outcome(error.code);
    const locale = resolveLocale(req.headers['accept-language']?.split(/[,;]/)[0] ?? null, fallback);
    const t = translator(locale);
    const title = escapeMarkup(t('install.title'));
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    // The install address, as a link where the text names it.
    const link = `<a href="${escapeMarkup(installPath)}">${escapeMarkup(installPath)}</a>`;
    const text = t(key, { url: PLACE })
      .split(PLACE)
      .map((part) => escapeMarkup(part))
      .join(link);
    res.end(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`,
    );
  };
}
