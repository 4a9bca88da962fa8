// The command-line tools' own output streams.

/**
 * A reader that goes away (`npm start | head -1`, `npm run diff -- a b | head`) ends the printing,
 * not the work: files are still extracted and written, and the exit code is the work's.
 * (Unhandled, the EPIPE error ended the process with a stack trace, whatever was left to do.) A
 * stream that errs once is destroyed, and later writes to it are dropped.
 */
export function keepRunningWithoutReaders(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}
