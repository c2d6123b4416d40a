import type { RawAnswer } from '../../domain/answer.js';
import type { Question } from '../../domain/question.js';
import { DEMO_COMMENTS } from './demo-org.js';

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));

/** A plausible demo answer to `question` from someone of the given mood (about -1 to 1). */
export function answerFor(question: Question, mood: number, random: () => number): RawAnswer | null {
  switch (question.kind) {
    case 'scale':
      return String(clamp(7 + mood * 1.5 + (random() - 0.5) * 6, 0, 10));
    case 'likert':
      return String(clamp(3.6 + mood * 0.6 + (random() - 0.5) * 3, 1, 5));
    case 'choice':
      return question.options[Math.floor(random() * question.options.length)]?.value ?? null;
    case 'multi':
      return question.options.filter(() => random() < 0.3).map((o) => o.value);
    case 'text':
      return random() < 0.25 ? (DEMO_COMMENTS[Math.floor(random() * DEMO_COMMENTS.length)] ?? null) : null;
  }
}
