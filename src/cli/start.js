// `npm start` entry. Plain JavaScript on purpose: Node compiles nothing here before the compile cache
// is on, so even the CLI's own TypeScript modules are loaded from the cache (.cache/node-compile,
// git-ignored) from the second run on. The cache dir is the one src/cli/compile-cache.ts names.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

enableCompileCache?.(fileURLToPath(new URL('../../.cache/node-compile/', import.meta.url)));
const { runCommandLine } = await import('./main.ts');
await runCommandLine();
