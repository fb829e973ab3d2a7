import type { Prng } from './random.js';

/**
 * Word lists for plausible French people and businesses. Common names only, so
 * a generated "Boulangerie Lefèvre" is as generic as a real one; accents are
 * kept on purpose (Hélène, Lefèvre, Loïc) because they are where display,
 * sorting, e-mail folding and PDF fonts go wrong.
 */

export type Gender = 'f' | 'm';

export const FEMALE_FIRST_NAMES: readonly string[] = [
  'Hélène',
  'Chloé',
  'Camille',
  'Léa',
  'Manon',
  'Émilie',
  'Sophie',
  'Nathalie',
  'Isabelle',
  'Sandrine',
  'Céline',
  'Aurélie',
  'Élodie',
  'Julie',
  'Margaux',
  'Inès',
  'Zoé',
  'Anaïs',
  'Maëlle',
  'Océane',
  'Valérie',
  'Françoise',
  'Agnès',
  'Clémence',
  'Mathilde',
  'Laëtitia',
  'Noémie',
  'Amélie',
  'Solène',
  'Bérénice',
  'Jeanne',
  'Louise',
  'Pauline',
  'Marion',
  'Karine',
  'Sylvie',
  'Mélanie',
  'Estelle',
  'Gaëlle',
  'Fatima',
  'Yasmine',
  'Nadia',
  'Aïcha',
  'Marie-Claire',
];

export const MALE_FIRST_NAMES: readonly string[] = [
  'François',
  'Loïc',
  'Jérôme',
  'Stéphane',
  'Benoît',
  'Frédéric',
  'Sébastien',
  'Thierry',
  'Nicolas',
  'Julien',
  'Mathieu',
  'Antoine',
  'Hugo',
  'Lucas',
  'Théo',
  'Maxime',
  'Cédric',
  'Grégory',
  'Olivier',
  'Pierre',
  'Jean-Marc',
  'Jean-Luc',
  'Hervé',
  'Gaël',
  'Raphaël',
  'Joël',
  'Mickaël',
  'Yannick',
  'Arnaud',
  'Rémi',
  'Clément',
  'Étienne',
  'Guillaume',
  'Bruno',
  'Patrick',
  'Didier',
  'Karim',
  'Mehdi',
  'Youssef',
  'Thomas',
  'Alexandre',
  'Vincent',
  'Jérémy',
  'Noël',
];

export const LAST_NAMES: readonly string[] = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'François',
  'Martinez',
  'Legrand',
  'Garnier',
  'Faure',
  'Rousseau',
  'Blanc',
  'Guérin',
  'Muller',
  'Henry',
  'Roussel',
  'Perrin',
  'Morin',
  'Mathieu',
  'Clément',
  'Gauthier',
  'Dumont',
  'Lopez',
  'Fontaine',
  'Chevalier',
  'Robin',
  'Masson',
  'Sanchez',
  'Gérard',
  'Nguyen',
  'Boyer',
  'Denis',
  'Lemaire',
  'Duval',
  'Joly',
  'Roche',
  'Noël',
  'Meyer',
  'Meunier',
  'Perez',
  'Marchand',
  'Dufour',
  'Blanchard',
  'Barbier',
  'Brun',
  'Dumas',
  'Brunet',
  'Schmitt',
  'Leroux',
  'Colin',
  'Fernandez',
  'Renard',
  'Arnaud',
  'Rolland',
  'Caron',
  'Aubert',
  'Giraud',
  'Leclerc',
  'Vidal',
  'Bourgeois',
  'Renaud',
  'Lemoine',
  'Picard',
  'Gaillard',
  'Lacroix',
  'Fabre',
  'Dupuis',
  'Da Silva',
  'Hubert',
  'Rivière',
  'Le Gall',
  'Moulin',
  'Berger',
  'Lecomte',
  'Ménard',
  'Fleury',
  'Deschamps',
  'Carpentier',
  'Maillard',
  'Aubry',
  'Prévost',
  'Poirier',
  'Charpentier',
  'Huet',
  'Dupuy',
  'Carré',
  'Breton',
  'Rémy',
  'Besson',
  'Benali',
  'Haddad',
  'Bouvier',
  'Chauvin',
  'Texier',
  'Lebrun',
  'Pelletier',
  'Bègue',
  'Jourdan',
  'Michaud',
  'Tessier',
  'Bouchet',
  'Crépin',
  'Delaunay',
];

