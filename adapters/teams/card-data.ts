import { z } from 'zod';

export const ANSWER_VERB = 'pulse.answer';
export const REFRESH_VERB = 'pulse.refresh';

/**
 * What every card action carries: the round and the prompt's random token (never stored by us).
 * The question's input value comes back next to it under `a-<question id>`.
 */
export interface CardLink {
  readonly r: string;
  readonly t: string;
}

export const inputId = (questionId: string) => `a-${questionId}`;

const linkSchema = z.object({ r: z.string().min(1).max(120), t: z.uuid() });
const answerSchema = linkSchema.extend({ q: z.string().regex(/^[a-z0-9-]{1,64}$/) });

export type AnswerData = z.infer<typeof answerSchema> & { readonly raw: string | undefined };

/** Reads an answer action's data; null for anything malformed or forged-looking. */
export function parseAnswerData(data: unknown): AnswerData | null {
  const parsed = answerSchema.safeParse(data);
  if (!parsed.success) return null;
  const raw = (data as Record<string, unknown>)[inputId(parsed.data.q)];
  if (raw !== undefined && (typeof raw !== 'string' || raw.length > 4000)) return null;
  return { ...parsed.data, raw };
}

export function parseLink(data: unknown): CardLink | null {
  const parsed = linkSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
