import { resolveLocale } from '../domain/i18n/locale.js';
import type { Recipient } from '../ports/chat-platform.js';
import type { DeliveryDoc, PersonDoc } from '../store/documents/identity.js';
import type { ServiceDeps } from './deps.js';

/** Who a delivery's messages go to, in the language chosen for it or else the person's own. */
export function recipientOf(deps: ServiceDeps, person: PersonDoc, delivery: Pick<DeliveryDoc, 'locale'>): Recipient {
  return {
    platform: person.platform,
    tenant: person.tenant,
    userId: person.userId,
    locale: delivery.locale ?? resolveLocale(person.locale, deps.settings.defaultLocale),
  };
}
