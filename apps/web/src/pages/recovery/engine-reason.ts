import type { TFunction } from 'i18next';

/**
 * The engine writes its reasons in English, as an audit trail that stays the same whatever the reader's language
 * (packages/db run-planner.ts, produce-dispatch-letter.ts, launch-campaign.ts); they are shown translated. A person's
 * reason is shown as they wrote it.
 */
export function engineReason(t: TFunction, reason: string): string {
  if (reason === 'first recovery action planned') return t('recovery.case.engineReasons.firstAction');
  if (reason === 'formal notice produced, awaiting registered sending') return t('recovery.case.engineReasons.noticeRegistered');
  if (reason === 'formal notice produced, to print and post') return t('recovery.case.engineReasons.noticePrint');
  const campaign = /^campaign "(.*)" planned$/s.exec(reason);
  if (campaign) return t('recovery.case.engineReasons.campaign', { name: campaign[1] });
  return reason;
}
