// Reads a dataset JSON file for the diff, with a one-line reason naming the file when it cannot.
import { readFile } from 'node:fs/promises';
import { DatasetSchema, type Dataset } from '../validate/schema.ts';

const MAX_ISSUES_SHOWN = 5;

export class DatasetFileError extends Error {
  readonly file: string;
  constructor(file: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatasetFileError';
    this.file = file;
  }
}

export async function readDatasetFile(file: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : describe(error);
    throw new DatasetFileError(file, `${file}: cannot be read (${reason})`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetFileError(file, `${file}: not valid JSON (${describe(error)})`, { cause: error });
  }
  const parsed = DatasetSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shown = issues.slice(0, MAX_ISSUES_SHOWN).map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`);
    const more = issues.length > MAX_ISSUES_SHOWN ? `; and ${issues.length - MAX_ISSUES_SHOWN} more` : '';
    throw new DatasetFileError(file, `${file}: not a valid dataset (${shown.join('; ')}${more})`, { cause: parsed.error });
  }
  return parsed.data;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
