import { describe, expect, it } from 'vitest';
import { parseDateLabel, resolveCalendar } from '../../src/normalise/dates.ts';
import type { Precision } from '../../src/validate/schema.ts';

type Row = [label: string, start: string | null, end: string | null, precision: Precision];

// Every distinct calendar label of the 2020 edition (bold labels of « MÉTHODE ET CALENDRIER DE
// DÉPLOIEMENT », superscripts inlined: "1er", "2nd"), with the intervals reviewed by hand.
// The edition's one label without a year, "Janvier" (after "Septembre 2019", "Novembre 2019"),
// is checked with its neighbours under resolveCalendar.
const EDITION_2020: Row[] = [
  ["Septembre 2019", "2019-09-01", "2019-09-30", "month"],
  ["Octobre 2019", "2019-10-01", "2019-10-31", "month"],
  ["2019", "2019-01-01", "2019-12-31", "year"],
  ["2020", "2020-01-01", "2020-12-31", "year"],
  ["2018", "2018-01-01", "2018-12-31", "year"],
  ["Janvier à mars 2019", "2019-01-01", "2019-03-31", "month"],
  ["13 mai 2019", "2019-05-13", "2019-05-13", "day"],
  ["Août 2019", "2019-08-01", "2019-08-31", "month"],
  ["Janvier 2021", "2021-01-01", "2021-01-31", "month"],
  ["Juin à septembre 2019", "2019-06-01", "2019-09-30", "month"],
  ["14 mai 2018", "2018-05-14", "2018-05-14", "day"],
  ["Janvier 2019", "2019-01-01", "2019-01-31", "month"],
  ["Janvier à septembre 2019", "2019-01-01", "2019-09-30", "month"],
  ["Juillet 2019", "2019-07-01", "2019-07-31", "month"],
  ["Début 2020", "2020-01-01", "2020-03-31", "quarter"],
  ["Mars 2019", "2019-03-01", "2019-03-31", "month"],
  ["Depuis mars 2019", "2019-03-01", null, "month"],
  ["Juin 2019", "2019-06-01", "2019-06-30", "month"],
  ["À partir de 2020", "2020-01-01", null, "year"],
  ["2019 - 2020", "2019-01-01", "2020-12-31", "year"],
  ["2020 - 2022", "2020-01-01", "2022-12-31", "year"],
  ["Septembre à novembre 2019", "2019-09-01", "2019-11-30", "month"],
  ["À partir de 2022", "2022-01-01", null, "year"],
  ["2019 - 2023", "2019-01-01", "2023-12-31", "year"],
  ["2020 - 2023", "2020-01-01", "2023-12-31", "year"],
  ["2020-2021", "2020-01-01", "2021-12-31", "year"],
  ["Novembre 2019", "2019-11-01", "2019-11-30", "month"],
  ["Janvier 2020", "2020-01-01", "2020-01-31", "month"],
  ["2019-2022", "2019-01-01", "2022-12-31", "year"],
  ["2019-2021", "2019-01-01", "2021-12-31", "year"],
  ["2021", "2021-01-01", "2021-12-31", "year"],
  ["Mai à août 2019", "2019-05-01", "2019-08-31", "month"],
  ["Depuis avril 2019", "2019-04-01", null, "month"],
  ["En 2019", "2019-01-01", "2019-12-31", "year"],
  ["En 2020", "2020-01-01", "2020-12-31", "year"],
  ["À partir de juin 2020", "2020-06-01", null, "month"],
  ["Jusqu'à fin 2022", null, "2022-12-31", "quarter"],
  ["2020 2021", "2020-01-01", "2021-12-31", "year"],
  ["2020 - 2021", "2020-01-01", "2021-12-31", "year"],
  ["2022", "2022-01-01", "2022-12-31", "year"],
  ["1er semestre 2020", "2020-01-01", "2020-06-30", "semester"],
  ["2nd semestre 2020", "2020-07-01", "2020-12-31", "semester"],
  ["Dès 2019", "2019-01-01", null, "year"],
  ["Mars 2020", "2020-03-01", "2020-03-31", "month"],
  ["Printemps 2019 - été 2020", "2019-03-01", "2020-08-31", "season"],
  ["Hiver 2019 - été 2020", "2019-12-01", "2020-08-31", "season"],
  ["Depuis mars 2018", "2018-03-01", null, "month"],
  ["Mai 2019", "2019-05-01", "2019-05-31", "month"],
  ["2019-2020", "2019-01-01", "2020-12-31", "year"],
  ["À partir de janvier 2020", "2020-01-01", null, "month"],
  ["Janvier à mars 2020", "2020-01-01", "2020-03-31", "month"],
  ["2nd semestre 2019", "2019-07-01", "2019-12-31", "semester"],
  ["2021 - 2022", "2021-01-01", "2022-12-31", "year"],
  ["Printemps 2019", "2019-03-01", "2019-05-31", "season"],
  ["Depuis le printemps 2019", "2019-03-01", null, "season"],
  ["Octobre 2019 à janvier 2020", "2019-10-01", "2020-01-31", "month"],
  ["Février 2020", "2020-02-01", "2020-02-29", "month"],
  ["Juillet 2022", "2022-07-01", "2022-07-31", "month"],
  ["Décembre 2019", "2019-12-01", "2019-12-31", "month"],
  ["Décembre 2019 à janvier 2020", "2019-12-01", "2020-01-31", "month"],
  ["Février à mars 2020", "2020-02-01", "2020-03-31", "month"],
  ["Fin 2019", "2019-10-01", "2019-12-31", "quarter"],
  ["2019 - 2022", "2019-01-01", "2022-12-31", "year"],
  ["2nd trimestre 2020", "2020-04-01", "2020-06-30", "quarter"],
  ["Juin à décembre 2019", "2019-06-01", "2019-12-31", "month"],
  ["Décembre à février 2020", "2019-12-01", "2020-02-29", "month"],
  ["2021-2022", "2021-01-01", "2022-12-31", "year"],
  ["Février 2019", "2019-02-01", "2019-02-28", "month"],
  ["À compter de février 2020", "2020-02-01", null, "month"],
  ["Printemps-Été 2019", "2019-03-01", "2019-08-31", "season"],
  ["1er janvier 2019", "2019-01-01", "2019-01-01", "day"],
  ["Décembre 2019 à février 2020", "2019-12-01", "2020-02-29", "month"],
  ["Mars 2020 à mai 2020", "2020-03-01", "2020-05-31", "month"],
  ["Juin à juillet 2020", "2020-06-01", "2020-07-31", "month"],
  ["Mars 2019 à fin 2020", "2019-03-01", "2020-12-31", "quarter"],
  ["Novembre à décembre 2019", "2019-11-01", "2019-12-31", "month"],
  ["Janvier à avril 2020", "2020-01-01", "2020-04-30", "month"],
  ["Mai à décembre 2020", "2020-05-01", "2020-12-31", "month"],
  ["Octobre à décembre 2019", "2019-10-01", "2019-12-31", "month"],
  ["Novembre 2019 à mars 2020", "2019-11-01", "2020-03-31", "month"],
  ["Mi-2020", "2020-05-01", "2020-08-31", "quarter"],
  ["Janvier à septembre 2020", "2020-01-01", "2020-09-30", "month"],
  ["Octobre 2020 à décembre 2021", "2020-10-01", "2021-12-31", "month"],
  ["Janvier à juin 2021", "2021-01-01", "2021-06-30", "month"],
  ["2018 - 2019", "2018-01-01", "2019-12-31", "year"],
  ["2018-2019", "2018-01-01", "2019-12-31", "year"],
  ["Le 4 décembre 2019", "2019-12-04", "2019-12-04", "day"],
  ["Le 16 décembre 2019", "2019-12-16", "2019-12-16", "day"],
  ["Juin à juillet 2019", "2019-06-01", "2019-07-31", "month"],
  ["10 Décembre 2019", "2019-12-10", "2019-12-10", "day"],
  ["2018 à début 2019", "2018-01-01", "2019-03-31", "year"],
  ["2017-2019", "2017-01-01", "2019-12-31", "year"],
  ["2019 à début 2020", "2019-01-01", "2020-03-31", "year"],
  ["Avril à mai 2019", "2019-04-01", "2019-05-31", "month"],
  ["Décembre 2019 à décembre 2020", "2019-12-01", "2020-12-31", "month"],];

