/** An Adaptive Card's Action.Execute, anywhere in a card (or an invoke's response). */
export interface CardAction {
  readonly type: string;
  readonly verb: string;
  readonly data: Record<string, unknown>;
}

/** Every Action.Execute in `value`, in document order. */
export function actionsIn(value: unknown): CardAction[] {
  const out: CardAction[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'Action.Execute' && typeof record.verb === 'string') out.push(record as unknown as CardAction);
      Object.values(record).forEach(walk);
    }
  };
  walk(value);
  return out;
}
