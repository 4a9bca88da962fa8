// Builds small valid datasets for tests, so that they do not depend on a pipeline run.
import { DatasetSchema, SCHEMA_VERSION, type Card, type Dataset } from '../../src/validate/schema.ts';

export interface CardSpec {
  region: string;
  title: string;
  /** Printed page number of the card's first page; the second is the next one. */
  page: number;
}

/** ASCII, lower case, hyphen-separated: the slug rule of card ids. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A complete, valid card whose texts are derived from its title, so that two cards never share them. */
export function makeCard(spec: CardSpec, overrides: Partial<Card> = {}): Card {
  const { region, title, page } = spec;
  const pdfPage = page + 2;
  const box = { page: pdfPage, bbox: [40, 100, 300, 140] as [number, number, number, number] };
  return {
    id: `${slugify(region)}--${slugify(title)}`,
    title,
    titleOnCard: title.toUpperCase(),
    region,
    axis: '1',
    theme: 'Accompagner les demandeurs d’emploi',
    pages: [page, page + 1],
    pdfPages: [pdfPage, pdfPage + 1],
    tagline: `pour ${title.toLowerCase()} dans la région`,
    objectives: [
      { kind: 'item', text: `Permettre de ${title.toLowerCase()} au plus près des territoires` },
      { kind: 'item', text: 'Sécuriser les parcours des personnes les moins qualifiées' },
    ],
    plusValues: [{ kind: 'paragraph', text: `Une démarche partenariale pour ${title.toLowerCase()}.` }],
    contacts: [
      {
        organisation: `Région ${region}`,
        name: 'Camille Martin',
        role: 'cheffe de projet formation',
        email: 'camille.martin@example.fr',
        phone: '01 23 45 67 89',
      },
    ],
    presentation: [
      {
        kind: 'paragraph',
        text: `Le projet vise à ${title.toLowerCase()} en associant les entreprises, les organismes de formation et le service public de l’emploi du territoire.`,
      },
      { kind: 'paragraph', text: 'Les stagiaires bénéficient d’un accompagnement individualisé tout au long du parcours.' },
    ],
    keyFigures: [
      { kind: 'territory', label: 'Territoire', text: `Toute la région ${region}` },
      { kind: 'beneficiaries', label: 'Bénéficiaires', text: '300 demandeurs d’emploi' },
      { kind: 'budget', label: 'Budget', text: '1 200 000 euros dont 800 000 euros au titre du Pacte' },
    ],
    territory: `Toute la région ${region}`,
    beneficiaries: { text: '300 demandeurs d’emploi', numbers: [{ value: 300, context: '300 demandeurs d’emploi' }] },
    budget: {
      text: '1 200 000 euros dont 800 000 euros au titre du Pacte',
      status: 'amount',
      amountEur: 1_200_000,
      minEur: null,
      maxEur: null,
      pacteEur: 800_000,
      per: null,
      amounts: [
        { eur: 1_200_000, context: '1 200 000 euros' },
        { eur: 800_000, context: 'dont 800 000 euros au titre du Pacte' },
      ],
    },
    calendar: [
      { label: 'Septembre 2019', text: 'Lancement de l’appel à projets', start: '2019-09-01', end: '2019-09-30', precision: 'month' },
      { label: 'Janvier 2020', text: 'Entrée des premiers stagiaires en formation', start: '2020-01-01', end: '2020-01-31', precision: 'month' },
      { label: '2nd semestre 2020', text: 'Bilan et essaimage', start: '2020-07-01', end: '2020-12-31', precision: 'semester' },
    ],
    extras: [],
    language: 'fra',
    provenance: { title: box, budget: { page: pdfPage + 1, bbox: [400, 500, 560, 560] } },
    ...overrides,
  };
}

/** A dataset around the given cards, checked against the schema (throws if the test built something invalid). */
export function makeDataset(cards: Card[], edition: Partial<Dataset['edition']> = {}): Dataset {
  return DatasetSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    source: { file: 'edition.pdf', sha256: 'a'.repeat(64), pageCount: 300, title: 'L’innovation en actions' },
    edition: { title: 'L’innovation en actions à travers les Pactes régionaux', date: '2020-01', ...edition },
    cards,
    diagnostics: [],
  });
}
