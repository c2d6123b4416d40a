import { z } from 'zod';
import { followUpId, followUpParent } from '../../src/domain/question.js';
import type { FollowUpState } from '../../src/domain/follow-up-state.js';
import { shownAnswered } from './prompt-state.js';

/**
 * The follow-ups a prompt message shows, read from the message itself (the blocks Slack sends
 * back with a click); see src/domain/follow-up-state.ts.
 */

/** The blocks of a message as a click carries them (only their ids are read). */
export const messageBlocksSchema = z.array(z.object({ block_id: z.string().optional() }).loose()).max(100);

export function followUpsIn(
  blocks: readonly { block_id?: string | undefined }[] | undefined,
  answeredShown: ReadonlySet<string> | null = shownAnswered(blocks),
): FollowUpState {
  const shown = new Set<string>();
  for (const block of blocks ?? []) {
    const parent = followUpParent(/^q:(.+):text$/.exec(block.block_id ?? '')?.[1] ?? '');
    if (parent !== null) shown.add(parent);
  }
  // Answered as any question is: its text still there, its inputs gone (prompt-state.ts).
  return { shown, answered: new Set([...shown].map(followUpId).filter((id) => answeredShown?.has(id) === true)) };
}
