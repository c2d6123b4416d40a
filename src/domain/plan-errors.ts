import { isDomainError } from './errors.js';
import type { MessageKey } from './i18n/en.js';

/** Which field of a plan form an error is about, and the catalog message that says what to do. */
export interface PlanFormError {
  readonly field: 'words' | 'due' | 'form';
  readonly key: MessageKey;
}

/** A committed or changed action's refusal, as every surface shows it; null for an error that is not the user's to fix. */
export function planFormError(error: unknown): PlanFormError | null {
  if (!isDomainError(error)) return null;
  switch (error.code) {
    case 'NOT_AUTHORIZED':
      return { field: 'form', key: 'plan.error.notAllowed' };
    case 'UNKNOWN_ACTION':
      return { field: 'form', key: 'plan.error.unknown' };
    case 'INVALID_INPUT':
      return error.message.startsWith('dueDate') ? { field: 'due', key: 'plan.error.due' } : { field: 'words', key: 'plan.error.words' };
    default:
      return null;
  }
}
