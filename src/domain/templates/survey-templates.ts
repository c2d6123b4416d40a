import type { DateTime } from 'luxon';
import { PULSE_DRIVERS } from '../drivers.js';
import type { EventTriggerInput } from '../events/event-trigger.js';
import type { LocalizedText, SurveyDocumentInput } from '../survey-document.js';

/**
 * The library HR starts a survey from (issue #17), each in en, nb and sv. A template is a survey
 * document without its id, name and dates: `fromTemplate` makes one, with HR's overrides on top.
 */
export interface SurveyTemplate {
  readonly id: string;
  readonly name: Required<LocalizedText>;
  readonly description: Required<LocalizedText>;
  /** The document, less what HR names and dates (`id`, `name`, the trigger's start or date). */
  readonly document: Omit<SurveyDocumentInput, 'id' | 'name' | 'trigger'> & { readonly trigger: TemplateTrigger };
}

type TemplateTrigger =
  | { readonly type: 'recurring'; readonly every: 'weekly' | 'biweekly' | 'monthly' | 'quarterly'; readonly weekday: number; readonly time: string }
  | { readonly type: 'once'; readonly time: string }
  | EventTriggerInput;

const text = (en: string, nb: string, sv: string): Required<LocalizedText> => ({ en, nb, sv });

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    id: 'engagement-pulse',
    name: text('Engagement pulse', 'Engasjementspuls', 'Engagemangspuls'),
    description: text(
      'A few rotating statements on the engagement drivers every week, eNPS every fourth round, and room for a comment: today’s default pulse.',
      'Noen få roterende påstander om engasjementsdriverne hver uke, eNPS hver fjerde runde og plass til en kommentar: dagens standardpuls.',
      'Några roterande påståenden om engagemangsdrivarna varje vecka, eNPS var fjärde omgång och plats för en kommentar: dagens standardpuls.',
    ),
    document: {
      trigger: { type: 'recurring', every: 'weekly', weekday: 1, time: '10:00' },
      questions: [{ rotate: { drivers: [...PULSE_DRIVERS], perRound: 4, enpsEvery: 4 } }, { builtin: 'comment' }],
      inSummary: true,
    },
  },
  {
    id: 'onboarding',
    name: text('Onboarding check-in', 'Onboarding: hvordan går det?', 'Introduktion: hur går det?'),
    description: text(
      'For people in their first months: do they have what they need, do they know who to ask, do they feel welcome.',
      'For nyansatte de første månedene: har de det de trenger, vet de hvem de kan spørre, føler de seg velkomne.',
      'För nyanställda de första månaderna: har de det de behöver, vet de vem de kan fråga, känner de sig välkomna.',
    ),
    document: {
      // Days 7, 30 and 90 after someone is first seen in Slack or Teams (or their import start date).
      trigger: { type: 'event', event: 'person.joined', delay: [{ days: 7 }, { days: 30 }, { days: 90 }], time: '10:00', expiresAfterDays: 7 },
      reminderDays: [3],
      questions: [
        {
          id: 'onboarding-tools',
          type: 'agreement',
          text: text(
            'I have the tools, access and information I need to do my job.',
            'Jeg har verktøyene, tilgangene og informasjonen jeg trenger for å gjøre jobben min.',
            'Jag har de verktyg, behörigheter och den information jag behöver för att göra mitt jobb.',
          ),
          followUp: { atOrBelow: 2, text: text('What is still missing?', 'Hva mangler fortsatt?', 'Vad saknas fortfarande?') },
        },
        {
          id: 'onboarding-ask',
          type: 'agreement',
          text: text('I know who to ask when I am stuck.', 'Jeg vet hvem jeg kan spørre når jeg står fast.', 'Jag vet vem jag kan fråga när jag kör fast.'),
        },
        {
          id: 'onboarding-role',
          type: 'agreement',
          text: text(
            'My role is what I expected when I said yes to the job.',
            'Rollen min er slik jeg forventet da jeg takket ja til jobben.',
            'Min roll är som jag förväntade mig när jag tackade ja till jobbet.',
          ),
        },
        {
          id: 'onboarding-welcome',
          type: 'agreement',
          text: text('I feel welcome on my team.', 'Jeg føler meg velkommen på teamet mitt.', 'Jag känner mig välkommen i mitt team.'),
        },
        {
          id: 'onboarding-easier',
          type: 'text',
          text: text(
            'What would have made your first weeks easier?',
            'Hva ville gjort de første ukene dine enklere?',
            'Vad skulle ha gjort dina första veckor enklare?',
          ),
        },
      ],
    },
  },
  {
    id: 'manager-effectiveness',
    name: text('Manager effectiveness', 'Lederskap i praksis', 'Ledarskap i praktiken'),
    description: text(
      'Once a quarter, how people experience their manager: feedback, care, trust, safety and help with priorities.',
      'Hvert kvartal: hvordan folk opplever lederen sin, med tilbakemeldinger, omsorg, tillit, trygghet og hjelp til å prioritere.',
      'Varje kvartal: hur medarbetarna upplever sin chef, med återkoppling, omtanke, förtroende, trygghet och hjälp att prioritera.',
    ),
    document: {
      trigger: { type: 'recurring', every: 'quarterly', weekday: 2, time: '10:00' },
      openDays: 7,
      reminderDays: [3, 6],
      questions: [
        { builtin: 'management-1' },
        { builtin: 'management-2' },
        { builtin: 'management-3' },
        { builtin: 'management-4' },
        { builtin: 'management-5' },
        {
          id: 'manager-one-thing',
          type: 'text',
          text: text(
            'What is one thing your manager could do differently?',
            'Hva er én ting lederen din kunne gjort annerledes?',
            'Vad är en sak din chef skulle kunna göra annorlunda?',
          ),
        },
      ],
    },
  },
  {
    id: 'wellbeing',
    name: text('Wellbeing', 'Trivsel og helse', 'Välmående'),
    description: text(
      'Once a month: energy, balance, recovery and workload, with a question on how the week felt.',
      'Én gang i måneden: energi, balanse, restitusjon og arbeidsmengde, med et spørsmål om hvordan uken har vært.',
      'En gång i månaden: energi, balans, återhämtning och arbetsbelastning, med en fråga om hur veckan har känts.',
    ),
    document: {
      trigger: { type: 'recurring', every: 'monthly', weekday: 3, time: '10:00' },
      questions: [
        {
          id: 'wellbeing-week',
          type: 'scale',
          text: text('How was your week, all things considered?', 'Alt i alt, hvordan har uken din vært?', 'Allt som allt, hur har din vecka varit?'),
          low: text('Very hard', 'Veldig tung', 'Mycket tung'),
          high: text('Very good', 'Veldig god', 'Mycket bra'),
          followUp: {
            atOrBelow: 4,
            text: text('What made it hard? (optional)', 'Hva gjorde den tung? (valgfritt)', 'Vad gjorde den tung? (valfritt)'),
          },
        },
        { builtin: 'wellness-1' },
        { builtin: 'wellness-3' },
        { builtin: 'wellness-4' },
        { builtin: 'workload-1' },
        { builtin: 'comment' },
      ],
    },
  },
  {
    id: 'new-manager',
    name: text('New manager pulse', 'Ny leder: hvordan går det?', 'Ny chef: hur går det?'),
    description: text(
      'Thirty days after someone gets a new manager: a few questions on how the start together is going.',
      'Tretti dager etter at noen har fått ny leder: noen spørsmål om hvordan starten sammen går.',
      'Trettio dagar efter att någon fått en ny chef: några frågor om hur starten tillsammans går.',
    ),
    document: {
      // Raised when the people import (or PUT /api/v1/people) gives someone a different manager.
      trigger: { type: 'event', event: 'person.manager_changed', delay: { days: 30 }, time: '10:00', expiresAfterDays: 7 },
      reminderDays: [3],
      questions: [
        { builtin: 'management-1' },
        { builtin: 'management-3' },
        {
          id: 'new-manager-expectations',
          type: 'agreement',
          text: text(
            'I know what my new manager expects of me.',
            'Jeg vet hva den nye lederen min forventer av meg.',
            'Jag vet vad min nya chef förväntar sig av mig.',
          ),
        },
        {
          id: 'new-manager-comment',
          type: 'text',
          text: text(
            'Anything that would help you and your new manager work well together?',
            'Er det noe som ville hjulpet deg og den nye lederen din å jobbe godt sammen?',
            'Finns det något som skulle hjälpa dig och din nya chef att arbeta bra tillsammans?',
          ),
        },
      ],
    },
  },
  {
    id: 'service-experience',
    name: text('Internal service experience', 'Opplevelse av intern service', 'Upplevelse av intern service'),
    description: text(
      'One or two questions after an IT or HR ticket is closed: how satisfied, and was it solved.',
      'Ett eller to spørsmål etter at en IT- eller HR-sak er lukket: hvor fornøyd, og ble det løst.',
      'En eller två frågor efter att ett IT- eller HR-ärende har stängts: hur nöjd, och blev det löst.',
    ),
    document: {
      // The worked example in the README: the service desk reports `ticket.resolved`.
      trigger: { type: 'event', event: 'ticket.resolved', delay: { workingDays: 0 }, time: '10:00', expiresAfterDays: 3 },
      reminderDays: [],
      questions: [
        {
          id: 'service-satisfaction',
          type: 'scale',
          text: text('How satisfied are you with the help you got?', 'Hvor fornøyd er du med hjelpen du fikk?', 'Hur nöjd är du med hjälpen du fick?'),
          low: text('Not at all', 'Ikke i det hele tatt', 'Inte alls'),
          high: text('Completely', 'Helt', 'Helt och hållet'),
          followUp: { atOrBelow: 6, text: text('What could we have done better?', 'Hva kunne vi gjort bedre?', 'Vad kunde vi ha gjort bättre?') },
        },
        { id: 'service-resolved', type: 'yesno', text: text('Was your issue solved?', 'Ble saken din løst?', 'Blev ditt ärende löst?') },
      ],
    },
  },
];

export function surveyTemplate(id: string): SurveyTemplate | undefined {
  return SURVEY_TEMPLATES.find((template) => template.id === id);
}

/**
 * A survey document from a template: HR's `overrides` on top (its `id`, a `name`, a `trigger`…).
 * Without a trigger of their own, a recurring template starts `today` and a one-off runs `today`.
 */
export function fromTemplate(template: SurveyTemplate, overrides: Record<string, unknown>, today: DateTime): Record<string, unknown> {
  const locale =
    typeof overrides.defaultLocale === 'string' && ['en', 'nb', 'sv'].includes(overrides.defaultLocale)
      ? (overrides.defaultLocale as 'en' | 'nb' | 'sv')
      : 'en';
  const date = today.toISODate() ?? '';
  const base = template.document.trigger;
  const trigger = base.type === 'recurring' ? { ...base, startDate: date } : base.type === 'once' ? { ...base, date } : base;
  return { ...template.document, name: template.name[locale], trigger, ...overrides };
}
