/**
 * Real French communes with one of their real postal codes, and the phone zone
 * (01–05) they dial. The demo creditors are in Lyon, so the Lyon area carries
 * more weight: a regional supplier's customers are mostly regional.
 */
import type { PhoneZone } from './identifiers.js';

export interface City {
  readonly name: string;
  readonly postalCode: string;
  readonly zone: PhoneZone;
  /** True around Lyon (Rhône, Isère, Ain, Loire, Savoie…): the creditors' home market. */
  readonly regional: boolean;
}

const city = (name: string, postalCode: string, zone: PhoneZone, regional = false): City => ({ name, postalCode, zone, regional });

export const CITIES: readonly City[] = [
  // Lyon and its metropolis
  city('Lyon', '69001', '04', true),
  city('Lyon', '69002', '04', true),
  city('Lyon', '69003', '04', true),
  city('Lyon', '69006', '04', true),
  city('Lyon', '69007', '04', true),
  city('Lyon', '69008', '04', true),
  city('Lyon', '69009', '04', true),
  city('Villeurbanne', '69100', '04', true),
  city('Vénissieux', '69200', '04', true),
  city('Vaulx-en-Velin', '69120', '04', true),
  city('Bron', '69500', '04', true),
  city('Caluire-et-Cuire', '69300', '04', true),
  city('Saint-Priest', '69800', '04', true),
  city('Rillieux-la-Pape', '69140', '04', true),
  city('Meyzieu', '69330', '04', true),
  city('Décines-Charpieu', '69150', '04', true),
  city('Écully', '69130', '04', true),
  city('Tassin-la-Demi-Lune', '69160', '04', true),
  city('Oullins', '69600', '04', true),
  city('Givors', '69700', '04', true),
  city('Villefranche-sur-Saône', '69400', '04', true),
  // Rest of Auvergne-Rhône-Alpes
  city('Saint-Étienne', '42000', '04', true),
  city('Roanne', '42300', '04', true),
  city('Grenoble', '38000', '04', true),
  city('Vienne', '38200', '04', true),
  city('Bourgoin-Jallieu', '38300', '04', true),
  city('Voiron', '38500', '04', true),
  city('Annecy', '74000', '04', true),
  city('Annemasse', '74100', '04', true),
  city('Thonon-les-Bains', '74200', '04', true),
  city('Chambéry', '73000', '04', true),
  city('Aix-les-Bains', '73100', '04', true),
  city('Valence', '26000', '04', true),
  city('Montélimar', '26200', '04', true),
  city('Bourg-en-Bresse', '01000', '04', true),
  city('Clermont-Ferrand', '63000', '04', true),
  // South-east
  city('Marseille', '13008', '04'),
  city('Aix-en-Provence', '13100', '04'),
  city('Nice', '06000', '04'),
  city('Toulon', '83000', '04'),
  city('Avignon', '84000', '04'),
  city('Montpellier', '34000', '04'),
  city('Nîmes', '30000', '04'),
  city('Perpignan', '66000', '04'),
  // South-west and centre-west
  city('Toulouse', '31000', '05'),
  city('Bordeaux', '33000', '05'),
  city('Pau', '64000', '05'),
  city('Bayonne', '64100', '05'),
  city('Limoges', '87000', '05'),
  city('Poitiers', '86000', '05'),
  city('La Rochelle', '17000', '05'),
  city('Agen', '47000', '05'),
  // North-west
  city('Nantes', '44000', '02'),
  city('Rennes', '35000', '02'),
  city('Brest', '29200', '02'),
  city('Angers', '49000', '02'),
  city('Le Mans', '72000', '02'),
  city('Tours', '37000', '02'),
  city('Orléans', '45000', '02'),
  city('Caen', '14000', '02'),
  city('Rouen', '76000', '02'),
  city('Le Havre', '76600', '02'),
  // North-east and Burgundy
  city('Lille', '59000', '03'),
  city('Strasbourg', '67000', '03'),
  city('Metz', '57000', '03'),
  city('Nancy', '54000', '03'),
  city('Reims', '51100', '03'),
  city('Dijon', '21000', '03'),
  city('Besançon', '25000', '03'),
  city('Mâcon', '71000', '03'),
  city('Mulhouse', '68100', '03'),
  city('Amiens', '80000', '03'),
  // Paris and Île-de-France
  city('Paris', '75008', '01'),
  city('Paris', '75011', '01'),
  city('Paris', '75015', '01'),
  city('Paris', '75017', '01'),
  city('Boulogne-Billancourt', '92100', '01'),
  city('Nanterre', '92000', '01'),
  city('Montreuil', '93100', '01'),
  city('Saint-Denis', '93200', '01'),
  city('Versailles', '78000', '01'),
  city('Créteil', '94000', '01'),
];

export const REGIONAL_CITIES: readonly City[] = CITIES.filter((c) => c.regional);
export const OTHER_CITIES: readonly City[] = CITIES.filter((c) => !c.regional);

/** Street types as written in an address line (lower case, as La Poste prints them after the number). */
export const STREET_TYPES: readonly (readonly [string, number])[] = [
  ['rue', 50],
  ['avenue', 14],
  ['boulevard', 8],
  ['impasse', 6],
  ['chemin', 6],
  ['place', 4],
  ['allée', 5],
  ['route', 4],
  ['quai', 2],
  ['cours', 1],
];

export const STREET_NAMES: readonly string[] = [
  'de la République',
  'Victor Hugo',
  'Jean Jaurès',
  'de la Gare',
  'Pasteur',
  'des Lilas',
  'du Général de Gaulle',
  'Gambetta',
  "de l'Industrie",
  'des Artisans',
  'du Moulin',
  'de la Paix',
  'Émile Zola',
  'Jules Ferry',
  'des Écoles',
  'de Verdun',
  'du 8 Mai 1945',
  'Marcel Pagnol',
  'des Tilleuls',
  'Pierre et Marie Curie',
  'Anatole France',
  'de la Liberté',
  'du Stade',
  'des Acacias',
  'de la Fontaine',
  'Édouard Herriot',
  'Paul Bert',
  'Carnot',
  'Voltaire',
  'des Peupliers',
  'du Commerce',
  "de l'Église",
  'des Cerisiers',
  'Louis Blériot',
  'Antoine de Saint-Exupéry',
  'des Frères Lumière',
  'de la Croix-Rousse',
  'des Vignes',
  'du Château',
  'Charles de Foucauld',
  'des Mimosas',
  'Jean Moulin',
  'de Bretagne',
  'du Port',
  'Sainte-Catherine',
];

/** Second address lines: business parks for companies, building details for homes. */
export const BUSINESS_LINE2: readonly string[] = [
  'ZI des Platanes',
  'ZA du Moulin',
  "Parc d'activités des Bruyères",
  'Bâtiment B',
  'Bât. C – 2e étage',
  'ZAC des Portes du Sud',
  'Zone artisanale Les Prés',
  'CS 30012',
];

export const HOME_LINE2: readonly string[] = [
  'Appartement 12',
  'Résidence Les Pins',
  'Bâtiment A, appt 34',
  '3e étage gauche',
  'Résidence du Parc',
  'Lieu-dit La Grange',
];