/** Names for the few English-speaking consumers (preferredLocale 'en'). */
export const ENGLISH_FIRST_NAMES: readonly (readonly [string, Gender])[] = [
  ['Sarah', 'f'],
  ['Olivia', 'f'],
  ['Emily', 'f'],
  ['James', 'm'],
  ['Daniel', 'm'],
  ['Oliver', 'm'],
];
export const ENGLISH_LAST_NAMES: readonly string[] = ['Collins', 'Whitaker', 'Bennett', 'Hughes', 'Fletcher', 'Parker'];

/** Filled into "{des}", "{du}", "{region}", "{arbres}" slots of business names. */
export const PLACES_DES: readonly string[] = [
  'Alpes',
  'Quatre Vents',
  'Pins',
  'Lilas',
  'Marronniers',
  'Vignes',
  'Coteaux',
  'Trois Rivières',
  'Halles',
  'Remparts',
  'Monts',
  'Deux Ponts',
];
export const PLACES_DU: readonly string[] = ['Parc', 'Lac', 'Moulin', 'Vieux Port', 'Centre', 'Midi', 'Marché', 'Vieux Pont', 'Château'];
export const REGIONS_DU: readonly string[] = [
  'Rhône',
  'Dauphiné',
  'Beaujolais',
  'Forez',
  'Vercors',
  'Bugey',
  'Lyonnais',
  'Val de Saône',
  'Grésivaudan',
  'Haut-Jura',
];
export const TREES: readonly string[] = ['Tilleuls', 'Platanes', 'Chênes', 'Érables', 'Magnolias', 'Cèdres', 'Glycines', 'Peupliers'];
export const RESTAURANT_NAMES: readonly string[] = [
  'Vieux Pressoir',
  'Petit Bouchon',
  'Comptoir Lyonnais',
  'Relais de la Poste',
  'Bistrot du Coin',
  'Cellier',
  'Grand Café',
  'Jardin Secret',
];
export const FAMOUS_PEOPLE: readonly string[] = [
  'Jean Moulin',
  'Marie Curie',
  'Jules Ferry',
  'Victor Hugo',
  'Simone Veil',
  'Louise Michel',
  'Antoine de Saint-Exupéry',
  'Jacques Prévert',
];

export type Sector =
  | 'restauration'
  | 'BTP'
  | 'industrie'
  | 'transport'
  | 'commerce'
  | 'immobilier'
  | 'services'
  | 'santé'
  | 'agriculture'
  | 'public';

/**
 * Business-name templates per sector. Slots: {nom} a last name, {prenom} a
 * first name, {des} "des …" places, {du} "du …" places, {region}, {arbres},
 * {restaurant}, {celebre} (a famous person, as French schools are named).
 */
export const BUSINESS_NAME_TEMPLATES: Readonly<Record<Sector, readonly string[]>> = {
  restauration: [
    'Boulangerie {nom}',
    'Boulangerie-Pâtisserie {nom}',
    'Pâtisserie {nom}',
    'Restaurant Le {restaurant}',
    'Brasserie du {du}',
    'Hôtel du {du}',
    'Traiteur {nom}',
    'Café des {des}',
    'Auberge des {des}',
    'Pizzeria Chez {prenom}',
  ],
  BTP: [
    '{nom} Bâtiment',
    'Menuiserie {nom}',
    'Plomberie {nom}',
    'Électricité {nom}',
    'Charpentes {nom}',
    'Maçonnerie {nom} Frères',
    'Couverture {nom}',
    'Peinture {nom} & Fils',
    'Entreprise {nom} TP',
    'Carrelages {nom}',
    'Terrassements du {region}',
  ],
  industrie: [
    'Mécanique de précision {nom}',
    'Tôlerie {nom}',
    'Chaudronnerie {nom}',
    'Usinage {nom}',
    'Fonderie du {region}',
    'Plasturgie du {region}',
    'Découpe laser {nom}',
    'Emballages {nom}',
    'Traitements de surface du {region}',
  ],
  transport: ['Transports {nom} & Fils', 'Transports {nom}', 'Logistique du {region}', 'Ambulances {nom}', 'Déménagements {nom}'],
  commerce: [
    'Garage des {des}',
    'Garage {nom}',
    'Quincaillerie {nom}',
    'Jardinerie des {des}',
    'Fleuriste {nom}',
    'Librairie du {du}',
    'Optique {nom}',
    'Cave des {des}',
    'Boucherie {nom}',
    'Fromagerie {nom}',
    'Motoculture {nom}',
  ],
  immobilier: ['SCI Les {arbres}', 'SCI {nom} Patrimoine', 'Agence immobilière du {du}', 'Syndic {nom} Gestion'],
  services: [
    'Cabinet {nom} Architectes',
    'Cabinet {nom} & Associés',
    'Agence {nom} Communication',
    'Nettoyage {nom} Services',
    'Imprimerie {nom}',
    'Informatique {nom}',
    'Sécurité du {region}',
  ],
  santé: [
    'Pharmacie {nom}',
    'Pharmacie du {du}',
    'Cabinet dentaire {nom}',
    'Clinique vétérinaire des {des}',
    'EHPAD Les {arbres}',
    'Laboratoire {nom}',
  ],
  agriculture: ['GAEC des {des}', 'EARL {nom}', 'Domaine {nom}', 'Coopérative du {region}'],
  public: [
    'Collège {celebre}',
    'Lycée professionnel {celebre}',
    'Syndicat intercommunal des eaux du {region}',
    'Office de tourisme du {region}',
    'Communauté de communes du {region}',
  ],
};

