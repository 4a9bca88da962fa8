/**
 * How to start npm as a user would: the npm that runs this suite when it is npm (npm_execpath
 * names its CLI script), under this Node; else the `npm` on PATH. Returns the command and the
 * arguments that come before npm's own.
 */
export function npmCommand(): [string, string[]] {
  const npmCli = process.env.npm_execpath;
  return npmCli && /(^|[\\/])npm-cli\.[cm]?js$/.test(npmCli) ? [process.execPath, [npmCli]] : ['npm', []];
}
