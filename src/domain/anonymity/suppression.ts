import type { SegmentTree } from './segment-tree.js';

/**
 * Which segments may show a number, given each segment's count (respondents in it and in
 * everything below it) and the threshold `k`.
 *
 * 1. A segment below `k` is hidden, and so is everything below a hidden segment (a hidden
 *    segment must not be rebuilt by adding up its children).
 * 2. Subtraction: for every shown segment, what its shown children do not account for (people
 *    directly in it, plus hidden children) is either nothing or at least `k` people. Otherwise
 *    the smallest shown siblings are hidden too, until it is, so "department minus the teams
 *    you can see" never singles out a group under `k`.
 *
 * One top-down pass is enough: a segment's rule reads only its own count and its children's,
 * and hiding never un-hides anything.
 */
export function visibleSegments(tree: SegmentTree, counts: ReadonlyMap<string, number>, k: number): Set<string> {
  const visible = new Set<string>();
  const count = (id: string): number => counts.get(id) ?? 0;

  const visit = (id: string): void => {
    if (count(id) < k) return;
    visible.add(id);
    const shown = tree.children(id).filter((child) => count(child) >= k);
    const accounted = (list: readonly string[]): number => list.reduce((sum, child) => sum + count(child), 0);
    let unaccounted = count(id) - accounted(shown);
    shown.sort((a, b) => count(a) - count(b) || a.localeCompare(b));
    while (unaccounted > 0 && unaccounted < k && shown.length > 0) {
      const smallest = shown.shift() as string;
      unaccounted += count(smallest);
    }
    for (const child of shown) visit(child);
  };

  visit(tree.root);
  return visible;
}

/**
 * The segment a person's answers are filed under: their own segment when at least `k` people
 * of it were invited, else the nearest ancestor that reaches `k`, else the root. So the answer
 * side never names a segment too small to hide in.
 */
export function reportingSegment(tree: SegmentTree, segment: string | null, invitedBySubtree: ReadonlyMap<string, number>, k: number): string {
  let at: string | null = segment !== null && tree.has(segment) ? segment : tree.root;
  while (at !== null && at !== tree.root) {
    if ((invitedBySubtree.get(at) ?? 0) >= k) return at;
    at = tree.parent(at);
  }
  return tree.root;
}

/** Adds each segment's own count to all its ancestors', giving counts by subtree. */
export function rollUp(tree: SegmentTree, own: ReadonlyMap<string, number>): Map<string, number> {
  const total = new Map<string, number>();
  for (const [segment, n] of own) {
    for (let at: string | null = tree.has(segment) ? segment : tree.root; at !== null; at = tree.parent(at)) {
      total.set(at, (total.get(at) ?? 0) + n);
    }
  }
  return total;
}
