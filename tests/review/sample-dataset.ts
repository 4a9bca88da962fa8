// A small valid Dataset over the real edition PDF: three cards whose provenance boxes were measured with
// `pdftotext -bbox-layout` (points, origin top-left), plus values chosen to stress CSV quoting.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DatasetSchema, SCHEMA_VERSION, type Card, type Dataset } from '../../src/validate/schema.ts';

export const SAMPLE_PDF = path.resolve('input/pactes-regionaux-innovation-en-actions-2020-01.pdf');

/** Card 1's title as printed on PDF page 12 (three lines), as pdftotext measures it. */
export const KNOWN_TITLE_BOX = { page: 12, bbox: [39.7, 62.5, 455.8, 150.6] as [number, number, number, number] };

const emptyCard = (): Omit<Card, 'id' | 'title' | 'region' | 'axis' | 'pages' | 'pdfPages'> => ({
  titleOnCard: '',
  theme: '',
  tagline: null,
  objectives: [],
  plusValues: [],
  contacts: [],
  presentation: [],
  keyFigures: [],
  territory: null,
  beneficiaries: null,
  budget: null,
  calendar: [],
  extras: [],
  language: 'fra',
  provenance: {},
});

const hotellerie: Card = {
  ...emptyCard(),
  id: 'auvergne-rhone-alpes--hotellerie-restauration-un-parcours-emploi-formation-innovant',
  title: 'Hôtellerie-restauration : un parcours emploi-formation innovant',
  titleOnCard: 'HÔTELLERIE- RESTAURATION : UN PARCOURS EMPLOI-FORMATION INNOVANT',
  region: 'Auvergne-Rhône-Alpes',
  axis: '1',
  theme: 'Des actions de formation construites sur-mesure avec les entreprises',
  pages: [12, 13],
  pdfPages: [12, 13],
  tagline: "pour répondre aux besoins du secteur et préparer l'insertion dans l'hôtellerie et la restauration",
  objectives: [
    { kind: 'paragraph', text: 'Créer avec un organisme de formation et des entreprises engagées, un parcours à tiroirs qui combine emploi et formation certifiante dans l\'hôtellerie-restauration :' },
    { kind: 'item', text: 'Associer l\'entreprise à la définition de l\'action, au démarrage de la formation et dans la poursuite du parcours ;' },
    { kind: 'item', text: 'Enrichir la relation entre employeurs, organismes de formation et Pôle emploi.' },
  ],
  plusValues: [{ kind: 'item', text: 'Un accès des demandeurs d\'emploi à une pluralité de métiers dans le secteur de l\'hôtellerie-restauration ;' }],
  contacts: [
    {
      organisation: 'Pôle emploi Auvergne-Rhône-Alpes',
      name: 'Dominique Bidault',
      role: 'cheffe de projet Pacte régional',
      email: 'dominique.bidault@pole-emploi.fr',
      phone: '04 72 86 07 38',
    },
  ],
  presentation: [{ kind: 'paragraph', text: 'Le projet a pour objet la co-construction d\'un parcours de formation « à tiroirs », entre un organisme de formation, des entreprises engagées et Pôle emploi.' }],
  keyFigures: [
    { kind: 'territory', label: null, text: 'Un projet expérimenté dans le département de la Haute-Savoie' },
    { kind: 'beneficiaries', label: 'Nombre prévu de bénéficiaires', text: '14 stagiaires en 2019 Une cible de 140 stagiaires à atteindre en 2021' },
    { kind: 'budget', label: 'Budget', text: '12 000 à 15 000 euros par parcours' },
  ],
  territory: 'Un projet expérimenté dans le département de la Haute-Savoie',
  beneficiaries: {
    text: '14 stagiaires en 2019 Une cible de 140 stagiaires à atteindre en 2021',
    numbers: [
      { value: 14, context: 'stagiaires en 2019' },
      { value: 140, context: 'stagiaires à atteindre en 2021' },
    ],
  },
  budget: {
    text: '12 000 à 15 000 euros par parcours',
    status: 'range',
    amountEur: null,
    minEur: 12000,
    maxEur: 15000,
    pacteEur: null,
    per: 'parcours',
    amounts: [
      { eur: 12000, context: '12 000' },
      { eur: 15000, context: 'à 15 000 euros par parcours' },
    ],
  },
  calendar: [
    { label: 'Septembre 2019', text: 'Sourcing des candidats : information collective', start: '2019-09-01', end: '2019-09-30', precision: 'month' },
    { label: 'Octobre 2019', text: 'Démarrage des sessions', start: '2019-10-01', end: '2019-10-31', precision: 'month' },
  ],
  provenance: {
    titleOnCard: KNOWN_TITLE_BOX,
    axis: { page: 12, bbox: [39.7, 39.0, 370.8, 48.6] },
    region: { page: 12, bbox: [48.2, 157.3, 197.4, 170.9] },
    tagline: { page: 12, bbox: [39.7, 184.4, 538.3, 200.8] },
    objectives: { page: 12, bbox: [39.7, 228.7, 546.6, 353.8] },
    plusValues: { page: 12, bbox: [53.8, 364.4, 548.7, 427.3] },
    contacts: { page: 12, bbox: [59.3, 721.3, 266.0, 793.8] },
    pages: { page: 12, bbox: [39.7, 811.7, 48.5, 821.9] },
    presentation: { page: 13, bbox: [39.7, 76.4, 380.5, 373.3] },
    keyFigures: { page: 13, bbox: [400.8, 120.0, 540.8, 360.4] },
    territory: { page: 13, bbox: [400.8, 120.0, 538.1, 168.4] },
    beneficiaries: { page: 13, bbox: [400.8, 212.3, 540.8, 262.9] },
    budget: { page: 13, bbox: [400.8, 306.8, 462.0, 360.4] },
    calendar: { page: 13, bbox: [39.7, 727.4, 408.2, 802.2] },
  },
};

