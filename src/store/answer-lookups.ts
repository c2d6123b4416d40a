import type { DeliveriesRepo } from './deliveries-repo.js';
import { deliveryId } from './deliveries-repo.js';
import type { DeliveryDoc, PersonDoc, PersonKey } from './documents/identity.js';
import type { PeopleRepo } from './people-repo.js';
import { TtlCache } from '../lib/ttl-cache.js';

/** What the answer path needs from a person's delivery: fixed when the prompt is made. */
export type Invitation = Pick<DeliveryDoc, 'reportingSegment' | 'locale' | 'expiresAt' | 'bound' | 'cut'>;

/**
 * How long a process reuses what it read. A person answers a prompt's questions within seconds
 * of each other, so one read serves them all; a minute bounds how long a change made elsewhere
 * (a new language in the directory) can go unseen here.
 */
export const LOOKUP_MS = 60_000;
const MAX_ENTRIES = 20_000;

/**
 * Reads the answer path repeats on every click, kept per process for LOOKUP_MS: the person's
 * delivery for a round (is it theirs, which segment, until when) and their language. Identity side:
 * this lives in memory only, next to the data it came from, and holds no answer.
 */
export class AnswerLookups {
  private readonly invitations = new TtlCache<string, Invitation>(LOOKUP_MS, MAX_ENTRIES);
  private readonly locales = new TtlCache<string, { locale: PersonDoc['locale'] }>(LOOKUP_MS, MAX_ENTRIES);

  constructor(
    private readonly deliveries: DeliveriesRepo,
    private readonly people: PeopleRepo,
  ) {}

  /**
   * The person's delivery of the round (null when it was not sent to them). Only a delivery without
   * its own expiry is kept: nothing the answer path reads from it changes while its round is open.
   * One with an expiry (an exit survey) is read every time, because HR can withdraw it at any
   * moment (cancelExitSurvey moves `expiresAt` to now) and it must then refuse the next answer.
   */
  async invitation(roundId: string, person: PersonKey): Promise<Invitation | null> {
    const id = deliveryId(roundId, person);
    const cached = this.invitations.get(id);
    if (cached !== undefined) return cached;
    const delivery = await this.deliveries.get(id);
    if (delivery === null) return null;
    const invitation: Invitation = {
      reportingSegment: delivery.reportingSegment,
      locale: delivery.locale,
      expiresAt: delivery.expiresAt,
      bound: delivery.bound,
      ...(delivery.cut === undefined ? {} : { cut: delivery.cut }),
    };
    // Kept once sent: until then `bound` may still change.
    if (invitation.expiresAt === null && delivery.state === 'sent') this.invitations.set(id, invitation);
    return invitation;
  }

  /** The person's language from the directory (null when unknown or unset). */
  async personLocale(person: PersonKey): Promise<PersonDoc['locale']> {
    const found = await this.locales.through(person, async () => {
      const doc = await this.people.get(person);
      return doc === null ? null : { locale: doc.locale };
    });
    return found?.locale ?? null;
  }
}
