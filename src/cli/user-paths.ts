// npm runs a package's scripts from the package's folder, whatever folder the command was typed in,
// and tells the script that folder in INIT_CWD. The paths a user types are taken from there, so that
// `npm start -- edition.pdf` (or `npm --prefix tool start -- edition.pdf`) reads the edition.pdf the
// user sees. The defaults (input/, output/) stay the project's own folders.
import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder the user typed `npm run <script>` in, when this process is that script, run by npm
 * for this package from another folder; otherwise null, and paths are taken from the working
 * directory as they are. A process that only inherits npm's variables (a program started under
 * `npm test`) is not `script`, or does not run in the package's folder.
 */
export function typedFrom(script: string, env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string | null {
  const { INIT_CWD: initCwd, npm_lifecycle_event: event, npm_package_json: packageJson } = env;
  if (!initCwd || !packageJson || event !== script) return null;
  if (!isSameFolder(path.dirname(packageJson), cwd)) return null;
  return isSameFolder(initCwd, cwd) ? null : path.resolve(initCwd);
}

/** Whether two paths name one folder: npm may name the package through a symbolic link, the working directory never does. */
function isSameFolder(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

/** A path as the user typed it, taken from `dir` (see typedFrom) when it is relative. */
export function fromTypedDir(typed: string, dir: string | null): string {
  return dir === null || path.isAbsolute(typed) ? typed : path.resolve(dir, typed);
}