const frap: Card = {
  ...emptyCard(),
  id: 'bourgogne-franche-comte--le-frap-fonds-regional-d-appui-a-la-professionnalisation',
  title: 'Le FRAP, fonds régional d\'appui à la professionnalisation',
  titleOnCard: 'LE FRAP, FONDS RÉGIONAL D\'APPUI À LA PROFESSIONNALISATION',
  region: 'Bourgogne-Franche-Comté',
  axis: '1',
  theme: 'Des actions de formation construites sur-mesure avec les entreprises',
  pages: [14, 15],
  pdfPages: [14, 15],
  tagline: 'pour répondre rapidement aux besoins en recrutement des entreprises',
  contacts: [
    // A role with a comma and a quote, to exercise CSV quoting.
    { organisation: 'Région Bourgogne-Franche-Comté', name: 'Nathalie Nectoux', role: 'chef du service "qualification", DFPC', email: 'nathalie.nectoux@bourgognefranchecomte.fr', phone: '03 81 61 64 87' },
    { organisation: null, name: null, role: null, email: null, phone: null },
  ],
  budget: {
    text: '1 800 000 euros par an dont 1 000 000 euros au titre du Pacte',
    status: 'amount',
    amountEur: 1800000,
    minEur: null,
    maxEur: null,
    pacteEur: 1000000,
    per: 'an',
    amounts: [
      { eur: 1800000, context: '1 800 000 euros par an' },
      { eur: 1000000, context: 'dont 1 000 000 euros au titre du Pacte' },
    ],
  },
  calendar: [
    { label: '2019', text: 'Renforcement du FRAP et augmentation de ses capacités', start: '2019-01-01', end: '2019-12-31', precision: 'year' },
    { label: '2020', text: 'Réflexion sur l\'évolution du FRAP', start: '2020-01-01', end: '2020-12-31', precision: 'year' },
  ],
  extras: [{ heading: 'Note', text: 'Première ligne\r\nseconde ligne, avec « guillemets » et "quotes"' }],
  provenance: {
    titleOnCard: { page: 14, bbox: [39.7, 62.5, 546.1, 123.6] },
    region: { page: 14, bbox: [48.2, 130.3, 227.7, 143.9] },
    budget: { page: 15, bbox: [400.8, 285.0, 500.3, 350.7] },
    calendar: { page: 15, bbox: [39.7, 727.4, 548.7, 802.2] },
  },
};

const chantiers: Card = {
  ...emptyCard(),
  id: 'centre-val-de-loire--les-chantiers-ecoles-et-formation',
  title: 'Les chantiers « école et formation »',
  titleOnCard: 'LES CHANTIERS « ÉCOLES ET FORMATION »',
  region: 'Centre-Val de Loire',
  axis: '2',
  theme: 'De nouvelles approches pédagogiques pour amener vers la réussite les publics les plus vulnérables',
  pages: [116, 117],
  pdfPages: [116, 117],
  tagline: "pour redonner envie d'apprendre à des publics éloignés de l'emploi par des mises en situation pratique",
  budget: { text: '822 000 euros pour 2020', status: 'amount', amountEur: 822000, minEur: null, maxEur: null, pacteEur: null, per: null, amounts: [{ eur: 822000, context: '822 000 euros pour 2020' }] },
  calendar: [
    { label: '2019', text: 'Choix des chantiers formation via un appel à initiatives', start: '2019-01-01', end: '2019-12-31', precision: 'year' },
    { label: '2nd semestre 2020', text: 'Démarrage des chantiers', start: '2020-07-01', end: '2020-12-31', precision: 'semester' },
    { label: 'ensuite', text: 'Bilan', start: null, end: null, precision: null },
  ],
  provenance: {
    titleOnCard: { page: 116, bbox: [39.7, 62.5, 550.4, 123.6] },
    region: { page: 116, bbox: [48.2, 130.3, 176.8, 143.9] },
    budget: { page: 117, bbox: [400.8, 270.0, 490.9, 311.7] },
    calendar: { page: 117, bbox: [39.7, 737.2, 411.6, 802.2] },
  },
};

/** A fresh copy each call, so tests may mutate it. */
export function buildSampleDataset(): Dataset {
  const pdf = readFileSync(SAMPLE_PDF);
  const dataset: Dataset = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      file: path.basename(SAMPLE_PDF),
      sha256: createHash('sha256').update(pdf).digest('hex'),
      pageCount: 292,
      title: "L'innovation en actions à travers les Pactes régionaux",
    },
    edition: { title: "L'innovation en actions à travers les Pactes régionaux", date: '2020-01' },
    cards: structuredClone([hotellerie, frap, chantiers]),
    diagnostics: [
      { code: 'segment/unknown-page', severity: 'info', message: 'Page 5 has no recognised role', page: 5, cardId: null },
      { code: 'fields/contact-incomplete', severity: 'warning', message: 'The contact box lists a telephone without a name', page: 12, cardId: hotellerie.id },
      { code: 'fields/theme-guessed', severity: 'info', message: 'Theme taken from the page header', page: 14, cardId: frap.id },
      { code: 'fields/calendar-no-year', severity: 'warning', message: 'Calendar label "ensuite" has no year', page: 117, cardId: chantiers.id },
      { code: 'fields/contacts-missing', severity: 'error', message: 'No CONTACT box found', page: 116, cardId: chantiers.id },
    ],
  };
  return DatasetSchema.parse(dataset);
}