const OTHER_FORMS: Row[] = [
  // Winter Y runs to the end of February Y+1: leap years.
  ['Hiver 2019', '2019-12-01', '2020-02-29', 'season'],
  ['Hiver 2020', '2020-12-01', '2021-02-28', 'season'],
  ['Hiver 2099', '2099-12-01', '2100-02-28', 'season'],
  ['Hiver 2399', '2399-12-01', '2400-02-29', 'season'],
  ['Hiver 2019-2020', '2019-12-01', '2020-02-29', 'season'],
  ['hiver 2023/24', '2023-12-01', '2024-02-29', 'season'],
  ['Hiver à printemps 2020', '2019-12-01', '2020-05-31', 'season'],
  ["L'automne 2019", '2019-09-01', '2019-11-30', 'season'],
  ['Au printemps 2020', '2020-03-01', '2020-05-31', 'season'],
  ['Printemps – été 2020', '2020-03-01', '2020-08-31', 'season'],
  // 30- and 31-day months, leap days.
  ['29 février 2020', '2020-02-29', '2020-02-29', 'day'],
  ['Février 2100', '2100-02-01', '2100-02-28', 'month'],
  ['Février 2000', '2000-02-01', '2000-02-29', 'month'],
  ['31 mai 2020', '2020-05-31', '2020-05-31', 'day'],
  ['Avril 2020', '2020-04-01', '2020-04-30', 'month'],
  ['30 juin 2021', '2021-06-30', '2021-06-30', 'day'],
  ['Du 4 au 16 décembre 2019', '2019-12-04', '2019-12-16', 'day'],
  ['4-16 décembre 2019', '2019-12-04', '2019-12-16', 'day'],
  ['Du 1er au 15 mars 2024', '2024-03-01', '2024-03-15', 'day'],
  ['Entre janvier et mars 2020', '2020-01-01', '2020-03-31', 'month'],
  ['De 2019 à 2022', '2019-01-01', '2022-12-31', 'year'],
  ['2019/2020', '2019-01-01', '2020-12-31', 'year'],
  ['2019-20', '2019-01-01', '2020-12-31', 'year'],
  ['2020 – 2023', '2020-01-01', '2023-12-31', 'year'],
  ['Decembre 2019 - Janvier 2020', '2019-12-01', '2020-01-31', 'month'],
  ['Décembre 2019 à février', '2019-12-01', '2020-02-29', 'month'],
  ['Janv. 2020', '2020-01-01', '2020-01-31', 'month'],
  ['Sept. 2019', '2019-09-01', '2019-09-30', 'month'],
  ['fevrier 2021', '2021-02-01', '2021-02-28', 'month'],
  ['En août 2019', '2019-08-01', '2019-08-31', 'month'],
  ['Courant 2020', '2020-01-01', '2020-12-31', 'year'],
  ["L'année 2020", '2020-01-01', '2020-12-31', 'year'],
  // Semesters and quarters, however the ordinal is written.
  ['1ersemestre 2020', '2020-01-01', '2020-06-30', 'semester'],
  ['1 er semestre 2020', '2020-01-01', '2020-06-30', 'semester'],
  ['Premier semestre 2020', '2020-01-01', '2020-06-30', 'semester'],
  ['Second semestre 2020', '2020-07-01', '2020-12-31', 'semester'],
  ['2e semestre 2020', '2020-07-01', '2020-12-31', 'semester'],
  ['S1 2020', '2020-01-01', '2020-06-30', 'semester'],
  ['1er trimestre 2020', '2020-01-01', '2020-03-31', 'quarter'],
  ['3e trimestre 2020', '2020-07-01', '2020-09-30', 'quarter'],
  ['4ème trimestre 2019', '2019-10-01', '2019-12-31', 'quarter'],
  ['Dernier trimestre 2019', '2019-10-01', '2019-12-31', 'quarter'],
  ['T3 2021', '2021-07-01', '2021-09-30', 'quarter'],
  // Parts of a year; a part of a month is given as the month.
  ["Fin d'année 2019", '2019-10-01', '2019-12-31', 'quarter'],
  ['Mi 2021', '2021-05-01', '2021-08-31', 'quarter'],
  ['Début mars 2020', '2020-03-01', '2020-03-31', 'month'],
  ['Fin 2019 - début 2020', '2019-10-01', '2020-03-31', 'quarter'],
  ['Mi-2020 - fin 2021', '2020-05-01', '2021-12-31', 'quarter'],
  // Open intervals.
  ["Jusqu'en 2022", null, '2022-12-31', 'year'],
  ['Jusqu’au 31 décembre 2020', null, '2020-12-31', 'day'],
  ["D'ici fin 2021", null, '2021-12-31', 'quarter'],
  ['À partir du 1er janvier 2020', '2020-01-01', null, 'day'],
  ["À partir de l'été 2020", '2020-06-01', null, 'season'],
  ['Depuis 2018', '2018-01-01', null, 'year'],
  ['A compter de mars 2021', '2021-03-01', null, 'month'],
  ['Dès le 2nd semestre 2020', '2020-07-01', null, 'semester'],
  // Precision of a range is the coarser of its ends.
  ['Mars 2019 à 2020', '2019-03-01', '2020-12-31', 'year'],
  ['13 mai 2019 à juin 2019', '2019-05-13', '2019-06-30', 'month'],
  ['1er semestre 2020 à décembre 2020', '2020-01-01', '2020-12-31', 'semester'],
  // A qualifier in parentheses after the date.
  ['Septembre 2021 (sous réserve)', '2021-09-01', '2021-09-30', 'month'],
  ['Fin 2021 (à confirmer)', '2021-10-01', '2021-12-31', 'quarter'],
  ['De 2019 à 2022 (prévisionnel)', '2019-01-01', '2022-12-31', 'year'],
];

