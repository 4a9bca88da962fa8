import { describe, expect, it } from 'vitest';
import { parseAmounts, parseBudget } from '../../src/normalise/money.ts';
import type { BudgetStatus } from '../../src/validate/schema.ts';

type Row = [text: string, status: BudgetStatus, amountEur: number | null, minEur: number | null, maxEur: number | null, pacteEur: number | null, per: string | null, amounts: [number, string][], codes: string[]];

function check([text, status, amountEur, minEur, maxEur, pacteEur, per, amounts, codes]: Row): void {
  const { budget, diagnostics } = parseBudget(text);
  expect(budget).toEqual({ text, status, amountEur, minEur, maxEur, pacteEur, per, amounts: amounts.map(([eur, context]) => ({ eur, context })) });
  expect(diagnostics.map((d) => d.code)).toEqual(codes);
}

// Every distinct budget box of the 2020 edition (pdftotext + positioned text of the PDF, lines
// joined by single spaces, "1re" superscript inlined), with the values reviewed by hand.
const EDITION_2020: Row[] = [
  ["12 000 à 15 000 euros par parcours", "range", null, 12000, 15000, null, "parcours", [[12000,"par parcours"],[15000,"par parcours"]], []],
  ["1 800 000 euros par an dont 1 000 000 euros au titre du Pacte", "amount", 1800000, null, null, 1000000, "an", [[1800000,"par an"],[1000000,"au titre du Pacte"]], []],
  ["2 400 000 euros", "amount", 2400000, null, null, null, null, [[2400000,""]], []],
  ["123 750 euros dont 63 000 euros sur le Pacte Co-financement Région, Conseil départemental, Pôle emploi, les Bistrots Gourmands du Rhin, lycée hôtelier Alexandre Dumas et Greta Strasbourg.", "amount", 123750, null, null, 63000, null, [[123750,""],[63000,"sur le Pacte"]], []],
  ["1 500 000 euros (coûts pédagogiques et rémunération des stagiaires)", "amount", 1500000, null, null, null, null, [[1500000,"coûts pédagogiques et rémunération des stagiaires"]], []],
  ["5 000 000 euros", "amount", 5000000, null, null, null, null, [[5000000,""]], []],
  ["192 000 euros", "amount", 192000, null, null, null, null, [[192000,""]], []],
  ["10 100 000 euros 13 847 000 euros avec la rémunération des stagiaires", "amount", 10100000, null, null, null, null, [[10100000,""],[13847000,"avec la rémunération des stagiaires"]], []],
  ["4 400 000 euros par an", "amount", 4400000, null, null, null, "an", [[4400000,"par an"]], []],
  ["10 200 000 euros par an", "amount", 10200000, null, null, null, "an", [[10200000,"par an"]], []],
  ["49 000 000 euros", "amount", 49000000, null, null, null, null, [[49000000,""]], []],
  ["Pris sur le budget du programme régional de formation en phase expérimentale", "in-kind", null, null, null, null, null, [], []],
  ["297 000 euros pour 2020", "amount", 297000, null, null, null, null, [[297000,"pour 2020"]], []],
  ["1 000 000 euros", "amount", 1000000, null, null, null, null, [[1000000,""]], []],
  ["532 600 euros 21 000 euros en moyenne par parcours (coûts pédagogiques et rémunération)", "amount", 532600, null, null, null, null, [[532600,""],[21000,"en moyenne par parcours"]], []],
  ["194 000 000 euros", "amount", 194000000, null, null, null, null, [[194000000,""]], []],
  ["2 000 000 euros", "amount", 2000000, null, null, null, null, [[2000000,""]], []],
  ["2 000 000 euros (prévisionnel)", "amount", 2000000, null, null, null, null, [[2000000,"prévisionnel"]], []],
  ["Coût intégré au programme régional de formation", "in-kind", null, null, null, null, null, [], []],
  ["Non connu à ce jour", "unknown", null, null, null, null, null, [], []],
  ["1 620 000 euros par an (augmentation de 20% des parcours moyens et/ou du prix de l'heure stagiaire)", "amount", 1620000, null, null, null, "an", [[1620000,"par an"]], []],
  ["1 000 000 euros sur 3 ans pour le parcours accessible aux intérimaires sans mission depuis 6 mois", "amount", 1000000, null, null, null, null, [[1000000,"sur 3 ans pour le parcours accessible aux intérimaires"]], []],
  ["33 200 euros", "amount", 33200, null, null, null, null, [[33200,""]], []],
  ["362 000 euros dont 245 000 euros financés dans le cadre du Pacte régional", "amount", 362000, null, null, 245000, null, [[362000,""],[245000,"financés dans le cadre du Pacte régional"]], []],
  ["526 000 euros dont 368 000 euros financés dans le cadre du Pacte régional", "amount", 526000, null, null, 368000, null, [[526000,""],[368000,"financés dans le cadre du Pacte régional"]], []],
  ["1 900 000 euros dont 1 100 000 euros financés dans le cadre du Pacte régional", "amount", 1900000, null, null, 1100000, null, [[1900000,""],[1100000,"financés dans le cadre du Pacte régional"]], []],
  ["2 295 000 euros dont 1 606 000 euros financés dans le cadre du Pacte régional", "amount", 2295000, null, null, 1606000, null, [[2295000,""],[1606000,"financés dans le cadre du Pacte régional"]], []],
  ["350 000 euros dont 134 000 euros financés dans le cadre du Pacte régional", "amount", 350000, null, null, 134000, null, [[350000,""],[134000,"financés dans le cadre du Pacte régional"]], []],
  ["1 880 000 euros dont 1 127 000 euros financés dans le cadre du Pacte régional", "amount", 1880000, null, null, 1127000, null, [[1880000,""],[1127000,"financés dans le cadre du Pacte régional"]], []],
  ["Un budget global de 2 000 000 euros partagé entre l'État et la Région", "amount", 2000000, null, null, null, null, [[2000000,"partagé entre l'État et la Région"]], []],
  ["722 000 euros", "amount", 722000, null, null, null, null, [[722000,""]], []],
  ["6 300 000 euros par an", "amount", 6300000, null, null, null, "an", [[6300000,"par an"]], []],
  ["250 000 euros (réalisation de 12 films et achat équipement)", "amount", 250000, null, null, null, null, [[250000,"réalisation de 12 films et achat équipement"]], []],
  ["358 150 euros en 2019", "amount", 358150, null, null, null, null, [[358150,"en 2019"]], []],
  ["1 000 000 euros par an", "amount", 1000000, null, null, null, "an", [[1000000,"par an"]], []],
  ["1 266 000 euros en 2019", "amount", 1266000, null, null, null, null, [[1266000,"en 2019"]], []],
  ["1 200 000 euros", "amount", 1200000, null, null, null, null, [[1200000,""]], []],
  ["1 265 600 euros", "amount", 1265600, null, null, null, null, [[1265600,""]], []],
  ["356 700 euros pour les 3 projets retenus en 2019", "amount", 356700, null, null, null, null, [[356700,"pour les 3 projets retenus en 2019"]], []],
  ["Pris sur le budget du plan régional de formation en phase expérimentale", "in-kind", null, null, null, null, null, [], []],
  ["157 700 euros", "amount", 157700, null, null, null, null, [[157700,""]], []],
  ["9 000 000 euros par an hors frais de rémunération des stagiaires", "amount", 9000000, null, null, null, "an", [[9000000,"par an hors frais de rémunération des stagiaires"]], []],
  ["822 000 euros pour 2020", "amount", 822000, null, null, null, null, [[822000,"pour 2020"]], []],
  ["1 600 000 euros", "amount", 1600000, null, null, null, null, [[1600000,""]], []],
  ["Pas de budget spécifique", "none", null, null, null, null, null, [], []],
  ["Pas de budget spécifique Coût intégré à la démultiplication des places ouvertes grâce au financement de l'État", "none", null, null, null, null, null, [], []],
  ["327 100 euros pour 2019", "amount", 327100, null, null, null, null, [[327100,"pour 2019"]], []],
  ["60 000 euros", "amount", 60000, null, null, null, null, [[60000,""]], []],
  ["3 320 000 euros", "amount", 3320000, null, null, null, null, [[3320000,""]], []],
  ["3 600 000 euros en 2019", "amount", 3600000, null, null, null, null, [[3600000,"en 2019"]], []],
  ["2018 : 29 097 800 euros 2019 : 56 937 700 euros 2020 : 61 512 000 euros", "amount", null, null, null, null, null, [[29097800,"2018"],[56937700,"2019"],[61512000,"2020"]], ["normalise/budget-without-total"]],
  ["10 000 000 euros", "amount", 10000000, null, null, null, null, [[10000000,""]], []],
  ["5 000 000 euros en phase expérimentale", "amount", 5000000, null, null, null, null, [[5000000,"en phase expérimentale"]], []],
  ["391 000 000 euros sur 4 ans", "amount", 391000000, null, null, null, null, [[391000000,"sur 4 ans"]], []],
  ["Pas de coût direct sur le Pacte régional Mobilisation des équipes de la Région implantées sur les territoires", "none", null, null, null, null, null, [], []],
  ["8 625 000 euros 10 289 100 euros avec la rémunération des stagiaires", "amount", 8625000, null, null, null, null, [[8625000,""],[10289100,"avec la rémunération des stagiaires"]], []],
  ["500 euros par stagiaire soit un total de 18 000 euros", "amount", 18000, null, null, null, null, [[500,"par stagiaire"],[18000,"total"]], []],
  ["23 000 000 euros par an", "amount", 23000000, null, null, null, "an", [[23000000,"par an"]], []],
  ["16 400 000 euros (hors aide financière aux stagiaires)", "amount", 16400000, null, null, null, null, [[16400000,"hors aide financière aux stagiaires"]], []],
  ["265 600 euros", "amount", 265600, null, null, null, null, [[265600,""]], []],
  ["30 000 000 euros pour #Avenir (hors rémunération des stagiaires) 1 400 000 euros pour les plateaux techniques", "amount", null, null, null, null, null, [[30000000,"pour #Avenir"],[1400000,"pour les plateaux techniques"]], ["normalise/budget-without-total"]],
  ["72 000 000 euros pour 16 000 entrées (estimatif 2020)", "amount", 72000000, null, null, null, null, [[72000000,"pour 16 000 entrées"]], []],
  ["1/4 d'ETP dédié sur l'année Le financement de toutes les évaluations CléA", "in-kind", null, null, null, null, null, [], []],
  ["3 215 800 euros", "amount", 3215800, null, null, null, null, [[3215800,""]], []],
  ["500 000 euros", "amount", 500000, null, null, null, null, [[500000,""]], []],
  ["En cours d'estimation en fonction des actions retenues suite au LAB", "unknown", null, null, null, null, null, [], []],
  ["8 000 à 10 000 euros par parcours", "range", null, 8000, 10000, null, "parcours", [[8000,"par parcours"],[10000,"par parcours"]], []],
  ["3 800 000 euros", "amount", 3800000, null, null, null, null, [[3800000,""]], []],
  ["30 000 euros pour la réalisation et la diffusion du kit", "amount", 30000, null, null, null, null, [[30000,"pour la réalisation et la diffusion du kit"]], []],
  ["1 360 000 euros Près de 1 000 000 euros engagés en 2019", "amount", 1360000, null, null, null, null, [[1360000,""],[1000000,"engagés en 2019"]], []],
  ["DECLIC : 3 200 000 euros LECTIO : 3 000 000 euros Projet Pro : 42 000 000 euros", "amount", null, null, null, null, null, [[3200000,"DECLIC"],[3000000,"LECTIO"],[42000000,"Projet Pro"]], ["normalise/budget-without-total"]],
  ["30 000 000 euros", "amount", 30000000, null, null, null, null, [[30000000,""]], []],
  ["Estimation entre 200 000 et 400 000 euros pour les fonds d'aides et 30 000 euros pour la gestion en 1re année de l'expérimentation", "range", null, 200000, 400000, null, null, [[200000,"pour les fonds d'aides"],[400000,"pour les fonds d'aides"],[30000,"pour la gestion en 1re année de l'expérimentation"]], ["normalise/budget-without-total"]],
  ["50 000 euros", "amount", 50000, null, null, null, null, [[50000,""]], []],
  ["Défraiement des travaux de Claire Caboche (inférieurs à 50 000 euros par an)", "range", null, null, 50000, null, "an", [[50000,"par an"]], []],
  ["95 380 euros", "amount", 95380, null, null, null, null, [[95380,""]], []],
  ["5 000 000 euros pour 2020", "amount", 5000000, null, null, null, null, [[5000000,"pour 2020"]], []],
  ["Coût standard journalier de 3 500 euros (pour 60 personnes)", "amount", 3500, null, null, null, "jour", [[3500,"pour 60 personnes"]], []],
  ["Entre 7 000 et 8 000 euros (coût moyen d'une journée de la place de l'emploi et de la formation)", "range", null, 7000, 8000, null, null, [[7000,"coût moyen d'une journée de la place de l'emploi"],[8000,"coût moyen d'une journée de la place de l'emploi"]], []],
  ["1 400 000 euros pour l'aide aux organismes de formation", "amount", 1400000, null, null, null, null, [[1400000,"pour l'aide aux organismes de formation"]], []],
  ["1 075 000 euros dont 750 000 euros financés dans le cadre du Pacte régional", "amount", 1075000, null, null, 750000, null, [[1075000,""],[750000,"financés dans le cadre du Pacte régional"]], []],
  ["Pas de budget spécifique (temps d'animation par Emfor, le Carif-Oref de la Région)", "none", null, null, null, null, null, [], []],
  ["625 400 euros en 2019 3 100 000 euros sur 4 ans", "amount", null, null, null, null, null, [[625400,"en 2019"],[3100000,"sur 4 ans"]], ["normalise/budget-without-total"]],
  ["900 000 euros 300 000 euros la première année puis 200 000 euros par an", "amount", 900000, null, null, null, null, [[900000,""],[300000,"la première année"],[200000,"par an"]], []],
  ["300 000 euros", "amount", 300000, null, null, null, null, [[300000,""]], []],
  ["3 000 000 euros", "amount", 3000000, null, null, null, null, [[3000000,""]], []],
  ["1 600 000 euros sur 4 ans", "amount", 1600000, null, null, null, null, [[1600000,"sur 4 ans"]], []],
  ["68 500 000 euros pour 12 500 entrées (estimatif 2019)", "amount", 68500000, null, null, null, null, [[68500000,"pour 12 500 entrées"]], []],
  ["50 000 euros par an", "amount", 50000, null, null, null, "an", [[50000,"par an"]], []],
  ["120 000 euros pour le développement du projet 100 000 euros de fonctionnement", "amount", null, null, null, null, null, [[120000,"pour le développement du projet"],[100000,"de fonctionnement"]], ["normalise/budget-without-total"]],
  ["200 000 euros mobilisés sur l'appel à projets « Initiatives territoriales »", "amount", 200000, null, null, null, null, [[200000,"mobilisés sur l'appel à projets « Initiatives territoriales »"]], []],
  ["Logistique : 1 000 euros par territoire Organisation : 50 jours/homme", "amount", 1000, null, null, null, "territoire", [[1000,"Logistique"]], []],
  ["88 000 euros", "amount", 88000, null, null, null, null, [[88000,""]], []],
  ["150 000 euros sur 2019 1 000 000 euros sur 4 ans", "amount", null, null, null, null, null, [[150000,"sur 2019"],[1000000,"sur 4 ans"]], ["normalise/budget-without-total"]],
  ["79 500 euros", "amount", 79500, null, null, null, null, [[79500,""]], []],
  ["7 000 000 euros", "amount", 7000000, null, null, null, null, [[7000000,""]], []],
  ["Inscrit au budget du Format Innovation", "in-kind", null, null, null, null, null, [], []],
  ["17 000 000 euros", "amount", 17000000, null, null, null, null, [[17000000,""]], []],
  ["1 384 000 euros", "amount", 1384000, null, null, null, null, [[1384000,""]], []],
  ["150 000 euros", "amount", 150000, null, null, null, null, [[150000,""]], []],
  ["3 296 000 euros en fonctionnement 250 000 euros en investissement", "amount", null, null, null, null, null, [[3296000,"en fonctionnement"],[250000,"en investissement"]], ["normalise/budget-without-total"]],
  ["28 000 000 euros", "amount", 28000000, null, null, null, null, [[28000000,""]], []],
  ["14 740 000 euros par an 11 000 000 euros pour la revalorisation de la rémunération, 640 000 euros pour la prise en charge des frais de déplacements, 3 100 000 euros pour l'aide forfaitaire", "amount", 14740000, null, null, null, "an", [[14740000,"par an"],[11000000,"pour la revalorisation de la rémunération"],[640000,"pour la prise en charge des frais de déplacements"],[3100000,"pour l'aide forfaitaire"]], []],];

