import type { Diagnostic } from '../validate/schema.ts';

export type Severity = Diagnostic['severity'];

/** A diagnostic before the caller knows its page or card. */
export interface DiagnosticDraft {
  code: string;
  severity: Severity;
  message: string;
}

export function makeDiagnostic(
  code: string,
  severity: Severity,
  message: string,
  where: { page?: number | null; cardId?: string | null } = {},
): Diagnostic {
  return { code, severity, message, page: where.page ?? null, cardId: where.cardId ?? null };
}

export function placeDiagnostics(
  drafts: readonly DiagnosticDraft[],
  where: { page?: number | null; cardId?: string | null },
): Diagnostic[] {
  return drafts.map((d) => makeDiagnostic(d.code, d.severity, d.message, where));
}
