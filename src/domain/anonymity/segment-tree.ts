/** The organisation as a tree of segments (department → team …). The root stands for everyone. */
export const ORG_ROOT = 'org';

export interface SegmentNode {
  readonly id: string;
  /** null only for the root. */
  readonly parentId: string | null;
}

export interface SegmentTree {
  readonly root: string;
  children(id: string): readonly string[];
  parent(id: string): string | null;
  has(id: string): boolean;
  /** `id` and every segment below it. */
  subtree(id: string): string[];
}

/**
 * Builds a tree from flat nodes. Segments whose parent is missing hang under the root, so a
 * half-imported directory still reports at the org level. Cycles are refused.
 */
export function buildSegmentTree(nodes: readonly SegmentNode[], root: string = ORG_ROOT): SegmentTree {
  const parents = new Map<string, string | null>([[root, null]]);
  for (const node of nodes) {
    if (node.id === root) continue;
    parents.set(node.id, node.parentId ?? root);
  }
  for (const [id, parentId] of parents) {
    if (parentId !== null && !parents.has(parentId)) parents.set(id, root);
  }
  const kids = new Map<string, string[]>();
  for (const [id, parentId] of parents) {
    if (parentId === null) continue;
    const list = kids.get(parentId) ?? [];
    list.push(id);
    kids.set(parentId, list);
  }
  for (const id of parents.keys()) {
    const seen = new Set<string>();
    for (let at: string | null = id; at !== null; at = parents.get(at) ?? null) {
      if (seen.has(at)) throw new Error(`segment tree has a cycle through ${at}`);
      seen.add(at);
    }
  }
  const tree: SegmentTree = {
    root,
    children: (id) => kids.get(id) ?? [],
    parent: (id) => parents.get(id) ?? null,
    has: (id) => parents.has(id),
    subtree: (id) => [id, ...tree.children(id).flatMap((child) => tree.subtree(child))],
  };
  return tree;
}
