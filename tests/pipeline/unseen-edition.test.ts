// An edition the pipeline has never seen: US Letter, Times, other margins, hyphenated justified
// text, printed page numbers offset from the PDF's, cards in another order than the table of
// contents. Everything must come out as the contract says, without code changes.
import { writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../src/load/load-document.ts';
import { extractEdition } from '../../src/pipeline/extract-edition.ts';
import type { Card, Dataset } from '../../src/validate/schema.ts';
import { plainText, typesetEdition, type CardSpec, type EditionSpec } from '../support/typeset-edition.ts';

const NB = '\u00A0';

const BRETAGNE: CardSpec = {
  key: 'mer',
  title: 'Cap sur les métiers de la mer : un parcours de formation en alternance',
  region: 'Bretagne',
  tagline: 'pour répondre aux besoins de recrutement des entreprises de la filière maritime et portuaire',
  objectives: [
    {
      kind: 'paragraph',
      text: `Construire avec les armateurs et les entreprises portuaires un parcours de formation qualifiante qui alterne apprentissage en centre et mises en situation professionnelle à bord${NB}:`,
    },
    { kind: 'item', text: `Identifier avec les employeurs les compétences attendues sur les navires de pêche, de commerce et de plaisance${NB};` },
    { kind: 'item', text: `Proposer aux demandeurs d’emploi une formation certifiante adaptée aux contraintes saisonnières de la filière${NB};` },
    { kind: 'item', text: 'Sécuriser les transitions professionnelles vers les métiers portuaires et la maintenance navale.' },
  ],
  plusValues: [
    { kind: 'item', text: `Une meilleure **attractivité des métiers de la mer** auprès des jeunes et des demandeurs d’emploi du littoral${NB};` },
    {
      kind: 'item',
      text: 'Un **recrutement facilité** pour les entreprises, grâce à la co-construction des contenus de formation avec les organismes de formation et les branches professionnelles.',
    },
  ],
  contact: {
    organisation: 'Région Bretagne',
    people: [{ name: 'Gwenaëlle Le Goff', role: 'chargée de mission emploi et formation maritimes', email: 'gwenaelle.legoff@bretagne.bzh', phone: '02 99 27 10 10' }],
  },
  presentation: [
    {
      kind: 'paragraph',
      text: `Le parcours «${NB}Cap sur les métiers de la mer${NB}» est né d’un constat partagé par les armateurs bretons${NB}: les postes de matelot, de mécanicien et d’agent portuaire restent difficiles à pourvoir, alors que de nombreux demandeurs d’emploi du littoral recherchent une formation qualifiante proche de chez eux.`,
    },
    {
      kind: 'paragraph',
      text: 'Depuis son lancement au printemps dernier, la démarche de co-construction du parcours associe la Région, Pôle emploi, les lycées professionnels maritimes et les organisations professionnelles. Chaque stagiaire bénéficie d’un accompagnement individualisé, d’une période d’immersion en entreprise et d’une préparation aux certificats obligatoires pour naviguer.',
    },
    {
      kind: 'paragraph',
      text: 'À l’issue de la formation, les entreprises partenaires s’engagent à recevoir les stagiaires en entretien d’embauche et à proposer des contrats saisonniers ou permanents.',
    },
  ],
  territory: 'Les bassins d’emploi de Brest, Lorient et Saint-Malo',
  beneficiaries: { figure: '120', after: 'stagiaires par an' },
  budget: { figure: `250${NB}000 euros`, lines: ['par an', `dont 100${NB}000 euros au titre du Pacte`] },
  calendar: [
    { label: 'Janvier 2021', text: 'Lancement de l’appel à candidatures auprès des organismes de formation et information des demandeurs d’emploi' },
    { label: 'Mars à juin 2021', text: 'Sélection des candidats avec les armateurs et les lycées maritimes' },
    { label: 'Septembre 2021 à juin 2022', text: 'Premières entrées en formation et accompagnement des stagiaires pendant les périodes à bord' },
    { label: 'Septembre 2022', text: 'Évaluation du parcours et extension à de nouveaux métiers portuaires' },
  ],
};

const BOURGOGNE: CardSpec = {
  key: 'industrie',
  title: 'Des formations certifiantes pour l’industrie du futur',
  region: 'Bourgogne-Franche-Comté',
  tagline: 'pour accompagner la transformation numérique des entreprises industrielles',
  objectives: [
    {
      kind: 'item',
      text: `**Former les demandeurs d’emploi** aux nouveaux métiers de la production, de la maintenance et du pilotage des lignes automatisées${NB};`,
    },
    {
      kind: 'item',
      text: '**Anticiper les besoins en compétences** des petites et moyennes entreprises industrielles de Bourgogne-Franche-Comté, en lien avec les branches professionnelles.',
    },
  ],
  plusValues: [
    {
      kind: 'paragraph',
      text: 'Une réponse concrète aux difficultés de recrutement de l’industrie régionale, qui s’appuie sur les plateformes technologiques des lycées et des centres de formation d’apprentis.',
    },
  ],
  contact: {
    organisation: 'Région Bourgogne-Franche-Comté',
    people: [
      { name: 'Claire Moreau', role: 'directrice de la formation professionnelle', email: 'claire.moreau@bourgognefranchecomte.fr', phone: '03 81 61 61 61' },
      { name: 'Julien Petit', role: 'chargé de mission industrie et compétences', email: 'julien.petit@bourgognefranchecomte.fr', phone: '03 80 44 33 00' },
    ],
  },
  presentation: [
    {
      kind: 'paragraph',
      text: 'Les entreprises industrielles de Bourgogne-Franche-Comté (automobile, plasturgie, agroalimentaire, métallurgie) investissent dans la robotisation et la transformation numérique de leurs ateliers. Ces évolutions modifient profondément les compétences attendues des opérateurs et des techniciens.',
    },
    { kind: 'paragraph', text: `Le programme propose des formations certifiantes courtes, organisées par blocs de compétences${NB}:` },
    { kind: 'item', text: `une première période consacrée aux fondamentaux de la production industrielle et de la sécurité${NB};` },
    { kind: 'item', text: `une période d’application sur les plateformes technologiques, avec des équipements identiques à ceux des entreprises${NB};` },
    { kind: 'item', text: 'une période en entreprise, préparée avec le tuteur et le formateur.' },
    {
      kind: 'paragraph',
      text: 'Les organismes de formation retenus travaillent en réseau afin d’harmoniser les pratiques pédagogiques sur l’ensemble de la région.',
    },
  ],
  territory: 'Tout le territoire de la Bourgogne-Franche-Comté',
  beneficiaries: { before: 'Plus de', figure: '400', after: 'salariés et demandeurs d’emploi formés chaque année' },
  budget: { figure: `450${NB}000 euros`, lines: ['par an', `dont 200${NB}000 euros au titre du Pacte`] },
  calendar: [
    { label: 'Septembre à décembre 2020', text: 'Construction des référentiels avec les branches professionnelles' },
    { label: '1er semestre 2021', text: 'Ouverture des premières sessions dans les bassins de Belfort et de Dijon' },
    { label: '2021-2022', text: 'Déploiement sur l’ensemble des bassins industriels de la région' },
  ],
};

const HAUTS_DE_FRANCE: CardSpec = {
  key: 'code',
  title: 'Numérique solidaire : former les jeunes décrocheurs aux métiers du code',
  region: 'Hauts-de-France',
  tagline: 'pour ouvrir les métiers du numérique aux jeunes sans qualification',
  objectives: [
    {
      kind: 'paragraph',
      text: 'Permettre à des jeunes sortis du système scolaire sans diplôme d’accéder à une formation intensive aux métiers du développement informatique, accompagnée d’un soutien social et d’une remise à niveau en français et en mathématiques.',
    },
  ],
  plusValues: [
    { kind: 'item', text: `Une pédagogie par projets, fondée sur l’entraide entre apprenants et l’accompagnement de mentors issus des entreprises du numérique${NB};` },
    { kind: 'item', text: `Un **taux d’accès à l’emploi** ou à une formation qualifiante supérieur à 70${NB}% six mois après la sortie.` },
  ],
  contact: {
    organisation: 'Association Code Nord',
    people: [{ name: 'Samir Benali', role: 'directeur pédagogique', email: 's.benali@codenord.org', phone: '03 20 12 34 56' }],
  },
  presentation: [
    {
      kind: 'paragraph',
      text: 'Le programme s’adresse aux jeunes repérés par les missions locales, les associations de prévention et les établissements scolaires. Il débute par quatre semaines de découverte, pendant lesquelles les candidats réalisent leurs premiers programmes et confirment leur motivation.',
    },
    {
      kind: 'paragraph',
      text: 'La formation intensive dure ensuite six mois. Elle repose sur des projets commandés par des associations et des collectivités du territoire, ce qui permet aux apprenants de constituer un portfolio présentable aux employeurs.',
    },
    {
      kind: 'paragraph',
      text: 'Un référent social suit chaque jeune pendant toute la durée du parcours pour lever les freins périphériques à l’emploi (logement, mobilité, santé).',
    },
  ],
  territory: 'Les métropoles de Lille et d’Amiens, le bassin minier',
  beneficiaries: { before: 'Environ', figure: '60', after: 'jeunes accompagnés chaque année' },
  budget: { figure: `180${NB}000 euros`, lines: ['par an', `dont 90${NB}000 euros au titre du Pacte`] },
  calendar: [
    { label: 'Décembre 2020 à février 2021', text: 'Repérage des jeunes avec les missions locales et les associations de prévention' },
    { label: 'Printemps 2021', text: 'Première promotion de vingt apprenants à Lille' },
    { label: 'À partir de septembre 2021', text: 'Ouverture d’une deuxième promotion à Amiens' },
  ],
};

const PROVENCE: CardSpec = {
  key: 'vert',
  title: 'La fabrique des compétences vertes : former à la transition écologique',
  region: 'Provence-Alpes-Côte d’Azur',
  tagline: 'pour préparer les demandeurs d’emploi aux métiers de la rénovation énergétique et de l’économie circulaire',
  objectives: [
    { kind: 'paragraph', text: `Créer un lieu ressource où demandeurs d’emploi, entreprises et organismes de formation construisent ensemble des parcours vers les métiers verts${NB}:` },
    { kind: 'item', text: `Faire découvrir les métiers de la rénovation énergétique, du réemploi et de la gestion des déchets${NB};` },
    { kind: 'item', text: 'Adapter en continu les contenus de formation aux évolutions réglementaires du bâtiment.' },
  ],
  plusValues: [
    { kind: 'item', text: `Des **chantiers école** ouverts sur le territoire, qui valorisent les compétences acquises${NB};` },
    { kind: 'item', text: 'Une offre de formation lisible pour les entreprises du bâtiment et de l’économie circulaire.' },
  ],
  contact: {
    organisation: 'Région Sud Provence-Alpes-Côte d’Azur',
    people: [{ name: 'Marion Roux', role: 'cheffe de projet compétences vertes', email: 'mroux@maregionsud.fr', phone: '04 91 57 50 57' }],
  },
  presentation: [
    {
      kind: 'paragraph',
      text: 'La fabrique réunit dans un même lieu un plateau technique, un centre de ressources documentaires et des espaces de travail partagés. Les demandeurs d’emploi y découvrent les métiers par des ateliers pratiques animés par des professionnels.',
    },
    {
      kind: 'paragraph',
      text: 'Les parcours combinent des modules de découverte, des formations qualifiantes et des périodes sur des chantiers école, en partenariat avec les fédérations du bâtiment et les acteurs de l’économie sociale et solidaire.',
    },
  ],
  territory: 'Les Bouches-du-Rhône, le Var et les Alpes-Maritimes',
  beneficiaries: { figure: '200', after: 'demandeurs d’emploi en 2021' },
  budget: { figure: `320${NB}000 euros`, lines: ['par an', `dont 150${NB}000 euros au titre du Pacte`] },
  calendar: [
    { label: 'Mars 2021', text: 'Lancement des ateliers de découverte des métiers verts' },
    { label: 'Juin à septembre 2021', text: 'Formations qualifiantes sur les chantiers école' },
  ],
};

/** Another design: key figures left of the presentation, contact box under the tagline, a vertical timeline with each date beside its text. */
const OCCITANIE: CardSpec = {
  key: 'vigne',
  title: 'Vignes et caves : des compétences pour la viticulture durable',
  region: 'Occitanie',
  tagline: 'pour accompagner les exploitations viticoles vers des pratiques plus sobres',
  objectives: [
    { kind: 'item', text: `Former les salariés et les demandeurs d’emploi aux techniques de la viticulture raisonnée${NB};` },
    { kind: 'item', text: 'Faciliter les recrutements saisonniers des caves coopératives et des domaines.' },
  ],
  plusValues: [
    { kind: 'paragraph', text: 'Des formations courtes, construites avec les caves coopératives et organisées hors des périodes de vendanges, qui débouchent sur des emplois durables.' },
  ],
  contact: {
    organisation: 'Région Occitanie',
    people: [{ name: 'Paul Fabre', role: 'chargé de mission filières agricoles', email: 'paul.fabre@laregion.fr', phone: '04 67 22 80 00' }],
  },
  presentation: [
    {
      kind: 'paragraph',
      text: 'Le programme associe les lycées agricoles, les chambres d’agriculture et les caves coopératives. Chaque stagiaire alterne des modules en centre et des périodes dans une exploitation, où un tuteur l’accompagne tout au long de la saison.',
    },
    { kind: 'item', text: `Un module sur la taille et l’entretien de la vigne${NB};` },
    { kind: 'item', text: 'Un module sur la vinification et l’hygiène en cave.' },
  ],
  territory: 'Les vignobles de l’Hérault, de l’Aude et du Gard',
  beneficiaries: { before: 'Près de', figure: '150', after: 'stagiaires chaque année' },
  budget: { figure: `280${NB}000 euros`, lines: ['par an', `dont 120${NB}000 euros au titre du Pacte`] },
  calendar: [
    { label: 'Décembre 2020 à février 2021', text: 'Recensement des besoins des caves coopératives et des domaines viticoles du territoire' },
    { label: 'Avril 2021', text: 'Premières entrées en formation' },
    { label: '2022', text: 'Extension du programme aux vignobles du Gers et du Tarn' },
  ],
  design: { figures: 'left', contact: 'under-tagline', timeline: 'list' },
};

/** Another design: key figures in a band across the page under the presentation, a timeline in two columns of dated steps. */
const NORMANDIE: CardSpec = {
  key: 'port',
  title: 'Logistique portuaire : un parcours vers les métiers de la manutention',
  region: 'Normandie',
  tagline: 'pour pourvoir les emplois des terminaux portuaires de la vallée de la Seine',
  objectives: [
    { kind: 'item', text: `Qualifier des demandeurs d’emploi aux métiers de cariste, de docker et d’agent logistique${NB};` },
    { kind: 'item', text: 'Répondre aux besoins de recrutement des terminaux du Havre et de Rouen.' },
  ],
  plusValues: [
    { kind: 'item', text: `Des **recrutements anticipés** avec les entreprises de manutention${NB};` },
    { kind: 'item', text: 'Une formation au plus près des quais, sur les engins des terminaux.' },
  ],
  contact: {
    organisation: 'Région Normandie',
    people: [{ name: 'Claire Lemoine', role: 'cheffe de projet emploi et formation', email: 'claire.lemoine@normandie.fr', phone: '02 31 06 98 98' }],
  },
  presentation: [
    {
      kind: 'paragraph',
      text: 'Le parcours a été conçu avec les entreprises de manutention portuaire et les organismes de formation spécialisés. Il prépare aux certificats de conduite des engins et aux règles de sécurité des terminaux, puis se poursuit par une période en entreprise.',
    },
    {
      kind: 'paragraph',
      text: 'Les stagiaires sont accompagnés par un référent unique, de leur entrée en formation jusqu’à six mois après leur embauche.',
    },
  ],
  territory: 'Les ports du Havre et de Rouen',
  beneficiaries: { figure: '90', after: 'demandeurs d’emploi formés par an' },
  budget: { figure: `360${NB}000 euros`, lines: ['par an', `dont 160${NB}000 euros au titre du Pacte`] },
  calendar: [
    { label: 'Décembre 2020 à février 2021', text: 'Définition des besoins avec les entreprises de manutention' },
    { label: 'Mars 2021', text: 'Sélection des candidats et information collective' },
    { label: 'Mai à septembre 2021', text: 'Premières entrées en formation sur les terminaux' },
    { label: '2022', text: 'Bilan et ouverture d’une seconde session au port de Rouen' },
  ],
  design: { figures: 'band', timeline: 'two-columns' },
};

/** Another design: key figures beside OBJECTIFS and PLUS-VALUES on the first page, in another order (budget first), a vertical timeline with each date beside its text. */
const CORSE: CardSpec = {
  key: 'maquis',
  title: 'Guides de montagne et de nature : une formation au centre de l’île',
  region: 'Corse',
  tagline: 'pour développer un tourisme de nature qualifié toute l’année',
  objectives: [
    { kind: 'item', text: `Former aux métiers de l’accompagnement en montagne et en milieu naturel${NB};` },
    { kind: 'item', text: 'Allonger la saison touristique en diversifiant les activités proposées.' },
  ],
  plusValues: [{ kind: 'paragraph', text: 'Une formation conçue avec les parcs naturels et les professionnels du tourisme, au plus près des sentiers.' }],
  contact: {
    organisation: 'Collectivité de Corse',
    people: [{ name: 'Anna Santoni', role: 'chargée de mission tourisme et formation', email: 'anna.santoni@isula.corsica', phone: '04 95 51 64 64' }],
  },
  presentation: [
    {
      kind: 'paragraph',
      text: 'La formation alterne des modules théoriques à Corte et des sorties encadrées sur les sentiers de grande randonnée. Les stagiaires préparent les diplômes d’accompagnateur et découvrent la gestion des espaces protégés avec les gardes du parc naturel régional.',
    },
  ],
  territory: 'Le centre de la Corse et le parc naturel régional',
  beneficiaries: { figure: '40', after: 'stagiaires par an' },
  budget: { figure: `210${NB}000 euros`, lines: ['par an', `dont 90${NB}000 euros au titre du Pacte`] },
  calendar: [
    { label: 'Octobre 2021', text: 'Sélection des candidats avec les professionnels du tourisme' },
    { label: 'Novembre 2021', text: 'Début de la formation' },
  ],
  design: { figures: 'first-page', figureOrder: ['budget', 'beneficiaries', 'territory'], timeline: 'list' },
};

/** Another design: key figures in a band under the tagline on the first page, a vertical timeline with each date above its text. */
const REUNION: CardSpec = {
  key: 'ile',
  title: 'Métiers du soin : un parcours qualifiant pour les aidants',
  region: 'La Réunion',
  tagline: 'pour reconnaître et qualifier l’expérience des aidants familiaux',
  objectives: [
    { kind: 'item', text: `Valider les compétences acquises auprès des proches dépendants${NB};` },
    { kind: 'item', text: 'Ouvrir l’accès aux diplômes d’aide-soignant et d’accompagnant éducatif et social.' },
  ],
  plusValues: [{ kind: 'paragraph', text: 'Un parcours qui part de l’expérience des aidants et les conduit vers un emploi dans les établissements de l’île.' }],
  contact: {
    organisation: 'Région Réunion',
    people: [{ name: 'Sophie Payet', role: 'chargée de mission formation sanitaire et sociale', email: 'sophie.payet@cr-reunion.fr', phone: '02 62 48 70 00' }],
  },
  presentation: [
    {
      kind: 'paragraph',
      text: 'Le parcours commence par un bilan de l’expérience de chaque aidant, puis propose des modules de formation adaptés et un stage dans un établissement partenaire. Un référent suit chaque stagiaire jusqu’à son diplôme.',
    },
  ],
  territory: 'Toute l’île, en lien avec les quatre bassins de vie',
  beneficiaries: { figure: '75', after: 'aidants par an' },
  budget: { figure: `190${NB}000 euros`, lines: ['par an', `dont 80${NB}000 euros au titre du Pacte`] },
  calendar: [
    { label: 'Mars 2021', text: 'Information des aidants avec les associations et les centres communaux d’action sociale' },
    { label: 'Juin 2021', text: 'Premières entrées en formation' },
    { label: '2022', text: 'Bilan du parcours et ouverture à d’autres diplômes du soin' },
  ],
  design: { figures: 'first-page-band', timeline: 'stacked' },
};

/** Another design: key figures in a band under the presentation, a timeline in two columns holding one dated step each. */
const PAYS_DE_LA_LOIRE: CardSpec = {
  key: 'atelier',
  title: 'Ateliers navals : une formation aux métiers de la construction de bateaux',
  region: 'Pays de la Loire',
  tagline: 'pour répondre aux besoins des chantiers navals de l’estuaire',
  objectives: [
    { kind: 'item', text: `Former des soudeurs, des chaudronniers et des menuisiers de marine${NB};` },
    { kind: 'item', text: 'Faire connaître les métiers des chantiers aux demandeurs d’emploi du littoral.' },
  ],
  plusValues: [{ kind: 'paragraph', text: 'Une formation sur les plateaux techniques des chantiers, avec leurs compagnons comme tuteurs.' }],
  contact: {
    organisation: 'Région Pays de la Loire',
    people: [{ name: 'Yann Guérin', role: 'chargé de mission industries de la mer', email: 'yann.guerin@paysdelaloire.fr', phone: '02 28 20 50 00' }],
  },
  presentation: [
    {
      kind: 'paragraph',
      text: 'Les chantiers navals de Saint-Nazaire et leurs sous-traitants recrutent chaque année plusieurs centaines de salariés. La formation prépare aux titres professionnels de soudeur et de chaudronnier, avec des périodes dans les ateliers des entreprises partenaires.',
    },
  ],
  territory: 'L’estuaire de la Loire, de Nantes à Saint-Nazaire',
  beneficiaries: { figure: '110', after: 'stagiaires par an' },
  budget: { figure: `230${NB}000 euros`, lines: ['par an', `dont 100${NB}000 euros au titre du Pacte`] },
  calendar: [
    { label: 'Novembre 2021', text: 'Recensement des besoins des chantiers navals et choix des organismes de formation' },
    { label: '2022', text: 'Extension du programme aux chantiers de plaisance de Vendée et ouverture d’une session pour les menuisiers' },
  ],
  design: { figures: 'band', timeline: 'two-columns' },
};

const SPEC: EditionSpec = {
  title: "L'innovation en actions à travers les Pactes régionaux",
  date: 'MARS 2021',
  firstPageNumber: 4,
  axes: [
    {
      label: 'AXE 1',
      statement: 'PROPOSER DES PARCOURS QUALIFIANTS VERS L’EMPLOI, RENOUVELÉS DANS LEUR CONTENU',
      themes: [{ heading: 'DES FORMATIONS CO-CONSTRUITES AVEC LES ENTREPRISES DU TERRITOIRE', cards: [BRETAGNE, BOURGOGNE] }],
    },
    {
      label: 'AXE 2',
      statement: 'GARANTIR L’ACCÈS DES PUBLICS LES PLUS FRAGILES AUX PARCOURS QUALIFIANTS',
      themes: [
        { heading: 'DES PARCOURS INCLUSIFS POUR LES PUBLICS LES PLUS ÉLOIGNÉS DE L’EMPLOI', cards: [HAUTS_DE_FRANCE] },
        { heading: 'DE NOUVELLES APPROCHES POUR L’ATTRACTIVITÉ DES MÉTIERS', cards: [PROVENCE, OCCITANIE, NORMANDIE, CORSE, REUNION, PAYS_DE_LA_LOIRE] },
      ],
    },
  ],
  // The industry card comes first in the PDF, second in the table of contents.
  pageOrder: [
    { kind: 'cover' },
    { kind: 'toc' },
    { kind: 'divider', axis: 'AXE 1' },
    { kind: 'blank' },
    { kind: 'card', key: 'industrie' },
    { kind: 'card', key: 'mer' },
    { kind: 'divider', axis: 'AXE 2' },
    { kind: 'blank' },
    { kind: 'card', key: 'code' },
    { kind: 'card', key: 'vert' },
    { kind: 'card', key: 'vigne' },
    { kind: 'card', key: 'port' },
    { kind: 'card', key: 'maquis' },
    { kind: 'card', key: 'ile' },
    { kind: 'card', key: 'atelier' },
  ],
};

/** What the spec says must come out, card by card, in table-of-contents order. */
const EXPECTED = [
  {
    spec: BRETAGNE,
    id: 'bretagne--cap-sur-les-metiers-de-la-mer-un-parcours-de-formation-en-alternance',
    region: 'Bretagne',
    axis: '1',
    theme: 'DES FORMATIONS CO-CONSTRUITES AVEC LES ENTREPRISES DU TERRITOIRE',
    pages: [10, 11],
    pdfPages: [7, 8],
    beneficiaries: [120],
    budget: { amountEur: 250_000, pacteEur: 100_000 },
    calendar: [
      { start: '2021-01-01', end: '2021-01-31', precision: 'month' },
      { start: '2021-03-01', end: '2021-06-30', precision: 'month' },
      { start: '2021-09-01', end: '2022-06-30', precision: 'month' },
      { start: '2022-09-01', end: '2022-09-30', precision: 'month' },
    ],
  },
  {
    spec: BOURGOGNE,
    id: 'bourgogne-franche-comte--des-formations-certifiantes-pour-l-industrie-du-futur',
    region: 'Bourgogne-Franche-Comté',
    axis: '1',
    theme: 'DES FORMATIONS CO-CONSTRUITES AVEC LES ENTREPRISES DU TERRITOIRE',
    pages: [8, 9],
    pdfPages: [5, 6],
    beneficiaries: [400],
    budget: { amountEur: 450_000, pacteEur: 200_000 },
    calendar: [
      { start: '2020-09-01', end: '2020-12-31', precision: 'month' },
      { start: '2021-01-01', end: '2021-06-30', precision: 'semester' },
      { start: '2021-01-01', end: '2022-12-31', precision: 'year' },
    ],
  },
  {
    spec: HAUTS_DE_FRANCE,
    id: 'hauts-de-france--numerique-solidaire-former-les-jeunes-decrocheurs-aux-metiers-du-code',
    region: 'Hauts-de-France',
    axis: '2',
    theme: 'DES PARCOURS INCLUSIFS POUR LES PUBLICS LES PLUS ÉLOIGNÉS DE L’EMPLOI',
    pages: [14, 15],
    pdfPages: [11, 12],
    beneficiaries: [60],
    budget: { amountEur: 180_000, pacteEur: 90_000 },
    calendar: [
      { start: '2020-12-01', end: '2021-02-28', precision: 'month' },
      { start: '2021-03-01', end: '2021-05-31', precision: 'season' },
      { start: '2021-09-01', end: null, precision: 'month' },
    ],
  },
  {
    spec: PROVENCE,
    id: 'provence-alpes-cote-d-azur--la-fabrique-des-competences-vertes-former-a-la-transition-ecologique',
    region: "Provence-Alpes-Côte d'Azur",
    axis: '2',
    theme: 'DE NOUVELLES APPROCHES POUR L’ATTRACTIVITÉ DES MÉTIERS',
    pages: [16, 17],
    pdfPages: [13, 14],
    beneficiaries: [200],
    budget: { amountEur: 320_000, pacteEur: 150_000 },
    calendar: [
      { start: '2021-03-01', end: '2021-03-31', precision: 'month' },
      { start: '2021-06-01', end: '2021-09-30', precision: 'month' },
    ],
  },
  {
    spec: OCCITANIE,
    id: 'occitanie--vignes-et-caves-des-competences-pour-la-viticulture-durable',
    region: 'Occitanie',
    axis: '2',
    theme: 'DE NOUVELLES APPROCHES POUR L’ATTRACTIVITÉ DES MÉTIERS',
    pages: [18, 19],
    pdfPages: [15, 16],
    beneficiaries: [150],
    budget: { amountEur: 280_000, pacteEur: 120_000 },
    calendar: [
      { start: '2020-12-01', end: '2021-02-28', precision: 'month' },
      { start: '2021-04-01', end: '2021-04-30', precision: 'month' },
      { start: '2022-01-01', end: '2022-12-31', precision: 'year' },
    ],
  },
  {
    spec: NORMANDIE,
    id: 'normandie--logistique-portuaire-un-parcours-vers-les-metiers-de-la-manutention',
    region: 'Normandie',
    axis: '2',
    theme: 'DE NOUVELLES APPROCHES POUR L’ATTRACTIVITÉ DES MÉTIERS',
    pages: [20, 21],
    pdfPages: [17, 18],
    beneficiaries: [90],
    budget: { amountEur: 360_000, pacteEur: 160_000 },
    calendar: [
      { start: '2020-12-01', end: '2021-02-28', precision: 'month' },
      { start: '2021-03-01', end: '2021-03-31', precision: 'month' },
      { start: '2021-05-01', end: '2021-09-30', precision: 'month' },
      { start: '2022-01-01', end: '2022-12-31', precision: 'year' },
    ],
  },
  {
    spec: CORSE,
    id: 'corse--guides-de-montagne-et-de-nature-une-formation-au-centre-de-l-ile',
    region: 'Corse',
    axis: '2',
    theme: 'DE NOUVELLES APPROCHES POUR L’ATTRACTIVITÉ DES MÉTIERS',
    pages: [22, 23],
    pdfPages: [19, 20],
    beneficiaries: [40],
    budget: { amountEur: 210_000, pacteEur: 90_000 },
    calendar: [
      { start: '2021-10-01', end: '2021-10-31', precision: 'month' },
      { start: '2021-11-01', end: '2021-11-30', precision: 'month' },
    ],
  },
  {
    spec: REUNION,
    id: 'la-reunion--metiers-du-soin-un-parcours-qualifiant-pour-les-aidants',
    region: 'La Réunion',
    axis: '2',
    theme: 'DE NOUVELLES APPROCHES POUR L’ATTRACTIVITÉ DES MÉTIERS',
    pages: [24, 25],
    pdfPages: [21, 22],
    beneficiaries: [75],
    budget: { amountEur: 190_000, pacteEur: 80_000 },
    calendar: [
      { start: '2021-03-01', end: '2021-03-31', precision: 'month' },
      { start: '2021-06-01', end: '2021-06-30', precision: 'month' },
      { start: '2022-01-01', end: '2022-12-31', precision: 'year' },
    ],
  },
  {
    spec: PAYS_DE_LA_LOIRE,
    id: 'pays-de-la-loire--ateliers-navals-une-formation-aux-metiers-de-la-construction-de-bateaux',
    region: 'Pays de la Loire',
    axis: '2',
    theme: 'DE NOUVELLES APPROCHES POUR L’ATTRACTIVITÉ DES MÉTIERS',
    pages: [26, 27],
    pdfPages: [23, 24],
    beneficiaries: [110],
    budget: { amountEur: 230_000, pacteEur: 100_000 },
    calendar: [
      { start: '2021-11-01', end: '2021-11-30', precision: 'month' },
      { start: '2022-01-01', end: '2022-12-31', precision: 'year' },
    ],
  },
] as const;

const blocks = (list: CardSpec['objectives']) => list.map((b) => ({ kind: b.kind, text: plainText(b.text) }));

let pdf: Uint8Array;
let dataset: Dataset;
const card = (k: number): Card => {
  const found = dataset.cards.find((c) => c.id === EXPECTED[k]!.id);
  if (!found) throw new Error(`no card ${EXPECTED[k]!.id} among ${dataset.cards.map((c) => c.id).join(', ')}`);
  return found;
};

beforeAll(async () => {
  pdf = await typesetEdition(SPEC);
  // UNSEEN_EDITION_PDF=/tmp/unseen.pdf keeps the generated edition for a look with pdftotext or a viewer.
  if (process.env.UNSEEN_EDITION_PDF) writeFileSync(process.env.UNSEEN_EDITION_PDF, pdf);
  dataset = (await extractEdition(pdf.slice(), { fileName: 'unseen.pdf' })).dataset;
});

describe('the generated edition', () => {
  it('is US Letter, 24 pages, with hyphenated line ends (syllable breaks and real compounds)', async () => {
    const doc = await loadDocument(pdf.slice(), { fileName: 'unseen.pdf' });
    expect(doc.pageCount).toBe(24);
    expect(doc.pages.every((p) => p.width === 612 && p.height === 792)).toBe(true);
    const lineEnds = doc.pages.flatMap((p) => p.items.map((i) => i.text.trimEnd())).filter((t) => /\p{L}-$/u.test(t));
    const lastWords = lineEnds.map((t) => /([\p{L}’'-]+)$/u.exec(t)![1]!);
    // Typeset breaks inside words, and real hyphens falling at a line end (justified text and side box).
    expect(lastWords).toEqual(expect.arrayContaining(['forma-', 'méca-', 'auto-', 'co-', 'Bourgogne-']));
    expect(lastWords.filter((w) => w === 'Bourgogne-')).toHaveLength(2);
    expect(lastWords.filter((w) => !/^\p{Lu}/u.test(w) && !/^(co|sur)-$/.test(w)).length).toBeGreaterThan(10);
  });
});

describe('an unseen edition (Letter, Times, hyphenated, own page order) is read as the contract says', () => {
  it('finds the edition and every card, in table-of-contents order, without errors', () => {
    expect(dataset.edition).toEqual({ title: "L'innovation en actions à travers les Pactes régionaux", date: '2021-03' });
    expect(dataset.source.pageCount).toBe(24);
    expect(dataset.cards.map((c) => c.id)).toEqual(EXPECTED.map((e) => e.id));
    expect(dataset.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('reports the date labels it cut from a line of text: only on the card with one step per timeline column', () => {
    const cut = dataset.diagnostics.filter((d) => d.code === 'fields/calendar-label-in-line');
    expect(new Set(cut.map((d) => d.cardId))).toEqual(new Set([EXPECTED.find((e) => e.spec === PAYS_DE_LA_LOIRE)!.id]));
    expect(cut.map((d) => /label "([^"]+)"/.exec(d.message)![1]).sort()).toEqual(PAYS_DE_LA_LOIRE.calendar.map((e) => e.label).sort());
  });

  EXPECTED.forEach((want, k) => {
    const spec = want.spec;
    describe(`${spec.region}: ${spec.title}`, () => {
      it('reads the identity fields: title, titleOnCard, region, axis, theme, tagline, language', () => {
        const c = card(k);
        expect(c.title).toBe(spec.title);
        expect(c.titleOnCard).toBe(spec.title.toLocaleUpperCase('fr'));
        expect(c.region).toBe(want.region);
        expect(c.axis).toBe(want.axis);
        expect(c.theme).toBe(want.theme);
        expect(c.tagline).toBe(spec.tagline);
        expect(c.language).toBe('fra');
      });

      it('reads the printed page numbers and the PDF pages (which differ)', () => {
        const c = card(k);
        expect(c.pages).toEqual(want.pages);
        expect(c.pdfPages).toEqual(want.pdfPages);
      });

      it('reads OBJECTIFS and PLUS-VALUES as paragraphs and items, hyphenation repaired', () => {
        const c = card(k);
        expect(c.objectives).toEqual(blocks(spec.objectives));
        expect(c.plusValues).toEqual(blocks(spec.plusValues));
      });

      it('reads the contact box, one entry per person', () => {
        expect(card(k).contacts).toEqual(spec.contact.people.map((p) => ({ organisation: spec.contact.organisation, ...p })));
      });

      it('reads PRÉSENTATION DU PROJET, hyphenation repaired', () => {
        expect(card(k).presentation).toEqual(blocks(spec.presentation));
      });

      it('reads the side column: territory, beneficiaries, budget', () => {
        const c = card(k);
        const beneficiaries = [spec.beneficiaries.before, spec.beneficiaries.figure, spec.beneficiaries.after].filter(Boolean).join(' ');
        const budget = plainText([spec.budget.figure, ...spec.budget.lines].join(' '));
        const figures = {
          territory: { kind: 'territory', label: null, text: spec.territory },
          beneficiaries: { kind: 'beneficiaries', label: 'Nombre prévu de bénéficiaires', text: beneficiaries },
          budget: { kind: 'budget', label: 'Budget', text: budget },
        };
        expect(c.keyFigures).toEqual((spec.design?.figureOrder ?? ['territory', 'beneficiaries', 'budget']).map((kind) => figures[kind]));
        expect(c.territory).toBe(spec.territory);
        expect(c.beneficiaries?.text).toBe(beneficiaries);
        expect(c.beneficiaries?.numbers.map((n) => n.value)).toEqual(want.beneficiaries);
        expect(c.beneficiaries?.numbers[0]?.context).toContain(spec.beneficiaries.after.split(' ')[0]);
        expect(c.budget).toEqual({
          text: budget,
          status: 'amount',
          amountEur: want.budget.amountEur,
          minEur: null,
          maxEur: null,
          pacteEur: want.budget.pacteEur,
          per: 'an',
          amounts: [
            { eur: want.budget.amountEur, context: expect.any(String) },
            { eur: want.budget.pacteEur, context: expect.stringContaining('Pacte') },
          ],
        });
        expect(c.extras).toEqual([]);
      });

      it('reads MÉTHODE ET CALENDRIER DE DÉPLOIEMENT: labels, texts and intervals', () => {
        expect(card(k).calendar).toEqual(spec.calendar.map((entry, i) => ({ label: entry.label, text: entry.text, ...want.calendar[i] })));
        // Every step paired: no text without a label, no label without text.
        expect(dataset.diagnostics.filter((d) => d.cardId === want.id && d.code === 'fields/calendar-unpaired')).toEqual([]);
      });

      it('gives provenance on the card’s own pages, inside the Letter page', () => {
        const c = card(k);
        for (const [field, where] of Object.entries(c.provenance)) {
          const [x0, y0, x1, y1] = where.bbox;
          expect({ field, inside: x0 >= 0 && y0 >= 0 && x1 <= 612 && y1 <= 792 && x0 <= x1 && y0 <= y1 }).toEqual({ field, inside: true });
          if (!['title', 'axis', 'theme'].includes(field)) expect({ field, page: c.pdfPages.includes(where.page) }).toEqual({ field, page: true });
        }
        // Drawn at this edition's margins: title at x = 72 on page 1, budget where the card's design puts it on page 2.
        expect(c.provenance.titleOnCard).toMatchObject({ page: want.pdfPages[0] });
        expect(c.provenance.titleOnCard!.bbox[0]).toBeCloseTo(72, 0);
        const figures = spec.design?.figures ?? 'right';
        expect(c.provenance.budget).toMatchObject({ page: want.pdfPages[figures.startsWith('first-page') ? 0 : 1] });
        const budget = c.provenance.budget!.bbox;
        if (figures === 'right' || figures === 'first-page') expect(budget[0]).toBeGreaterThan(72 + 0.6 * 468);
        if (figures === 'left') expect(budget[2]).toBeLessThan(72 + 0.4 * 468);
        if (figures === 'band') {
          expect(budget[0]).toBeGreaterThan(72 + 0.6 * 468);
          expect(budget[1]).toBeGreaterThan(c.provenance.presentation!.bbox[3]);
        }
        if (figures === 'first-page-band') {
          expect(budget[0]).toBeGreaterThan(72 + 0.6 * 468);
          expect(budget[3]).toBeLessThan(c.provenance.objectives!.bbox[1]);
        }
        expect(c.provenance.title?.page).toBe(2);
      });
    });
  });
});

describe('the same edition with narrow timeline gutters and the footer a few points under the timeline', () => {
  // 6 pt between timeline columns (under two thirds of the 9.5 pt type) and 3 pt between the
  // timeline's last line and the running footer: the columns, the steps and the footer must still be told apart.
  let tight: Dataset;
  beforeAll(async () => {
    const bytes = await typesetEdition({ ...SPEC, design: { calendarGutter: 6, calendarToFooter: 3 } });
    if (process.env.UNSEEN_EDITION_PDF) writeFileSync(process.env.UNSEEN_EDITION_PDF.replace(/\.pdf$/, '-tight.pdf'), bytes);
    tight = (await extractEdition(bytes, { fileName: 'tight.pdf' })).dataset;
  });

  it('is drawn as asked: on every card, the footer within a few points of the timeline, whatever its design', async () => {
    const bytes = await typesetEdition({ ...SPEC, design: { calendarGutter: 6, calendarToFooter: 3 } });
    const doc = await loadDocument(bytes, { fileName: 'tight.pdf' });
    for (const want of EXPECTED) {
      const page = doc.pages[want.pdfPages[1] - 1]!;
      const footer = page.items.find((i) => i.text.startsWith('L’innovation') || i.text.startsWith("L'innovation"))!;
      const above = Math.max(...page.items.filter((i) => i.box[3] < footer.box[1] + 1 && i.text.trim()).map((i) => i.box[3]));
      expect(footer.box[1] - above, want.spec.region).toBeLessThan(6);
    }
  });

  EXPECTED.forEach((want, k) => {
    it(`${want.spec.region}: reads every timeline step, the printed pages and the presentation`, () => {
      const c = tight.cards.find((x) => x.id === want.id)!;
      expect(c.calendar).toEqual(want.spec.calendar.map((entry, i) => ({ label: entry.label, text: entry.text, ...want.calendar[i] })));
      expect(c.pages).toEqual(want.pages);
      expect(c.presentation).toEqual(blocks(want.spec.presentation));
      expect(tight.cards[k]!.id).toBe(EXPECTED[k]!.id);
    });
  });
});
