import { z } from 'zod';
import { followUpId, followUpParent } from '../../src/domain/question.js';
import type { FollowUpState } from '../../src/domain/follow-up-state.js';
import { questionBlockPrefix } from './prompt-blocks.js';

/**
 * The follow-ups a prompt message shows, read from the message itself (the blocks Slack sends
 * back with a click); see src/domain/follow-up-state.ts.
 */

/** The blocks of a message as a click carries them (only their ids are read). */
export const messageBlocksSchema = z.array(z.object({ block_id: z.string().optional() }).loose()).max(100);

export function followUpsIn(blocks: readonly { block_id?: string | undefined }[] | undefined): FollowUpState {
  const ids = new Set((blocks ?? []).map((b) => b.block_id ?? ''));
  const shown = new Set<string>();
  const answered = new Set<string>();
  for (const id of ids) {
    const match = /^q:(.+):text$/.exec(id);
    const parent = match?.[1] === undefined ? null : followUpParent(match[1]);
    if (parent === null) continue;
    shown.add(parent);
    if (!ids.has(`${questionBlockPrefix(followUpId(parent))}a`)) answered.add(followUpId(parent));
  }
  return { shown, answered };
}