/** A business name of `sector`, e.g. "Garage des Alpes", "Transports Moreau & Fils". */
export function businessName(sector: Sector, rng: Prng): string {
  return fillTemplate(rng.pick(BUSINESS_NAME_TEMPLATES[sector]), rng);
}

function fillTemplate(template: string, rng: Prng): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'nom':
        return rng.pick(LAST_NAMES);
      case 'prenom':
        return rng.pick(rng.chance(0.5) ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
      case 'des':
        return rng.pick(PLACES_DES);
      case 'du':
        return rng.pick(PLACES_DU);
      case 'region':
        return rng.pick(REGIONS_DU);
      case 'arbres':
        return rng.pick(TREES);
      case 'restaurant':
        return rng.pick(RESTAURANT_NAMES);
      case 'celebre':
        return rng.pick(FAMOUS_PEOPLE);
      default:
        throw new Error(`unknown name slot {${slot}}`);
    }
  });
}

/** Customer notes in French, by what they say about the debtor. */
export const NOTES = {
  prompt: ['Bon payeur, règle généralement avant l’échéance.', 'Paiement par virement dès réception de la facture.'],
  late: [
    'Client historique, paie toujours avec 15 jours de retard.',
    'Relancer la comptabilité fournisseurs plutôt que le gérant.',
    'Demande systématiquement une copie de la facture avant paiement.',
  ],
  slow: [
    'Trésorerie tendue depuis le printemps, privilégier un échéancier.',
    'Promesse de règlement souvent repoussée, confirmer par écrit.',
    'Joignable uniquement le matin, avant 10 h.',
  ],
  stopped: [
    'Ne répond plus aux relances depuis plusieurs mois.',
    'Vérifier une éventuelle procédure collective au BODACC.',
    'Changement de gérant, nouvel interlocuteur à identifier.',
  ],
  consumerPrompt: ['Règle par carte bancaire dès réception de la facture.'],
  consumerLate: ['Paie en général après la première relance.', 'Préfère être contacté par SMS en journée.'],
  consumerSlow: ['Difficultés passagères signalées, proposer un échéancier.', 'Joignable uniquement après 18 h.'],
  consumerStopped: [
    'Ne répond plus aux relances depuis plusieurs mois.',
    'A évoqué un dossier de surendettement : vérifier auprès de la Banque de France avant toute relance.',
  ],
  public: ['Factures à déposer sur Chorus Pro avec le numéro d’engagement.', 'Délai global de paiement de 30 jours (commande publique).'],
  bigAccount: ['Factures à déposer sur le portail fournisseurs, sinon non traitées.', 'Bon de commande obligatoire sur chaque facture.'],
  sensitive: [
    'Client en difficulté : privilégier le contact téléphonique et proposer un échéancier.',
    'Situation personnelle délicate signalée, ton bienveillant de rigueur.',
  ],
} as const;

export const FRENCH_MONTHS: readonly string[] = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
