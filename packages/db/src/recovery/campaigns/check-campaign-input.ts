/**
 * What a campaign must be before it is saved or previewed: a template in at least
 * one language using only the known placeholders (the scenario steps' rule), and a
 * creditor of this tenant when the filter names one — another tenant's creditor is
 * refused exactly like one that exists nowhere.
 */
import type { FieldIssue } from '@amiable/domain';
import { PLACEHOLDERS, type Templates, unknownPlaceholders } from '@amiable/recovery';
import { sql } from '../../sql.js';
import type { Tx } from '../../tenant-transaction.js';
import type { CampaignChannel, CampaignFilter } from './campaign-records.js';

export interface CampaignInput {
  readonly name: string;
  readonly channel: CampaignChannel;
  readonly templates: Templates;
  readonly filter: CampaignFilter;
}

export function templateIssues(templates: Templates): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!templates.fr && !templates.en) issues.push({ field: 'templates', code: 'required' });
  for (const [locale, template] of Object.entries(templates))
    for (const part of ['subject', 'body'] as const) {
      const unknown = unknownPlaceholders(template?.[part] ?? '');
      if (unknown.length > 0)
        issues.push({
          field: `templates.${locale}.${part}`,
          code: 'invalid_choice',
          params: { value: `{{${unknown[0]}}}`, allowed: PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ') },
        });
    }
  return issues;
}

export async function checkCampaignInput(tx: Tx, input: Omit<CampaignInput, 'name'>): Promise<FieldIssue[]> {
  const issues = templateIssues(input.templates);
  const creditorId = input.filter.creditorId;
  if (creditorId && !(await tx.maybeOne(sql`SELECT 1 FROM amiable.creditor WHERE id = ${creditorId}`)))
    issues.push({ field: 'filter.creditorId', code: 'invalid_value', params: { value: creditorId } });
  return issues;
}