// Forms other editions may use, and edge cases.
const OTHER_FORMS: Row[] = [
  ["1,2 million d'euros", 'amount', 1200000, null, null, null, null, [[1200000, '']], []],
  ['1,15 million d’euros', 'amount', 1150000, null, null, null, null, [[1150000, '']], []],
  ['1,5 M€', 'amount', 1500000, null, null, null, null, [[1500000, '']], []],
  ['1.5 M€', 'amount', 1500000, null, null, null, null, [[1500000, '']], []],
  ['250 k€', 'amount', 250000, null, null, null, null, [[250000, '']], []],
  ["2 milliards d'euros", 'amount', 2000000000, null, null, null, null, [[2000000000, '']], []],
  ['15 000 €', 'amount', 15000, null, null, null, null, [[15000, '']], []],
  ['15\u202F000\u00A0€ par an', 'amount', 15000, null, null, null, 'an', [[15000, 'par an']], []],
  ['2\u00A0400\u00A0000 euros', 'amount', 2400000, null, null, null, null, [[2400000, '']], []],
  ['2\u2009400\u2009000 EUR', 'amount', 2400000, null, null, null, null, [[2400000, '']], []],
  ['1.500.000 euros', 'amount', 1500000, null, null, null, null, [[1500000, '']], []],
  ['1 234,56 euros', 'amount', 1234.56, null, null, null, null, [[1234.56, '']], []],
  ['49 000 000 / euros', 'amount', 49000000, null, null, null, null, [[49000000, '']], []],
  ['10 100 000 euros / 13 847 000 euros avec la rémunération des stagiaires', 'amount', 10100000, null, null, null, null, [[10100000, ''], [13847000, 'avec la rémunération des stagiaires']], []],
  ["1 à 2 millions d'euros", 'range', null, 1000000, 2000000, null, null, [[1000000, ''], [2000000, '']], []],
  ['12 000 euros à 15 000 euros par parcours', 'range', null, 12000, 15000, null, 'parcours', [[12000, 'par parcours'], [15000, 'par parcours']], []],
  ['De 1 000 à 2 000 euros/an', 'range', null, 1000, 2000, null, 'an', [[1000, '/an'], [2000, '/an']], []],
  ['Entre 390 et 930 euros par mois, non imposable', 'range', null, 390, 930, null, 'mois', [[390, 'par mois'], [930, 'par mois']], []],
  ['Plus de 1 000 000 euros', 'range', null, 1000000, null, null, null, [[1000000, '']], []],
  ['Un budget annuel de 3 000 000 euros', 'amount', 3000000, null, null, null, 'an', [[3000000, 'Un budget annuel']], []],
  ['300 000 euros au titre du Pacte', 'amount', 300000, null, null, 300000, null, [[300000, 'au titre du Pacte']], []],
  ['500 000 euros hors Pacte', 'amount', 500000, null, null, null, null, [[500000, 'hors Pacte']], []],
  // "et" without "entre" lists two figures; a year is never the low end of a range.
  ['200 000 et 30 000 euros', 'amount', 200000, null, null, null, null, [[200000, ''], [30000, '']], []],
  ['2019 - 500 000 euros', 'amount', 500000, null, null, null, null, [[500000, '2019']], []],
  ['en 2019 3 100 000 euros', 'amount', 3100000, null, null, null, null, [[3100000, 'en 2019']], []],
  ['Total : 3 000 000 euros dont 1 000 000 euros sur le Pacte', 'amount', 3000000, null, null, 1000000, null, [[3000000, 'Total'], [1000000, 'sur le Pacte']], []],
  // Boxes without an amount.
  ['Mise à disposition de locaux', 'in-kind', null, null, null, null, null, [], []],
  ['Budget à définir', 'unknown', null, null, null, null, null, [], []],
  ['Aucun coût', 'none', null, null, null, null, null, [], []],
  ['pour 60 personnes', 'unknown', null, null, null, null, null, [], ['normalise/unread-budget']],
  ['', 'unknown', null, null, null, null, null, [], ['normalise/unread-budget']],
  ["quelques milliers d'euros", 'unknown', null, null, null, null, null, [], ['normalise/unread-amount', 'normalise/unread-budget']],
];