describe('parseDateLabel on the 2020 edition', () => {
  it.each(EDITION_2020)('%s', (label, start, end, precision) => {
    expect(parseDateLabel(label)).toEqual({ start, end, precision, hasYear: true });
  });
});

describe('parseDateLabel on other forms', () => {
  it.each(OTHER_FORMS)('%s', (label, start, end, precision) => {
    expect(parseDateLabel(label)).toEqual({ start, end, precision, hasYear: true });
  });

  it('reads a label without a year but leaves its interval to the neighbours', () => {
    expect(parseDateLabel('Janvier')).toEqual({ start: null, end: null, precision: 'month', hasYear: false });
    expect(parseDateLabel('Printemps')).toEqual({ start: null, end: null, precision: 'season', hasYear: false });
    expect(parseDateLabel('Décembre à février')).toEqual({ start: null, end: null, precision: 'month', hasYear: false });
  });

  it.each(['', 'Bientôt', 'Rentrée 2020', 'Marz 2020', '31 avril 2020', '29 février 2019', '32 janvier 2020', '5e semestre 2020', 'Décembre 2019 à', '(sous réserve)', 'Phase 1 (2020)'])(
    'gives null for %j',
    (label) => {
      expect(parseDateLabel(label)).toBeNull();
    },
  );
});

