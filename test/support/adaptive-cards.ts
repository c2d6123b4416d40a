/** The official Adaptive Cards SDK (its UMD build), to check every card the bot sends parses at 1.5. */
import { createRequire } from 'node:module';

interface AdaptiveCardsSdk {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(i: number): { message: string } };
  Versions: { v1_5: unknown };
}
const sdk = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsSdk;

/** Every parse event and validation event the SDK reports for `card` at version 1.5 (none is the goal). */
export function cardProblems(card: unknown): string[] {
  const parsed = new sdk.AdaptiveCard();
  const context = new sdk.SerializationContext(sdk.Versions.v1_5);
  parsed.parse(card, context);
  const events = Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  return [...events, ...parsed.validateProperties().validationEvents.map((e) => e.message)];
}
