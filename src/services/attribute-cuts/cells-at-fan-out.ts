import { attributeValues, type PersonAttributes } from '../../domain/people/attributes.js';
import { OTHER_VALUE, SEP, type CellsDoc } from './cuts-docs.js';

/**
 * What cutting a round's results by attribute will need (issue #20): each invited person's
 * attribute values (which their prompt carries until the round closes), and, from the stored
 * deliveries once the fan-out is done, the (reporting group, values…) combinations that hold someone. Values invited by fewer than `k`
 * people are folded into OTHER_VALUE in the stored document, so nothing stored after the close
 * names a value too small to hide in.
 */
export class CellsTally {
  private readonly invited: Map<string, number>[];
  private readonly combos = new Map<string, { segment: string; values: readonly string[] }>();

  readonly attributes: readonly string[];

  constructor(
    attributes: readonly string[],
    private readonly roundDate: string,
  ) {
    // A name listed twice would count each answer twice.
    this.attributes = [...new Set(attributes)];
    this.invited = this.attributes.map(() => new Map<string, number>());
  }

  /** The values a person's prompt carries (in `attributes`' order, '' for none). */
  valuesOf(person: PersonAttributes | undefined): string[] {
    return attributeValues(this.attributes, person, this.roundDate);
  }

  add(segment: string, values: readonly string[]): void {
    values.forEach((value, i) => {
      const invited = this.invited[i];
      if (value !== '' && invited !== undefined) invited.set(value, (invited.get(value) ?? 0) + 1);
    });
    this.combos.set([segment, ...values].join(SEP), { segment, values });
  }

  /** The round's `attribute_cells` document, small values folded at `k`. */
  doc(roundId: string, k: number): CellsDoc {
    const kept = this.attributes.map((_, i) => new Set([...(this.invited[i] ?? new Map<string, number>())].filter(([, n]) => n >= k).map(([v]) => v)));
    const fold = (i: number, value: string): string => (value === '' || kept[i]?.has(value) === true ? value : OTHER_VALUE);
    const combos = new Set([...this.combos.values()].map(({ segment, values }) => [segment, ...values.map((v, i) => fold(i, v))].join(SEP)));
    return {
      _id: roundId,
      attributes: [...this.attributes],
      kept: this.attributes.flatMap((attribute, i) => [...(kept[i] ?? [])].sort().map((value) => `${attribute}${SEP}${value}`)),
      combos: [...combos].sort(),
    };
  }
}
