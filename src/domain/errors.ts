/**
 * Codes for the errors the core raises on purpose. Adapters map a code to a catalog message
 * for the user; the exception text is for logs and operators only.
 */
export const ERROR_CODES = [
  'INVALID_ANSWER',
  'INVALID_DEFINITION',
  'ROUND_CLOSED',
  'ROUND_NOT_FOUND',
  'NOT_INVITED',
  'ALREADY_ANSWERED',
  'UNKNOWN_QUESTION',
  'ANON_THRESHOLD',
  'NOT_AUTHORIZED',
  'UNKNOWN_PERSON',
  'UNKNOWN_SEGMENT',
  'UNKNOWN_SURVEY',
  'INVALID_INPUT',
  'EXIT_ALREADY_OPEN',
  'NO_PLATFORM',
  'SURVEY_EXISTS',
  'SURVEY_ARCHIVED',
  'UNKNOWN_EVENT',
  'UNKNOWN_COMMENT',
  'UNKNOWN_ACTION',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isDomainError(error: unknown, code?: ErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}

/** A definition (a survey document) with problems: every one, each at its JSON path with what to do. */
export class DefinitionError extends DomainError {
  constructor(readonly issues: readonly { readonly path: string; readonly message: string }[]) {
    super('INVALID_DEFINITION', `the definition has ${issues.length} problem(s): ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}
