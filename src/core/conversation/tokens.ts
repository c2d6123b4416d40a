import type { Token } from './intent.js';

/** Longer than any command: a message past this is not read as one (and nothing scans it). */
export const MAX_COMMAND_CHARS = 2_000;

/**
 * `local@domain.tld` without whitespace, in one pass over the word (a regex for this can
 * backtrack quadratically on a long word of dots without a final match).
 */
export function isEmailAddress(word: string): boolean {
  if (word.length > 320) return false;
  const at = word.indexOf('@');
  if (at <= 0 || at !== word.lastIndexOf('@') || /\s/.test(word)) return false;
  const domain = word.slice(at + 1);
  const dot = domain.indexOf('.');
  return dot > 0 && domain.lastIndexOf('.') < domain.length - 1;
}

/** The words of a typed command (a too-long message is one word no command matches). */
export function wordsOf(text: string): string[] {
  if (text.length > MAX_COMMAND_CHARS) return ['(too-long)'];
  return text
    .trim()
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** A word as a token: an e-mail address names a person (found in the asker's workspace or tenant). */
export function wordToken(word: string): Token {
  return isEmailAddress(word)
    ? { kind: 'person', person: { kind: 'email', email: word.toLowerCase(), shown: word.toLowerCase() } }
    : { kind: 'word', text: word };
}
