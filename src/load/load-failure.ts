// Turns whatever pdfjs (or a time limit) throws into one InputError with a one-line reason.
import { PasswordException, PasswordResponses } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InputError, type InputErrorKind } from '../model/errors.ts';

/** `<file>: <reason>` on one line, whatever the file name or the reason contain. */
export function makeInputError(kind: InputErrorKind, fileName: string, reason: string, cause?: unknown): InputError {
  return new InputError(kind, `${printableName(fileName)}: ${oneLine(reason)}`, cause === undefined ? undefined : { cause });
}

/** Control characters (a newline in a file name…) are shown escaped so the message stays one line. */
export function printableName(fileName: string): string {
  return fileName.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    return code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, '0')}`;
  });
}

function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

export interface FailureContext {
  fileName: string;
  passwordGiven: boolean;
  signal?: AbortSignal | undefined;
  /** What was being read: "the PDF", "page 12". */
  what: string;
}

export function explainLoadFailure(error: unknown, context: FailureContext): InputError {
  if (error instanceof InputError) return error;
  const { fileName, signal } = context;
  if (signal?.aborted) return makeInputError('timeout', fileName, `stopped: ${describeAbort(signal.reason)}`, error);
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof PasswordException) {
    const wrong = error.code === PasswordResponses.INCORRECT_PASSWORD || context.passwordGiven;
    return makeInputError(
      'password',
      fileName,
      wrong ? 'the password given with --password is wrong' : 'the PDF is password-protected; give its password with --password',
      error,
    );
  }
  if (/allocation failed|out of memory/i.test(message)) {
    return makeInputError('memory', fileName, `ran out of memory while reading ${context.what} (${message})`, error);
  }
  if (name === 'InvalidPDFException') return makeInputError('damaged', fileName, `the PDF is damaged: ${context.what} has an invalid structure (${message})`, error);
  return makeInputError('damaged', fileName, `the PDF is damaged: ${context.what} cannot be read (${message || name || 'unknown error'})`, error);
}

function describeAbort(reason: unknown): string {
  if (reason instanceof Error && reason.name === 'TimeoutError') return 'the time limit was reached';
  if (reason instanceof Error) return reason.message;
  return reason === undefined ? 'cancelled' : String(reason);
}
