import { classifyComment } from '../../domain/insight/classify-comment.js';
import { localeSchema } from '../../domain/i18n/locale.js';
import type { Output } from '../output.js';
import { UsageError } from '../usage.js';

/**
 * `comments classify --lang en|nb|sv`: one comment per line on standard input, one JSON line per
 * comment on standard output (`{"theme": …, "sentiment": …}`), computed here (issue #20). Needs no
 * database and sends nothing anywhere.
 */
export async function commentsCommand(sub: string | undefined, lang: string | undefined, input: AsyncIterable<string>, io: Output): Promise<void> {
  if (sub !== 'classify') throw new UsageError('use `comments classify --lang en|nb|sv` with one comment per line on standard input');
  const locale = localeSchema.safeParse(lang);
  if (!locale.success) throw new UsageError(`comments classify: --lang must be en, nb or sv${lang === undefined ? '' : `, not "${lang}"`}`);
  let pending = '';
  const emit = (line: string) => io.out(JSON.stringify(classifyComment(line, locale.data)));
  for await (const chunk of input) {
    pending += chunk;
    const lines = pending.split(/\r?\n/);
    pending = lines.pop() ?? '';
    lines.forEach(emit);
  }
  if (pending !== '') emit(pending);
}
