import type { ZodType } from 'zod';
import { DomainError } from '../domain/errors.js';

/** `value` as `schema` reads it, or INVALID_INPUT naming the first field that is wrong and why. */
export function checkedInput<T>(schema: ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const path = issue?.path.map(String).join('.') ?? '';
  throw new DomainError('INVALID_INPUT', `${path === '' ? '' : `${path}: `}${issue?.message ?? 'not valid'}`);
}
