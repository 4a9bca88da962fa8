import { describe, expect, it } from 'vitest';
import { buildLexicon } from '../../src/layout/index.ts';
import { readContacts } from '../../src/fields/read-contacts.ts';
import { line } from '../support/text-items.ts';

const lexicon = buildLexicon([]);
const at = (texts: [string, boolean?][]) => texts.map(([t, bold], i) => line(t, 59, 740 + i * 12, { size: 8.8, bold: bold ?? false }));

describe('readContacts', () => {
  it('reads one person with organisation, role, e-mail and phone', () => {
    const contacts = readContacts(
      at([['Pôle emploi Auvergne-Rhône-Alpes', true], ['Dominique Bidault, cheffe de projet Pacte régional'], ['dominique.bidault@pole-emploi.fr'], ['04 72 86 07 38']]),
      lexicon,
    );
    expect(contacts).toEqual([
      { organisation: 'Pôle emploi Auvergne-Rhône-Alpes', name: 'Dominique Bidault', role: 'cheffe de projet Pacte régional', email: 'dominique.bidault@pole-emploi.fr', phone: '04 72 86 07 38' },
    ]);
  });

  it('gives e-mails to people by name and joins a wrapped role', () => {
    const contacts = readContacts(
      at([
        ['Région Île-de-France', true],
        ['Thierry Briffault, directeur adjoint'],
        ['de la formation professionnelle'],
        ['Jean-Philippe Boulineau, sous-directeur métiers et qualifications'],
        ['jean-philippe.boulineau@iledefrance.fr'],
        ['thierry.briffault@iledefrance.fr'],
      ]),
      lexicon,
    );
    expect(contacts.map((c) => [c.name, c.role, c.email])).toEqual([
      ['Thierry Briffault', 'directeur adjoint de la formation professionnelle', 'thierry.briffault@iledefrance.fr'],
      ['Jean-Philippe Boulineau', 'sous-directeur métiers et qualifications', 'jean-philippe.boulineau@iledefrance.fr'],
    ]);
  });

  it('splits "A et B, role" into two people sharing the role, and a line of two phones', () => {
    const contacts = readContacts(
      at([['Région Hauts-de-France', true], ['François Hebert et Stéphanie Ottebaert,'], ['responsables du projet'], ['03 74 27 04 84 / 03 74 27 03 56'], ['francois.hebert@hautsdefrance.fr'], ['stephanie.ottebaert@hautsdefrance.fr']]),
      lexicon,
    );
    expect(contacts.map((c) => [c.name, c.role, c.phone, c.email])).toEqual([
      ['François Hebert', 'responsables du projet', '03 74 27 04 84', 'francois.hebert@hautsdefrance.fr'],
      ['Stéphanie Ottebaert', 'responsables du projet', '03 74 27 03 56', 'stephanie.ottebaert@hautsdefrance.fr'],
    ]);
  });

  it('takes the first line for the organisation when nothing is bold', () => {
    const contacts = readContacts(at([["Direccte Provence-Alpes-Côte d'Azur"], ['Tristan SAUVAGET'], ['tristan.sauvaget@direccte.gouv.fr'], ['06 80 17 23 61']]), lexicon);
    expect(contacts).toEqual([
      { organisation: "Direccte Provence-Alpes-Côte d'Azur", name: 'Tristan SAUVAGET', role: null, email: 'tristan.sauvaget@direccte.gouv.fr', phone: '06 80 17 23 61' },
    ]);
  });

  it.each([
    ['alia.alkhalfioui@isula.corsica', 'alia.alkhalfioui@isula.corsica'],
    // A letter outside ASCII (accented, or misread by a damaged font map) does not cut the address.
    ['alia.alkhalûoui@isula.corsica', 'alia.alkhalûoui@isula.corsica'],
    ['josé.müller@région.fr', 'josé.müller@région.fr'],
  ])('reads the e-mail %j whole', (printed, email) => {
    const [c] = readContacts(at([['Collectivité territoriale de Corse', true], ['Alia Alkhalfioui, cheffe de mission'], [printed]]), lexicon);
    expect(c!.email).toBe(email);
  });

  it('drops the colon after an organisation', () => {
    const [c] = readContacts(at([['Région Occitanie :', true], ['Lila Merabet Mohamed, responsable du service nouvelles chances']]), lexicon);
    expect(c!.organisation).toBe('Région Occitanie');
  });
});
