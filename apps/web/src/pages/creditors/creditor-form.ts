/**
 * The creditor form's values (one string per input) to and from the API's creditor. An empty input clears its
 * field (null); the recovery contact is sent only if one of its three inputs is filled, so that an e-mail typed
 * without a name is refused by the API (naming `recoveryContact.name`) rather than dropped.
 */
import type { Creditor, CreditorInput } from '../../api/types';

export const CREDITOR_FIELDS = [
  'legalName',
  'tradeName',
  'legalForm',
  'siren',
  'siret',
  'vatNumber',
  'address.line1',
  'address.line2',
  'address.postalCode',
  'address.city',
  'address.country',
  'email',
  'phone',
  'iban',
  'bic',
  'letterLegalMentions',
  'recoveryContact.name',
  'recoveryContact.email',
  'recoveryContact.phone',
] as const;
export type CreditorField = (typeof CREDITOR_FIELDS)[number];
export type CreditorValues = Record<CreditorField, string>;

export const EMPTY_CREDITOR: CreditorValues = {
  ...(Object.fromEntries(CREDITOR_FIELDS.map((f) => [f, ''])) as CreditorValues),
  'address.country': 'FR',
};

export function creditorValues(c: Creditor): CreditorValues {
  return {
    legalName: c.legalName,
    tradeName: c.tradeName ?? '',
    legalForm: c.legalForm ?? '',
    siren: c.siren ?? '',
    siret: c.siret ?? '',
    vatNumber: c.vatNumber ?? '',
    'address.line1': c.address.line1 ?? '',
    'address.line2': c.address.line2 ?? '',
    'address.postalCode': c.address.postalCode ?? '',
    'address.city': c.address.city ?? '',
    'address.country': c.address.country ?? '',
    email: c.email ?? '',
    phone: c.phone ?? '',
    iban: c.iban ?? '',
    bic: c.bic ?? '',
    letterLegalMentions: c.letterLegalMentions ?? '',
    'recoveryContact.name': c.recoveryContact?.name ?? '',
    'recoveryContact.email': c.recoveryContact?.email ?? '',
    'recoveryContact.phone': c.recoveryContact?.phone ?? '',
  };
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

export function creditorBody(v: CreditorValues): CreditorInput {
  const contact = [v['recoveryContact.name'], v['recoveryContact.email'], v['recoveryContact.phone']].some((x) => x.trim());
  return {
    legalName: v.legalName.trim(),
    tradeName: orNull(v.tradeName),
    legalForm: orNull(v.legalForm),
    // SIREN, SIRET, VAT number, IBAN and BIC go as typed ("732 829 320"): the API normalizes and checks them, and
    // quotes them as typed when it refuses one.
    siren: orNull(v.siren),
    siret: orNull(v.siret),
    vatNumber: orNull(v.vatNumber),
    address: {
      line1: orNull(v['address.line1']),
      line2: orNull(v['address.line2']),
      postalCode: orNull(v['address.postalCode']),
      city: orNull(v['address.city']),
      // The API takes ISO codes in capitals only.
      country: orNull(v['address.country'].toUpperCase()),
    },
    email: orNull(v.email),
    phone: orNull(v.phone),
    iban: orNull(v.iban),
    bic: orNull(v.bic),
    letterLegalMentions: orNull(v.letterLegalMentions),
    recoveryContact: contact
      ? { name: v['recoveryContact.name'].trim(), email: orNull(v['recoveryContact.email']), phone: orNull(v['recoveryContact.phone']) }
      : null,
  };
}
