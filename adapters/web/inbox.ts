import type { RepliesLink } from '../cards/replies-card.js';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { FollowUpState } from '../../src/domain/follow-up-state.js';
import type { Locale } from '../../src/domain/i18n/locale.js';
import type { SurveyPrompt } from '../../src/ports/chat-platform.js';

/** A survey prompt in someone's web chat. The card is rebuilt from it on every read. */
export interface PromptEntry {
  readonly roundId: string;
  readonly surveyKind: SurveyPrompt['surveyKind'];
  /** The prompt's random token: like a Teams card's button data, it lives only in the chat. */
  readonly token: string;
  readonly locale: Locale;
  closed: boolean;
  /** The follow-ups this prompt shows, held in the chat as a Teams card holds them in its data (never stored). */
  followUps?: FollowUpState;
}

export interface ChatEntry {
  readonly id: string;
  readonly from: 'bot' | 'me';
  /** ISO time from the app's clock. */
  readonly at: string;
  readonly text?: string;
  readonly prompt?: PromptEntry;
  /** A written comment's replies control (issue #19): the prompt's link, held in the chat like the prompt's token. */
  readonly replies?: { readonly link: RepliesLink; readonly locale: Locale };
  /** A chart (a weekly summary's), as a data: URL, with its text alternative. */
  readonly image?: { readonly src: string; readonly alt: string };
}

const MAX_PER_PERSON = 200;

/**
 * The web chats, in memory only: a restart empties them (the answers are in the database; a
 * prompt's token never is). Emits `changed` with the person's key on every change.
 */
export class Inbox extends EventEmitter {
  private readonly chats = new Map<string, ChatEntry[]>();

  list(person: string): readonly ChatEntry[] {
    return this.chats.get(person) ?? [];
  }

  add(person: string, entry: Omit<ChatEntry, 'id'>): string {
    const id = randomUUID();
    const chat = this.chats.get(person) ?? [];
    chat.push({ id, ...entry });
    if (chat.length > MAX_PER_PERSON) chat.splice(0, chat.length - MAX_PER_PERSON);
    this.chats.set(person, chat);
    this.emit('changed', person);
    return id;
  }

  get(person: string, id: string): ChatEntry | undefined {
    return this.list(person).find((entry) => entry.id === id);
  }

  findPrompt(person: string, roundId: string): ChatEntry | undefined {
    return this.list(person).find((entry) => entry.prompt?.roundId === roundId);
  }

  touch(person: string): void {
    this.emit('changed', person);
  }
}