describe('resolveCalendar', () => {
  const entry = (label: string) => ({ label, text: `étape ${label}` });

  it('fills every entry with its interval and precision', () => {
    const { entries, diagnostics } = resolveCalendar([entry('Septembre 2019'), entry('1er semestre 2020')]);
    expect(entries).toEqual([
      { label: 'Septembre 2019', text: 'étape Septembre 2019', start: '2019-09-01', end: '2019-09-30', precision: 'month' },
      { label: '1er semestre 2020', text: 'étape 1er semestre 2020', start: '2020-01-01', end: '2020-06-30', precision: 'semester' },
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('takes a missing year from the entry before, moving past it when needed', () => {
    const { entries, diagnostics } = resolveCalendar([entry('Septembre 2019'), entry('Novembre 2019'), entry('Janvier')]);
    expect(entries[2]).toMatchObject({ start: '2020-01-01', end: '2020-01-31', precision: 'month' });
    expect(diagnostics).toEqual([{ index: 2, code: 'normalise/year-from-neighbours', severity: 'warning', message: expect.stringContaining('Novembre 2019') }]);
  });

  it('keeps the year of the entry before when the label is later in that year', () => {
    const { entries } = resolveCalendar([entry('Mars 2019'), entry('Juin'), entry('Octobre')]);
    expect(entries.map((e) => e.start)).toEqual(['2019-03-01', '2019-06-01', '2019-10-01']);
  });

  it('takes the year from the next entry when no entry before has one', () => {
    const { entries, diagnostics } = resolveCalendar([entry('Novembre'), entry('Février 2020')]);
    expect(entries[0]).toMatchObject({ start: '2019-11-01', end: '2019-11-30' });
    expect(diagnostics.map((d) => [d.index, d.code])).toEqual([[0, 'normalise/year-from-neighbours']]);
  });

  it('resolves a yearless winter across the year end (leap year)', () => {
    const { entries } = resolveCalendar([entry('Automne 2019'), entry('Hiver')]);
    expect(entries[1]).toMatchObject({ start: '2019-12-01', end: '2020-02-29', precision: 'season' });
  });

  it('says when no entry gives a year', () => {
    const { entries, diagnostics } = resolveCalendar([entry('Janvier'), entry('Mars')]);
    expect(entries.map((e) => [e.start, e.end, e.precision])).toEqual([
      [null, null, 'month'],
      [null, null, 'month'],
    ]);
    expect(diagnostics.map((d) => [d.index, d.code])).toEqual([
      [0, 'normalise/no-year'],
      [1, 'normalise/no-year'],
    ]);
  });

  it('gives null and names the label it cannot read', () => {
    const { entries, diagnostics } = resolveCalendar([entry('2019'), entry('Rentrée 2020'), entry('Marz 2020'), entry('31 avril 2020')]);
    expect(entries.slice(1).map((e) => [e.start, e.end, e.precision])).toEqual([
      [null, null, null],
      [null, null, null],
      [null, null, null],
    ]);
    expect(diagnostics).toEqual([
      { index: 1, code: 'normalise/unknown-month', severity: 'warning', message: expect.stringContaining('rentree') },
      { index: 2, code: 'normalise/unknown-month', severity: 'warning', message: expect.stringContaining('marz') },
      { index: 3, code: 'normalise/invalid-date', severity: 'warning', message: expect.stringContaining('31 avril 2020') },
    ]);
  });

  it('flags a range that ends before it starts', () => {
    const { entries, diagnostics } = resolveCalendar([entry('Mars 2020 à janvier 2020')]);
    expect(entries[0]).toMatchObject({ start: '2020-03-01', end: '2020-01-31' });
    expect(diagnostics.map((d) => d.code)).toEqual(['normalise/reversed-range']);
  });

  it('reads an empty label as unread', () => {
    const { entries, diagnostics } = resolveCalendar([{ label: '', text: 'Lancement' }]);
    expect(entries[0]!.precision).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['normalise/unread-date']);
  });
});
