/**
 * Letters: the catalog, each type's text with its versions, the live check, the
 * preview (a PDF blob or the e-mail), the documents of a case, the letters to post.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Locale } from '@amiable/i18n';
import { useUiLanguage } from '../lib/use-format';
import { apiRequest, apiUrl, errorFromResponse } from './client';
import { recoveryKeys } from './recovery-keys';
import type {
  DocumentDto,
  EmailPreview,
  LetterCatalog,
  LetterTemplateDto,
  LetterTemplateFields,
  LetterTemplateVersion,
  LetterTypeId,
  PendingLetterDto,
  ProduceLetterInput,
  TemplateCheckResult,
  TemplateSaveInput,
} from './types';

export type PendingDelivery = 'to-print' | 'awaiting-registered-sending';

export const letterKeys = {
  all: ['letters'] as const,
  catalog: (language: Locale) => ['letters', 'catalog', language] as const,
  templates: ['letters', 'templates'] as const,
  template: (type: LetterTypeId, lang: Locale, creditorId: string | null) => ['letters', 'templates', type, lang, creditorId] as const,
  check: (type: LetterTypeId, lang: Locale, fields: LetterTemplateFields) => ['letters', 'check', type, lang, fields] as const,
  preview: (type: LetterTypeId, lang: Locale, fields: LetterTemplateFields, format: 'pdf' | 'email', caseId: string | null) =>
    ['letters', 'preview', type, lang, fields, format, caseId] as const,
  documents: ['letters', 'documents'] as const,
  caseDocuments: (caseId: string) => ['letters', 'documents', 'case', caseId] as const,
  pending: (delivery: PendingDelivery) => ['letters', 'documents', 'pending', delivery] as const,
};

const templatePath = (type: LetterTypeId) => `/letter-templates/${encodeURIComponent(type)}`;

export const getLetterCatalog = (signal?: AbortSignal) => apiRequest<LetterCatalog>('GET', '/letters/catalog', { signal });
export const getLetterTemplate = (type: LetterTypeId, lang: Locale, creditorId: string | null, signal?: AbortSignal) =>
  apiRequest<LetterTemplateDto>('GET', templatePath(type), { query: { lang, creditorId }, signal });
export const checkLetterTemplate = (type: LetterTypeId, lang: Locale, fields: LetterTemplateFields, signal?: AbortSignal) =>
  apiRequest<TemplateCheckResult>('POST', `${templatePath(type)}/check`, { json: { lang, fields }, signal });
export const saveLetterTemplate = (type: LetterTypeId, body: TemplateSaveInput) =>
  apiRequest<LetterTemplateVersion>('POST', templatePath(type), { json: body });
export const previewLetterEmail = (
  type: LetterTypeId,
  lang: Locale,
  fields: LetterTemplateFields,
  caseId: string | null,
  signal?: AbortSignal,
) =>
  apiRequest<EmailPreview>('POST', `${templatePath(type)}/preview`, {
    json: { lang, fields, format: 'email', ...(caseId ? { caseId } : {}) },
    signal,
  });
export const listCaseDocuments = (caseId: string, signal?: AbortSignal) =>
  apiRequest<DocumentDto[]>('GET', `/recovery/cases/${encodeURIComponent(caseId)}/documents`, { signal });
export const produceLetter = (caseId: string, body: ProduceLetterInput) =>
  apiRequest<DocumentDto>('POST', `/recovery/cases/${encodeURIComponent(caseId)}/letters`, { json: body });
export const listPendingLetters = (delivery: PendingDelivery, signal?: AbortSignal) =>
  apiRequest<PendingLetterDto[]>('GET', '/letters/pending', { query: { delivery }, signal });
export const markPosted = (documentId: string) =>
  apiRequest<void>('POST', `/documents/${encodeURIComponent(documentId)}/delivery`, { json: { delivery: 'sent' } });

/** Where a document's bytes download (the session cookie goes with a plain link). */
export const documentContentUrl = (documentId: string) => apiUrl(`/documents/${encodeURIComponent(documentId)}/content`);

/** The PDF preview comes back as bytes, not JSON: fetched here, errors read like every other call's. */
export async function previewLetterPdf(
  type: LetterTypeId,
  lang: Locale,
  fields: LetterTemplateFields,
  caseId: string | null,
  uiLanguage: Locale,
  signal?: AbortSignal,
): Promise<Blob> {
  const response = await globalThis.fetch(apiUrl(`${templatePath(type)}/preview`), {
    method: 'POST',
    headers: { Accept: 'application/pdf', 'Accept-Language': uiLanguage, 'Content-Type': 'application/json' },
    body: JSON.stringify({ lang, fields, format: 'pdf', ...(caseId ? { caseId } : {}) }),
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) throw await errorFromResponse(response, uiLanguage);
  return response.blob();
}

export function useLetterCatalog() {
  const language = useUiLanguage();
  return useQuery({ queryKey: letterKeys.catalog(language), queryFn: ({ signal }) => getLetterCatalog(signal), staleTime: Infinity });
}

export function useLetterTemplate(type: LetterTypeId, lang: Locale, creditorId: string | null) {
  return useQuery({
    queryKey: letterKeys.template(type, lang, creditorId),
    queryFn: ({ signal }) => getLetterTemplate(type, lang, creditorId, signal),
  });
}

/** The check of the text as it stood when typing paused; the previous answer stays shown meanwhile. */
export function useTemplateCheck(type: LetterTypeId, lang: Locale, fields: LetterTemplateFields) {
  const language = useUiLanguage();
  return useQuery({
    queryKey: [...letterKeys.check(type, lang, fields), language],
    queryFn: ({ signal }) => checkLetterTemplate(type, lang, fields, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useEmailPreview(type: LetterTypeId, lang: Locale, fields: LetterTemplateFields, caseId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: letterKeys.preview(type, lang, fields, 'email', caseId),
    queryFn: ({ signal }) => previewLetterEmail(type, lang, fields, caseId, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled,
  });
}

export function usePdfPreview(type: LetterTypeId, lang: Locale, fields: LetterTemplateFields, caseId: string | null, enabled: boolean) {
  const language = useUiLanguage();
  return useQuery({
    queryKey: letterKeys.preview(type, lang, fields, 'pdf', caseId),
    queryFn: ({ signal }) => previewLetterPdf(type, lang, fields, caseId, language, signal),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled,
  });
}

export function useSaveLetterTemplate(type: LetterTypeId) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TemplateSaveInput) => saveLetterTemplate(type, body),
    onSuccess: () => void client.invalidateQueries({ queryKey: letterKeys.templates }),
  });
}

export function useCaseDocuments(caseId: string) {
  return useQuery({ queryKey: letterKeys.caseDocuments(caseId), queryFn: ({ signal }) => listCaseDocuments(caseId, signal) });
}

export function usePendingLetters(delivery: PendingDelivery) {
  return useQuery({ queryKey: letterKeys.pending(delivery), queryFn: ({ signal }) => listPendingLetters(delivery, signal) });
}

/** A new document shows in the case's documents and timeline and in the letters to post. */
function useDocumentsChanged() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: letterKeys.documents });
    void client.invalidateQueries({ queryKey: recoveryKeys.work });
  };
}

export function useProduceLetter(caseId: string) {
  const changed = useDocumentsChanged();
  return useMutation({ mutationFn: (body: ProduceLetterInput) => produceLetter(caseId, body), onSuccess: changed });
}

export function useMarkPosted() {
  const changed = useDocumentsChanged();
  return useMutation({ mutationFn: markPosted, onSuccess: changed });
}
