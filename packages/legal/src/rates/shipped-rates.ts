/**
 * The rates shipped with Amiable, per half-year, each with its sources — from the
 * research notes of February 2026 (docs/legal.md; checked against the brief's CSV files by
 * test/rates-table.test.ts). Values in basis points (3.15 % = 315).
 * - ECB main refinancing operations rate in force on 1 January / 1 July (C. com. L441-10 II).
 * - Legal interest rate (CMF L313-2, D313-1-A): creditor a natural person acting outside
 *   their profession ("particuliers"), and every other case ("autres cas").
 * 2026-H2 is absent on purpose: neither the ECB rate of 1 July 2026 nor the arrêté of
 * June 2026 was confirmed by a source. A computation that needs it fails and says how
 * to add it (`amiable rates set 2026-H2 …`); nothing is extrapolated.
 */
import type { RateRow } from './rate-row.js';

/** Date of the research the table comes from; shown with every computation. */
export const RATES_VERSION = '2026-02';

export const SHIPPED_RATES: readonly RateRow[] = [
  {
    halfYear: '2015-H1',
    ecbMainRefinancingBp: 5,
    legalRateIndividualBp: 406,
    legalRateOtherBp: 93,
    sources: {
      ecb: 'legifiscal.fr/actualites-fiscales/574-nouvelle-baisse-du-taux-directeur-de-la-bce.html (0.05% from 10/09/2014) ; zonebourse.com/actualite-bourse/La-BCE-laisse-ses-taux-directeurs-inchanges--19979958 (refi 0.05 in 2015)',
      legal:
        'arrêté du 23/12/2014 — laclef.eu/index.php/actualites/banque/taux-de-l-interet-legal-au-1er-semestre-2026 ; adden-leblog.com/taux-dinteret-legal-deux-nouveautes-entrent-en-vigueur ; huissier-nimes.fr/blog/reforme-taux-interet-legal-suite',
    },
  },
  {
    halfYear: '2015-H2',
    ecbMainRefinancingBp: 5,
    legalRateIndividualBp: 429,
    legalRateOtherBp: 99,
    sources: {
      ecb: 'actu.orange.fr/.../bce-taux-inchange-a-0-05-CNT0000019mCm3.html (0.05 unchanged since 09/2014 during 2015) ; legifiscal.fr/actualites-fiscales/1029-le-taux-refi-de-la-bce-passe-de-005-0.html (0.05 -> 0 only in March 2016)',
      legal:
        'arrêté du 24/06/2015 — laclef.eu (table) ; affairesjuridiques.aphp.fr/textes/arrete-du-24-juin-2015-relatif-a-la-fixation-du-taux-de-linteret-legal ; cbanque.com/actu/58698',
    },
  },
  {
    halfYear: '2016-H1',
    ecbMainRefinancingBp: 5,
    legalRateIndividualBp: 454,
    legalRateOtherBp: 101,
    sources: {
      ecb: 'consultation.avocat.fr/blog/anne-cecile-coste/article-12093 ("10.05% au 1er janvier 2016") ; legifiscal.fr/actualites-fiscales/1029',
      legal:
        'arrêté du 23/12/2015 (JO 27/12/2015) — laclef.eu (table) ; onb-france.com/actualites/taux-de-linteret-legal-2016 ; agenceobjectifpaiement.com/pages/taux-interet-legal.html',
    },
  },
  {
    halfYear: '2016-H2',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 435,
    legalRateOtherBp: 93,
    sources: {
      ecb: 'legifiscal.fr/actualites-fiscales/1029 (cut 0.05 -> 0 announced 10/03/2016) ; aapasso.fr/vers-une-augmentation-du-taux-des-interets-moratoires-au-1er-janvier-2023 (0% since March 2016) ; effective date 16/03/2016 = ECB convention (announcement + settlement of next MRO) not read in a source -> only the rate is confirmed',
      legal: 'arrêté du 24/06/2016 — laclef.eu (table) ; cbanque.com/actu/58698 ; agenceobjectifpaiement.com/pages/taux-interet-legal.html',
    },
  },
  {
    halfYear: '2017-H1',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 416,
    legalRateOtherBp: 90,
    sources: {
      ecb: 'aapasso.fr (0% from March 2016 to July 2022) ; blogs.ft.com 2017-03-09 live blog (main rate 0.00%)',
      legal:
        'arrêté du 29/12/2016 — laclef.eu (table) ; agenceobjectifpaiement.com/pages/taux-interet-legal.html ; efl.fr/actualite/taux-interet-legal-1er-juillet_R-082130ea (mentions H1 4.16 and 0.90)',
    },
  },
  {
    halfYear: '2017-H2',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 394,
    legalRateOtherBp: 90,
    sources: {
      ecb: 'aapasso.fr ; europe1.fr/economie/la-bce-laisse-son-principal-taux-directeur-inchange-a-0-2922101',
      legal:
        'arrêté du 26/06/2017 — laclef.eu (table) ; efl.fr/actualite/taux-interet-legal-1er-juillet_R-082130ea ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2018-H1',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 373,
    legalRateOtherBp: 89,
    sources: {
      ecb: 'aapasso.fr ; agefi.com (26/04/2018 refi maintenu à zéro) ; mspatrickmcnamara.ie (08/03/2018 MRO 0%)',
      legal: 'arrêté du 28/12/2017 — laclef.eu (table) ; ficime.com/taux-dinteret-legal-1er-semestre-2018 ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2018-H2',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 360,
    legalRateOtherBp: 88,
    sources: {
      ecb: 'aapasso.fr ; trends.levif.be (refi maintenu à zéro 2018)',
      legal:
        'arrêté du 27/06/2018 (JO 28/06/2018) — laclef.eu (table) ; veegee.fr/.../81217-taux-de-linteret-legal-2nd-semestre-2018 ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2019-H1',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 340,
    legalRateOtherBp: 86,
    sources: {
      ecb: 'aapasso.fr ; fxstreet.com/news/ecb-leaves-benchmark-interest-rate-unchanged-at-0-as-expected-201906061145',
      legal: 'arrêté du 21/12/2018 — laclef.eu (table) ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2019-H2',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 326,
    legalRateOtherBp: 87,
    sources: {
      ecb: 'aapasso.fr ; fxstreet.com (06/06/2019 MRO 0.00)',
      legal: 'arrêté du 26/06/2019 — laclef.eu (table) ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2020-H1',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 315,
    legalRateOtherBp: 87,
    sources: {
      ecb: 'aapasso.fr ; GitHub data file ecbRatesData (id 12533347707: row 2019-09-18 MRO 0.00 then next change 2022-07-27)',
      legal:
        'arrêté du 23/12/2019 — laclef.eu (table) ; agenceobjectifpaiement.com ; cabinet-cec.fr/taux-de-linteret-legal-pour-le-second-semestre-2020 (quotes H1 2020)',
    },
  },
  {
    halfYear: '2020-H2',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 311,
    legalRateOtherBp: 84,
    sources: {
      ecb: 'aapasso.fr ; GitHub ecbRatesData',
      legal:
        'arrêté du 15/06/2020 — laclef.eu (table) ; cabinet-cec.fr/taux-de-linteret-legal-pour-le-second-semestre-2020 ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2021-H1',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 314,
    legalRateOtherBp: 79,
    sources: {
      ecb: 'aapasso.fr ; GitHub ecbRatesData',
      legal:
        'arrêté du 21/12/2020 — laclef.eu (table) ; dandrel-avocats.fr/taux-de-linteret-legal-du-2nd-semestre-2021 (quotes H1 2021) ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2021-H2',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 312,
    legalRateOtherBp: 76,
    sources: {
      ecb: 'aapasso.fr ; GitHub ecbRatesData  ; londontribune.co.uk (MRO zero 2021)',
      legal:
        'arrêté du 16/06/2021 — laclef.eu (table) ; dandrel-avocats.fr/taux-de-linteret-legal-du-2nd-semestre-2021 ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2022-H1',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 313,
    legalRateOtherBp: 76,
    sources: {
      ecb: 'aapasso.fr ; 3lmnews.com (10/03/2022 unchanged) ; GitHub ecbRatesData',
      legal:
        'arrêté du 26/12/2021 (as listed by agenceobjectifpaiement) — laclef.eu (table) ; droit-pratique.fr/baremes-et-taux/bien-s-assurer/taux-de-l-interet-legal ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2022-H2',
    ecbMainRefinancingBp: 0,
    legalRateIndividualBp: 315,
    legalRateOtherBp: 77,
    sources: {
      ecb: 'GitHub ecbRatesData  ; aapasso.fr (hike decided 21/07/2022)',
      legal: 'laclef.eu (table) ; notaires2normandie.com (Lefebvre Dalloz: H2 2022 = 3.15 / 0.77) ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2023-H1',
    ecbMainRefinancingBp: 250,
    legalRateIndividualBp: 447,
    legalRateOtherBp: 206,
    sources: {
      ecb: 'GitHub ecbRatesData  ; actionforex.com 2023-02-02 (raised by 50bp to 3.00 => 2.50 before)',
      legal:
        'laclef.eu (table) ; notaires2normandie.com/nos-actus/les-taux-de-linteret-legal-applicables-au-cours-du-second-semestre-2023-sont-fixes ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2023-H2',
    ecbMainRefinancingBp: 400,
    legalRateIndividualBp: 682,
    legalRateOtherBp: 422,
    sources: {
      ecb: 'GitHub ecbRatesData  ; lalibre.be 2023-06-15 (refinancement à 4 %)',
      legal:
        'arrêté ECOT2317028A du 27/06/2023 (JO 30/06/2023) — laclef.eu (table) ; notaires2normandie.com (same page) ; agenceobjectifpaiement.com',
    },
  },
  {
    halfYear: '2024-H1',
    ecbMainRefinancingBp: 450,
    legalRateIndividualBp: 801,
    legalRateOtherBp: 507,
    sources: {
      ecb: 'GitHub ecbRatesData  ; rtl.be 2024-04-11 (refinancement 4.50 %) ; boursorama.com (4.50 %)',
      legal:
        'laclef.eu (table) ; agenceobjectifpaiement.com ; avencia-eca.fr/.../6588 (8.01 / 5.07) ; leparticulier.lefigaro.fr/tag/dette (8.01)',
    },
  },
  {
    halfYear: '2024-H2',
    ecbMainRefinancingBp: 425,
    legalRateIndividualBp: 816,
    legalRateOtherBp: 492,
    sources: {
      ecb: 'GitHub ecbRatesData  ; bpifrance-creation.fr/boiteaoutils/taux-penalites-retard (4.25 => 14.25 %) ; fr.investing.com (4.25%)',
      legal:
        'arrêté du 26/06/2024 — laclef.eu (table) ; agenceobjectifpaiement.com ; avencia-eca.fr/.../6588 ; bpifrance-creation.fr/boiteaoutils/taux-penalites-retard (3 x 4.92 = 14.76)',
    },
  },
  {
    halfYear: '2025-H1',
    ecbMainRefinancingBp: 315,
    legalRateIndividualBp: 721,
    legalRateOtherBp: 371,
    sources: {
      ecb: 'GitHub ecbRatesData  ; fxstreet.com/macroeconomics/central-banks/ecb (December cut: MRO 3.15%)',
      legal:
        'arrêté du 17/12/2024 — laclef.eu (table) ; ksca.fr/.../taux-de-linteret-legal-a-compter-du-1er-juillet-2025/615065 (quotes H1 2025) ; lexisveille.fr (arrêté 17/12/2024)',
    },
  },
  {
    halfYear: '2025-H2',
    ecbMainRefinancingBp: 215,
    legalRateIndividualBp: 665,
    legalRateOtherBp: 276,
    sources: {
      ecb: 'GitHub ecbRatesData  ; fr.euronews.com/business/2025/07/24/la-bce-maintient-son-taux-de-depot-a-2 (MRO unchanged at 2.15 on 24/07/2025)',
      legal:
        'arrêté ECOT2516925A du 19/06/2025 (JO 24/06/2025) — laclef.eu (table) ; github.com/JulienArthur/calculTIL Readme.md ; ksca.fr/.../615065',
    },
  },
  {
    halfYear: '2026-H1',
    ecbMainRefinancingBp: 215,
    legalRateIndividualBp: 667,
    legalRateOtherBp: 262,
    sources: {
      ecb: 'aa.com.tr (18/12/2025 hold: MRO 2.15) ; econotimes.com (18/12/2025 hold) ; eunews.it (first 2026 meeting hold: MRO 2.15) ; adecia.fr (3 x 2.62 = 7.86)',
      legal:
        'arrêté du 15/12/2025 (JORF n°0302 du 26/12/2025) — juriblio.fr/arretes/arrete-du-15-decembre-2025/187383136 (full text) ; adecia.fr/interet-legal-2026-nouveaux-taux-applicables-au-1er-semestre ; avocat-plagnol.com (same values)',
    },
  },
];
