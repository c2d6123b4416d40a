import { describe, expect, it } from 'vitest';
import { FreshDeliveries, type FreshDelivery } from '../../src/services/fresh-deliveries.js';
import type { DeliveryDoc, PersonDoc } from '../../src/store/documents/identity.js';

const delivery = (n: number): FreshDelivery => ({
  delivery: { _id: `pulse:2026-11-23|slack:T1:U${n}`, roundId: 'pulse:2026-11-23', personKey: `slack:T1:U${n}`, state: 'pending', attempts: 0 } as DeliveryDoc,
  person: { _id: `slack:T1:U${n}`, active: true } as PersonDoc,
});

async function take(stream: AsyncIterable<FreshDelivery>, count: number): Promise<string[]> {
  const ids: string[] = [];
  for await (const d of stream) {
    ids.push(d.delivery.personKey);
    if (ids.length === count) break;
  }
  return ids;
}

describe('deliveries handed from a fan-out to the sender', () => {
  it('streams what is offered, in order, waits while a fan-out is still writing, and ends when it closes', async () => {
    const fresh = new FreshDeliveries();
    const feed = fresh.open();
    feed.offer([delivery(1), delivery(2)]);
    const seen: string[] = [];
    const done = (async () => {
      for await (const d of fresh.stream()) seen.push(d.delivery.personKey);
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual(['slack:T1:U1', 'slack:T1:U2']);
    feed.offer([delivery(3)]);
    feed.close();
    await done;
    expect(seen).toEqual(['slack:T1:U1', 'slack:T1:U2', 'slack:T1:U3']);
    expect(fresh.active).toBe(false);
  });

  it('stays open until every fan-out writing at once has closed', async () => {
    const fresh = new FreshDeliveries();
    const a = fresh.open();
    const b = fresh.open();
    a.offer([delivery(1)]);
    a.close();
    let ended = false;
    const done = (async () => {
      for await (const d of fresh.stream()) void d;
      ended = true;
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(ended).toBe(false);
    expect(fresh.active).toBe(true);
    b.offer([delivery(2)]);
    b.close();
    await done;
    expect(ended).toBe(true);
  });

  it('keeps at most its bound waiting: the rest are left for the query', async () => {
    const fresh = new FreshDeliveries(3);
    const feed = fresh.open();
    feed.offer([delivery(1), delivery(2)]);
    feed.offer([delivery(3), delivery(4), delivery(5)]);
    feed.close();
    expect(await take(fresh.stream(), 10)).toEqual(['slack:T1:U1', 'slack:T1:U2', 'slack:T1:U3']);
  });

  it('ends at once on shutdown, even while a fan-out is writing', async () => {
    const fresh = new FreshDeliveries();
    fresh.open().offer([delivery(1)]);
    const stop = new AbortController();
    const seen: string[] = [];
    const done = (async () => {
      for await (const d of fresh.stream(stop.signal)) seen.push(d.delivery.personKey);
    })();
    await new Promise((resolve) => setTimeout(resolve, 10));
    stop.abort();
    await done;
    expect(seen).toEqual(['slack:T1:U1']);
  });

  it('ignores offers after a feed is closed', async () => {
    const fresh = new FreshDeliveries();
    const feed = fresh.open();
    feed.close();
    feed.offer([delivery(1)]);
    expect(fresh.active).toBe(false);
    expect(await take(fresh.stream(), 1)).toEqual([]);
  });
});
