/**
 * The fixed cast of the demo: the tenant, its users and the two creditors.
 * They do not depend on the seed so that the README, screenshots and the
 * person giving the demo can name them ("log in as demo@amiable.test").
 */
import { formatAmountFr } from '@amiable/domain';
import { formatSiren, frenchIbanOf, frenchVatNumberOf, sirenFromBody, siretOf } from './identifiers.js';
import type { DemoCreditor, DemoUser } from './types.js';

/**
 * Printed by the README and `amiable demo`. Public by design, so it only
 * protects a local demo; long enough for the auth package's length rule and
 * absent from common-password lists.
 */
export const DEMO_PASSWORD = 'relances-amiables-2026';

export const DEMO_TENANT = { name: 'Démo Amiable', kind: 'company' } as const;

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'demo@amiable.test', displayName: 'Camille Martin', role: 'owner' },
  { email: 'sophie.girard@amiable.test', displayName: 'Sophie Girard', role: 'manager' },
  { email: 'karim.benali@amiable.test', displayName: 'Karim Benali', role: 'agent' },
  { email: 'elodie.fontaine@amiable.test', displayName: 'Élodie Fontaine', role: 'viewer' },
];

export const SUPPLIES_CREDITOR_KEY = 'ateliers-durand';
export const SERVICES_CREDITOR_KEY = 'durand-services';

/**
 * Bank code 99001 is not assigned to any French bank and the BIC's location
 * code "P0" marks a test BIC (ISO 9362): a SEPA QR code printed on a demo
 * letter cannot send money to a real account.
 */
const DEMO_BANK = '99001';
const DEMO_BIC = 'AMDBFRP0XXX';

function legalMentions(form: string, capitalCents: number, city: string, siren: string, vat: string): string {
  const capital = formatAmountFr(capitalCents).replace(',00', '');
  return `${form} au capital de ${capital} – RCS ${city} ${formatSiren(siren)} – TVA ${vat}`;
}

function creditor(spec: {
  key: string;
  legalName: string;
  tradeName: string | null;
  legalForm: string;
  sirenBody: number;
  capitalCents: number;
  rcsCity: string;
  address: DemoCreditor['address'];
  branch: string;
  account: string;
  email: string;
  phone: string;
}): DemoCreditor {
  const siren = sirenFromBody(spec.sirenBody);
  const vatNumber = frenchVatNumberOf(siren);
  return {
    key: spec.key,
    legalName: spec.legalName,
    tradeName: spec.tradeName,
    legalForm: spec.legalForm,
    siren,
    siret: siretOf(siren, 1),
    vatNumber,
    address: spec.address,
    iban: frenchIbanOf(DEMO_BANK, spec.branch, spec.account),
    bic: DEMO_BIC,
    email: spec.email,
    phone: spec.phone,
    letterLegalMentions: legalMentions(spec.legalForm, spec.capitalCents, spec.rcsCity, siren, vatNumber),
    // The demo's manager follows the cases: named in the letters, Reply-To of the e-mails.
    recoveryContact: { name: 'Sophie Girard', email: 'sophie.girard@amiable.test', phone: spec.phone },
  };
}

export const DEMO_CREDITORS: readonly DemoCreditor[] = [
  creditor({
    key: SUPPLIES_CREDITOR_KEY,
    legalName: 'Ateliers Durand SAS',
    tradeName: 'Ateliers Durand – Fournitures industrielles',
    legalForm: 'SAS',
    sirenBody: 81_234_567,
    capitalCents: 15_000_000,
    rcsCity: 'Lyon',
    address: { line1: '27 rue Marius Berliet', line2: null, postalCode: '69008', city: 'Lyon', country: 'FR' },
    branch: '00101',
    account: '00012345678',
    email: 'comptabilite@ateliers-durand.example.com',
    phone: '04 65 71 00 10',
  }),
  creditor({
    key: SERVICES_CREDITOR_KEY,
    legalName: 'Durand Services SARL',
    tradeName: 'Durand Services – Maintenance et dépannage',
    legalForm: 'SARL',
    sirenBody: 79_865_432,
    capitalCents: 3_000_000,
    rcsCity: 'Lyon',
    address: { line1: '8 avenue Roger Salengro', line2: 'Bâtiment B', postalCode: '69100', city: 'Villeurbanne', country: 'FR' },
    branch: '00102',
    account: '00087654321',
    email: 'recouvrement@durand-services.example.com',
    phone: '04 65 71 00 20',
  }),
];
