import type { TFunction } from 'i18next';
import type { DocumentDto } from '../../api/types';
import { isLetterType } from './letter-lists';

/** "Mise en demeure", or the type as stored when this version of the app does not know it. */
export function documentTypeLabel(t: TFunction, document: Pick<DocumentDto, 'letterType'>): string {
  return isLetterType(document.letterType) ? t(`letters.types.${document.letterType}`) : document.letterType;
}

/** The first characters of a SHA-256, enough to tell documents apart on screen; the full one is in the title. */
export const shortSha = (sha256: string) => sha256.slice(0, 12);
