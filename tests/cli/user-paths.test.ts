import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromTypedDir, typedFrom } from '../../src/cli/user-paths.ts';

const project = path.resolve('/home/ana/pactes-extract');
const packageJson = path.join(project, 'package.json');
const data = path.resolve('/home/ana/editions');

describe('typedFrom: the folder the user typed the npm command in', () => {
  const cases: { name: string; env: NodeJS.ProcessEnv; cwd: string; script: string; gives: string | null }[] = [
    {
      name: '`npm --prefix <project> start` from another folder',
      env: { INIT_CWD: data, npm_lifecycle_event: 'start', npm_package_json: packageJson },
      cwd: project,
      script: 'start',
      gives: data,
    },
    {
      name: '`npm start` from a folder inside the project',
      env: { INIT_CWD: path.join(project, 'docs'), npm_lifecycle_event: 'start', npm_package_json: packageJson },
      cwd: project,
      script: 'start',
      gives: path.join(project, 'docs'),
    },
    {
      name: '`npm start` from the project folder: paths stay as typed',
      env: { INIT_CWD: project, npm_lifecycle_event: 'start', npm_package_json: packageJson },
      cwd: project,
      script: 'start',
      gives: null,
    },
    {
      name: 'run without npm (`node src/cli/start.js`)',
      env: {},
      cwd: project,
      script: 'start',
      gives: null,
    },
    {
      name: 'started by a program that runs under `npm test` (it inherits npm’s variables)',
      env: { INIT_CWD: data, npm_lifecycle_event: 'test', npm_package_json: packageJson },
      cwd: project,
      script: 'start',
      gives: null,
    },
    {
      name: 'the script’s variables, but another working directory (a child started elsewhere)',
      env: { INIT_CWD: data, npm_lifecycle_event: 'start', npm_package_json: packageJson },
      cwd: path.resolve('/tmp/work'),
      script: 'start',
      gives: null,
    },
    {
      name: '`npm run diff` from another folder',
      env: { INIT_CWD: data, npm_lifecycle_event: 'diff', npm_package_json: packageJson },
      cwd: project,
      script: 'diff',
      gives: data,
    },
    {
      name: 'no package.json named',
      env: { INIT_CWD: data, npm_lifecycle_event: 'start' },
      cwd: project,
      script: 'start',
      gives: null,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(typedFrom(c.script, c.env, c.cwd)).toBe(c.gives);
    });
  }
});

describe('typedFrom with a project reached through a symbolic link', () => {
  // npm names the package by the path typed (the link); the working directory is the real folder.
  const base = realpathSync(mkdtempSync(path.join(tmpdir(), 'typed-from-')));
  afterAll(() => rmSync(base, { recursive: true, force: true }));
  const real = path.join(base, 'project');
  const link = path.join(base, 'link');
  const user = path.join(base, 'user');
  mkdirSync(real);
  mkdirSync(user);
  symlinkSync(real, link, 'dir');

  it('still finds the user’s folder', () => {
    const env = { INIT_CWD: user, npm_lifecycle_event: 'start', npm_package_json: path.join(link, 'package.json') };
    expect(typedFrom('start', env, real)).toBe(user);
  });

  it('and knows the user typed it in the project itself, through the link', () => {
    const env = { INIT_CWD: link, npm_lifecycle_event: 'start', npm_package_json: path.join(link, 'package.json') };
    expect(typedFrom('start', env, real)).toBeNull();
  });
});

describe('fromTypedDir: a typed path taken from that folder', () => {
  const cases: { typed: string; dir: string | null; gives: string }[] = [
    { typed: 'edition 2022.pdf', dir: data, gives: path.join(data, 'edition 2022.pdf') },
    { typed: '../out', dir: data, gives: path.resolve(data, '../out') },
    { typed: path.resolve('/srv/pdf/a.pdf'), dir: data, gives: path.resolve('/srv/pdf/a.pdf') },
    { typed: 'input/a.pdf', dir: null, gives: 'input/a.pdf' },
  ];
  for (const c of cases) {
    it(`${c.typed} from ${c.dir ?? 'the working directory'}`, () => {
      expect(fromTypedDir(c.typed, c.dir)).toBe(c.gives);
    });
  }
});
