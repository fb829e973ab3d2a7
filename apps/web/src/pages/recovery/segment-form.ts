import type { SegmentRuleDto } from '../../api/types';
import type { UiLanguage } from '../../lib/format';

export interface RuleForm {
  readonly key: string;
  readonly name: string;
  readonly scenarioId: string;
  readonly debtorKind: '' | 'business' | 'consumer';
  readonly minOutstanding: string;
  readonly maxOutstanding: string;
  readonly minOldestDaysOverdue: string;
  readonly tag: string;
  readonly minAverageDaysLate: string;
}

export type RuleTextField = 'name' | 'minOutstanding' | 'maxOutstanding' | 'minOldestDaysOverdue' | 'tag' | 'minAverageDaysLate';
export type RuleProblem = 'invalidAmount' | 'invalidDays';
export type RuleProblems = Readonly<Record<string, Partial<Record<RuleTextField, RuleProblem>>>>;

let counter = 0;
const nextKey = () => `rule-${++counter}`;
const amountText = (language: UiLanguage, amount: string | null | undefined) =>
  amount ? (language === 'fr' ? amount.replace('.', ',') : amount) : '';
const daysText = (days: number | null | undefined) => (days === null || days === undefined ? '' : String(days));

export function ruleFormOf(rule: SegmentRuleDto, language: UiLanguage): RuleForm {
  return {
    key: nextKey(),
    name: rule.name,
    scenarioId: rule.scenarioId,
    debtorKind: rule.debtorKind ?? '',
    minOutstanding: amountText(language, rule.minOutstanding),
    maxOutstanding: amountText(language, rule.maxOutstanding),
    minOldestDaysOverdue: daysText(rule.minOldestDaysOverdue),
    tag: rule.tag ?? '',
    minAverageDaysLate: daysText(rule.minAverageDaysLate),
  };
}

export function newRule(scenarioId: string): RuleForm {
  return {
    key: nextKey(),
    name: '',
    scenarioId,
    debtorKind: '',
    minOutstanding: '',
    maxOutstanding: '',
    minOldestDaysOverdue: '',
    tag: '',
    minAverageDaysLate: '',
  };
}

/** Moves the rule at `index` by `delta` places (first match wins: the order matters). */
export function moveRule(rules: readonly RuleForm[], index: number, delta: -1 | 1): RuleForm[] {
  const target = index + delta;
  const next = [...rules];
  const [moved] = next.splice(index, 1);
  if (!moved || target < 0 || target > rules.length - 1) return [...rules];
  next.splice(target, 0, moved);
  return next;
}

/** The PUT /recovery/segments body (empty criteria sent as null), or what cannot be read. */
export function segmentBody(
  rules: readonly RuleForm[],
  parseAmount: (text: string) => string | null,
): { body: { rules: SegmentRuleDto[] } } | { problems: RuleProblems } {
  const problems: Record<string, Partial<Record<RuleTextField, RuleProblem>>> = {};
  const flag = (key: string, field: RuleTextField, problem: RuleProblem) => {
    problems[key] = { ...problems[key], [field]: problem };
  };
  const amount = (rule: RuleForm, field: 'minOutstanding' | 'maxOutstanding') => {
    if (!rule[field].trim()) return null;
    const parsed = parseAmount(rule[field]);
    if (parsed === null) flag(rule.key, field, 'invalidAmount');
    return parsed;
  };
  const days = (rule: RuleForm, field: 'minOldestDaysOverdue' | 'minAverageDaysLate') => {
    const text = rule[field].trim();
    if (!text) return null;
    if (!/^\d{1,5}$/.test(text)) flag(rule.key, field, 'invalidDays');
    return Number(text);
  };
  const body = rules.map((rule) => ({
    name: rule.name.trim(),
    scenarioId: rule.scenarioId,
    debtorKind: rule.debtorKind || null,
    minOutstanding: amount(rule, 'minOutstanding'),
    maxOutstanding: amount(rule, 'maxOutstanding'),
    minOldestDaysOverdue: days(rule, 'minOldestDaysOverdue'),
    tag: rule.tag.trim() || null,
    minAverageDaysLate: days(rule, 'minAverageDaysLate'),
  }));
  return Object.keys(problems).length > 0 ? { problems } : { body: { rules: body } };
}
