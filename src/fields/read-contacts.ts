import type { Lexicon, Line } from '../model/layout.ts';
import { foldCompact } from '../model/regions.ts';
import { cleanInline, joinLines } from '../layout/index.ts';
import type { Contact } from '../validate/schema.ts';

/** Letters of any script (RFC 6531): an address is never cut at an accented or misread letter ("oui@…" out of "alia.alkhalûoui@…"). */
const EMAIL = /[\p{L}\p{N}_.+'-]+@[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+/u;
const PHONE = /^(?:\+\d{2,3}\s?)?(?:\(0\)\s?)?\d(?:[\s.-]?\d){8,12}$/;
/** "Dominique Bidault, cheffe de projet": a capitalised name, a comma, a role. */
const PERSON = /^((?:\p{Lu}[\p{L}'’-]*\.?\s+){1,4}\p{Lu}[\p{L}'’-]*)\s*,\s*(.*)$/u;

const PEOPLE = /^((?:\p{Lu}[\p{L}'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]*\s+et\s+(?:\p{Lu}[\p{L}'’-]*\s+){1,3}\p{Lu}[\p{L}'’-]*)\s*,\s*(.*)$/u;

interface Person {
  organisation: string | null;
  name: string;
  roleLines: string[];
}

/**
 * Reads a CONTACT box: bold lines name the organisation, "Name, role" lines the people (a role may
 * wrap), then their e-mail addresses and phone numbers, given to people by name, else in order.
 */
export function readContacts(lines: readonly Line[], lexicon: Lexicon): Contact[] {
  let organisation: string | null = null;
  let orgLines: string[] = [];
  const people: Person[] = [];
  const emails: string[] = [];
  const phones: string[] = [];
  // Where nothing is set in bold, the box's first line names the organisation (if a person follows).
  const plain = lines.filter((l) => !EMAIL.test(l.text) && !PHONE.test(cleanInline(l.text)));
  const firstIsOrganisation = !lines.some((l) => l.bold) && plain.length >= 2 && !PERSON.test(cleanInline(plain[0]!.text));
  for (const line of lines) {
    const text = cleanInline(line.text);
    if (text === '') continue;
    const email = EMAIL.exec(text);
    if (email) {
      emails.push(email[0]);
      continue;
    }
    const numbers = text.replace(/^(?:t[ée]l\.?|t\.)\s*:?\s*/i, '').split(/\s*[/;]\s*/);
    if (numbers.every((n) => PHONE.test(n))) {
      phones.push(...numbers);
      continue;
    }
    if (line.bold || (firstIsOrganisation && line === plain[0])) {
      orgLines = people.length > 0 && people[people.length - 1]!.organisation === organisation ? [text] : [...orgLines, text];
      organisation = joinLines(orgLines, lexicon).replace(/\s*:$/, '');
      continue;
    }
    const person = PERSON.exec(text) ?? PEOPLE.exec(text);
    if (person) {
      // "François Hebert et Stéphanie Ottebaert, chargés de mission": two people, one role.
      const roleLines = [person[2]!]; // shared: a wrapped role belongs to every name of the line
      for (const name of person[1]!.split(/\s+et\s+/)) people.push({ organisation, name: name.trim(), roleLines });
      continue;
    }
    const last = people[people.length - 1];
    if (last) last.roleLines.push(text);
    else if (/^\p{Lu}/u.test(text) && text.split(' ').length <= 5) people.push({ organisation, name: text, roleLines: [] });
  }
  return assignReachability(people, emails, phones, organisation, lexicon);
}

function assignReachability(people: Person[], emails: string[], phones: string[], organisation: string | null, lexicon: Lexicon): Contact[] {
  const contacts: Contact[] = people.map((p) => ({
    organisation: p.organisation,
    name: p.name,
    role: p.roleLines.length > 0 ? joinLines(p.roleLines, lexicon) || null : null,
    email: null,
    phone: null,
  }));
  if (contacts.length === 0 && (emails.length > 0 || phones.length > 0 || organisation)) {
    const n = Math.max(emails.length, phones.length, 1);
    for (let i = 0; i < n; i++) contacts.push({ organisation, name: null, role: null, email: null, phone: null });
  }
  const leftover: string[] = [];
  for (const email of emails) {
    const local = foldCompact(email.split('@')[0]!);
    const owner = contacts.find((c) => c.email === null && c.name !== null && nameMatches(c.name, local));
    if (owner) owner.email = email;
    else leftover.push(email);
  }
  for (const email of leftover) {
    const free = contacts.find((c) => c.email === null);
    if (free) free.email = email;
  }
  phones.forEach((phone, i) => {
    const target = contacts.length === phones.length ? contacts[i] : contacts.find((c) => c.phone === null);
    if (target && target.phone === null) target.phone = phone;
  });
  return contacts;
}

function nameMatches(name: string, local: string): boolean {
  return name
    .split(/\s+/)
    .map(foldCompact)
    .some((part) => part.length >= 3 && local.includes(part));
}
