/** Why a whole input file was rejected; each kind has its own exit code (see README). */
export const INPUT_ERROR_KINDS = {
  'not-found': 3,
  'not-pdf': 4,
  empty: 5,
  'damaged': 6,
  password: 7,
  'no-text': 8,
  'not-catalogue': 9,
  timeout: 10,
  memory: 11,
  'output-unwritable': 12,
} as const;

export type InputErrorKind = keyof typeof INPUT_ERROR_KINDS;

/** A file the pipeline cannot process, with a one-line reason meant for the user. */
export class InputError extends Error {
  readonly kind: InputErrorKind;
  constructor(kind: InputErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
    this.kind = kind;
  }
  get exitCode(): number {
    return INPUT_ERROR_KINDS[this.kind];
  }
}
