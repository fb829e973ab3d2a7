import type { Channel, ScenarioDto, ScenarioInput, ScenarioStepDto } from '../../api/types';
import type { UiLanguage } from '../../lib/format';
import { LETTER_TYPES } from '../letters/letter-lists';

/** The placeholders the API accepts in templates (@amiable/recovery's PLACEHOLDERS); any other is refused. */
export const PLACEHOLDERS = [
  'debtorName',
  'creditorName',
  'invoiceList',
  'totalDue',
  'oldestDueDate',
  'penaltiesNotice',
  'signature',
] as const;

export const TEMPLATE_LOCALES = ['fr', 'en'] as const;
/** The letter types a step may name. */
export const STEP_LETTER_TYPES: readonly NonNullable<ScenarioStepDto['letter']>[] = LETTER_TYPES;
/** The channels whose step may name a letter (docs/letters.md). */
export const LETTER_CHANNELS: readonly Channel[] = ['email', 'letter', 'registered-letter'];
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];
export type StepDebtorKind = 'business' | 'consumer';
export const STEP_DEBTOR_KINDS: readonly StepDebtorKind[] = ['business', 'consumer'];

export interface StepForm {
  /** Local identity: the step's id is editable, React and the error mapping need something stable. */
  readonly key: string;
  readonly id: string;
  readonly offsetDays: string;
  readonly channel: Channel;
  readonly requiresApproval: boolean;
  /** The letter the step sends ('' = none for an e-mail, the channel's default for a letter). */
  readonly letter: string;
  readonly minOutstanding: string;
  readonly debtorKinds: readonly StepDebtorKind[];
  readonly templates: Record<TemplateLocale, { readonly subject: string; readonly body: string }>;
}

export interface ScenarioForm {
  readonly name: string;
  readonly description: string;
  readonly isDefault: boolean;
  readonly steps: readonly StepForm[];
}

/** A local problem found before sending, per step key and field. */
export type StepProblems = Readonly<Record<string, Partial<Record<'offsetDays' | 'minOutstanding', 'invalidOffset' | 'invalidAmount'>>>>;

let counter = 0;
const nextKey = () => `step-${++counter}`;

const amountText = (language: UiLanguage, amount: string | null | undefined) =>
  amount ? (language === 'fr' ? amount.replace('.', ',') : amount) : '';

function stepFormOf(step: ScenarioStepDto, language: UiLanguage): StepForm {
  return {
    key: nextKey(),
    id: step.id,
    offsetDays: String(step.offsetDays),
    channel: step.channel,
    requiresApproval: step.requiresApproval === true,
    letter: step.letter ?? '',
    minOutstanding: amountText(language, step.minOutstanding),
    debtorKinds: step.debtorKinds ?? [],
    templates: {
      fr: { subject: step.templates.fr?.subject ?? '', body: step.templates.fr?.body ?? '' },
      en: { subject: step.templates.en?.subject ?? '', body: step.templates.en?.body ?? '' },
    },
  };
}

export function scenarioFormOf(scenario: ScenarioDto | null, language: UiLanguage): ScenarioForm {
  if (!scenario) return { name: '', description: '', isDefault: false, steps: [newStep([])] };
  return {
    name: scenario.name,
    description: scenario.description ?? '',
    isDefault: scenario.isDefault,
    steps: scenario.steps.map((step) => stepFormOf(step, language)),
  };
}

const offsetOf = (step: StepForm) => (/^-?\d+$/.test(step.offsetDays.trim()) ? Number(step.offsetDays) : null);

/** A new e-mail step a week after the last one, with an id not taken yet. */
export function newStep(steps: readonly StepForm[]): StepForm {
  const offsets = steps.map(offsetOf).filter((offset): offset is number => offset !== null);
  const taken = new Set(steps.map((step) => step.id));
  let n = steps.length + 1;
  while (taken.has(`step-${n}`)) n++;
  return {
    key: nextKey(),
    id: `step-${n}`,
    offsetDays: String(offsets.length > 0 ? Math.max(...offsets) + 7 : 0),
    channel: 'email',
    requiresApproval: false,
    letter: '',
    minOutstanding: '',
    debtorKinds: [],
    templates: { fr: { subject: '', body: '' }, en: { subject: '', body: '' } },
  };
}

/** The steps by offset (a stable sort; an offset not yet readable goes last): the timeline's and the saved order. */
export function sortedByOffset(steps: readonly StepForm[]): StepForm[] {
  return steps
    .map((step, index) => ({ step, index, offset: offsetOf(step) }))
    .sort((a, b) => (a.offset ?? Number.POSITIVE_INFINITY) - (b.offset ?? Number.POSITIVE_INFINITY) || a.index - b.index)
    .map((entry) => entry.step);
}

/**
 * The PUT/POST body, steps in offset order, with the step key at each index of the body (to put the
 * API's "steps[2].templates.fr.subject" next to the right input); or the local problems.
 */
export function scenarioBody(
  form: ScenarioForm,
  parseAmount: (text: string) => string | null,
): { body: ScenarioInput; keys: string[] } | { problems: StepProblems } {
  const problems: Record<string, Partial<Record<'offsetDays' | 'minOutstanding', 'invalidOffset' | 'invalidAmount'>>> = {};
  const sorted = sortedByOffset(form.steps);
  const steps = sorted.map((step): ScenarioStepDto => {
    const offset = offsetOf(step);
    if (offset === null) problems[step.key] = { ...problems[step.key], offsetDays: 'invalidOffset' };
    let minOutstanding: string | null = null;
    if (step.minOutstanding.trim()) {
      minOutstanding = parseAmount(step.minOutstanding);
      if (minOutstanding === null) problems[step.key] = { ...problems[step.key], minOutstanding: 'invalidAmount' };
    }
    const templates: ScenarioStepDto['templates'] = {};
    for (const locale of TEMPLATE_LOCALES) {
      const { subject, body } = step.templates[locale];
      // A language left empty is left out; half-filled, it is sent for the API to name the missing part.
      if (subject.trim() || body.trim()) templates[locale] = { subject: subject.trim(), body: body.trim() };
    }
    return {
      id: step.id.trim(),
      offsetDays: offset ?? 0,
      channel: step.channel,
      requiresApproval: step.requiresApproval,
      // A letter only means something on the channels that send one.
      letter: LETTER_CHANNELS.includes(step.channel) && step.letter ? (step.letter as ScenarioStepDto['letter']) : null,
      minOutstanding,
      debtorKinds: [...step.debtorKinds],
      templates,
    };
  });
  if (Object.keys(problems).length > 0) return { problems };
  const description = form.description.trim();
  return {
    body: { name: form.name.trim(), description: description || null, isDefault: form.isDefault, steps },
    keys: sorted.map((step) => step.key),
  };
}
