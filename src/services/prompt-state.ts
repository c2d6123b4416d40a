import { resolveLocale, type Locale } from '../domain/i18n/locale.js';
import type { Question } from '../domain/question.js';
import { questionsFor, roundQuestions } from './round-questions.js';
import type { SurveyPrompt } from '../ports/chat-platform.js';
import type { PersonKey } from '../store/documents/identity.js';
import type { ServiceDeps } from './deps.js';

/**
 * A prompt as its person should see it now: what to draw (the survey, its questions, its privacy
 * note's k), whether it still takes answers, and which questions the ledger says this person
 * answered (never the values). Renderers (Block Kit, Adaptive Cards) draw it; nothing about the
 * message itself is stored.
 */
export interface PromptState {
  readonly prompt: SurveyPrompt;
  readonly open: boolean;
  readonly answered: ReadonlySet<string>;
}

/** One question of a round (read through the answer path's cache), or undefined for an unknown round or question. */
export async function promptQuestion(deps: ServiceDeps, roundId: string, questionId: string): Promise<Question | undefined> {
  const round = await deps.store.rounds.getCached(roundId);
  return round === null ? undefined : roundQuestions(round).find((q) => q.id === questionId);
}

export interface PromptStateOptions {
  /** Read the round itself, not the answer path's short cache (a playground that just moved its clock past the close). */
  readonly fresh?: boolean;
  /**
   * The questions the message the person clicked already shows answered (Slack sends the message
   * with every click). Given, the ledger is not read: the prompt shows those, and those this
   * process knows were answered (it wrote or read them), which include the click being answered.
   */
  readonly shownAnswered?: ReadonlySet<string> | null;
}

/**
 * The prompt of `roundId` for `person`, rebuilt from the round and the token and tag in the
 * message they used (the caller has checked the tag is theirs); null when the round is gone.
 */
export async function promptState(
  deps: ServiceDeps,
  roundId: string,
  person: PersonKey,
  token: string,
  binding: string,
  options: PromptStateOptions = {},
): Promise<PromptState | null> {
  const round = options.fresh === true ? await deps.store.rounds.get(roundId) : await deps.store.rounds.getCached(roundId);
  if (round === null) return null;
  // A round with questions for some groups only (action follow-ups) draws the person's own set.
  const invitation = round.questionScopes === undefined ? null : await deps.store.lookups.invitation(round._id, person);
  const questions = invitation === null ? roundQuestions(round) : questionsFor(round, invitation.reportingSegment);
  const prompt: SurveyPrompt = {
    roundId: round._id,
    surveyKind: round.kind,
    surveyName: round.surveyName,
    questions,
    responseToken: token,
    binding,
    minGroupSize: round.anonymity.minGroupSize,
    orgName: deps.settings.orgName,
  };
  const open = round.state === 'open' && deps.clock.now().toJSDate() < round.closesAt;
  if (!open) return { prompt, open, answered: new Set() };
  const ids = questions.map((q) => q.id);
  const shown = options.shownAnswered;
  const answered =
    shown === undefined || shown === null
      ? await deps.store.ledger.answeredQuestions(round._id, person, ids)
      : new Set([...ids.filter((id) => shown.has(id)), ...deps.store.ledger.knownAnswered(round._id, person, ids)]);
  return { prompt, open, answered };
}

/** The language a prompt was sent in (an exit survey in a language HR chose), else the person's, else `fallback`, else the default. */
export async function promptLocale(deps: ServiceDeps, roundId: string, person: PersonKey, fallback?: string | null): Promise<Locale> {
  const { lookups } = deps.store;
  const invitation = await lookups.invitation(roundId, person);
  return invitation?.locale ?? resolveLocale((await lookups.personLocale(person)) ?? fallback ?? null, deps.settings.defaultLocale);
}