describe('parseBudget on the 2020 edition', () => {
  it.each(EDITION_2020)('%s', (...row) => check(row as Row));
});

describe('parseBudget on other forms', () => {
  it.each(OTHER_FORMS)('%s', (...row) => check(row as Row));
});

describe('parseBudget', () => {
  it('keeps the input text unchanged', () => {
    const text = '  1\u202F000\u00A0euros  ';
    expect(parseBudget(text).budget.text).toBe(text);
  });

  it('names the box it cannot read', () => {
    const { diagnostics } = parseBudget('Voir annexe');
    expect(diagnostics).toEqual([{ code: 'normalise/unread-budget', severity: 'warning', message: expect.stringContaining('Voir annexe') }]);
  });

  it('reports a stated total without adding parts up itself', () => {
    expect(parseBudget('2018 : 10 euros 2019 : 20 euros').budget.amountEur).toBeNull();
    expect(parseBudget('30 euros 10 euros pour A, 20 euros pour B').budget.amountEur).toBe(30);
  });
});

describe('parseAmounts', () => {
  it('lists every euro figure in order with its context', () => {
    expect(parseAmounts('DECLIC : 3 200 000 euros LECTIO : 3 000 000 euros')).toEqual([
      { eur: 3200000, context: 'DECLIC' },
      { eur: 3000000, context: 'LECTIO' },
    ]);
  });

  it('never reads counts, years or percentages as amounts', () => {
    expect(parseAmounts('72 000 000 euros pour 16 000 entrées (estimatif 2020), hausse de 20%')).toEqual([
      { eur: 72000000, context: 'pour 16 000 entrées' },
    ]);
  });
});
