/**
 * Two kinds of failure, kept apart:
 * - content diagnostics: many per run, positioned in a file, errors or warnings;
 * - process errors: one, with an exit code (usage mistakes, missing browser, I/O).
 * The library collects the first and throws the second; the CLI prints both.
 */
import path from 'node:path';

export type Severity = 'error' | 'warning';

export interface Position {
  line: number;
  column: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Absolute path of the file the problem is in. */
  file: string;
  /** 1-based line and column; absent when the problem is about the whole file. */
  position?: Position;
  message: string;
  /** Stable identifier of the check, e.g. `unknown-citation-key`. */
  rule: string;
  /** Another place involved (the first definition of a duplicate, say). */
  related?: { file: string; position?: Position; message: string };
}

/** `content/x/guide.md:12:3: unknown citation key "johnson2023"`, warnings marked as such. */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  const lines = [`${place(d.file, d.position, cwd)}: ${d.severity === 'warning' ? 'warning: ' : ''}${d.message}`];
  if (d.related) lines.push(`${place(d.related.file, d.related.position, cwd)}: note: ${d.related.message}`);
  return lines.join('\n');
}

function place(file: string, position: Position | undefined, cwd: string): string {
  const rel = path.relative(cwd, file);
  const shown = rel === '' || rel.startsWith('..') ? file : rel;
  return position ? `${shown}:${position.line}:${position.column}` : shown;
}

/** Diagnostics grouped by file (in first-seen order), then by line and column. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const fileOrder = new Map<string, number>();
  for (const d of diagnostics) if (!fileOrder.has(d.file)) fileOrder.set(d.file, fileOrder.size);
  return [...diagnostics].sort(
    (a, b) =>
      (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) ||
      (a.position?.line ?? 0) - (b.position?.line ?? 0) ||
      (a.position?.column ?? 0) - (b.position?.column ?? 0),
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (strict && d.severity === 'warning'));
}

/** Collects diagnostics for one file. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(readonly file: string) {}

  error(message: string, rule: string, position?: Position, related?: Diagnostic['related']): void {
    this.push('error', message, rule, position, related);
  }

  warn(message: string, rule: string, position?: Position, related?: Diagnostic['related']): void {
    this.push('warning', message, rule, position, related);
  }

  private push(severity: Severity, message: string, rule: string, position?: Position, related?: Diagnostic['related']): void {
    const d: Diagnostic = { severity, file: this.file, message, rule };
    if (position) d.position = position;
    if (related) d.related = related;
    this.diagnostics.push(d);
  }
}

/** Exit codes of the CLI, also carried by process errors. */
export const ExitCode = { ok: 0, content: 1, usage: 2, failure: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A problem that stops the run: printed as one line, never with a stack trace. */
export class StudyguideError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = ExitCode.failure,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StudyguideError';
  }
}

export class UsageError extends StudyguideError {
  constructor(message: string) {
    super(message, ExitCode.usage);
    this.name = 'UsageError';
  }
}

/** Line and column (1-based) of an offset in a text. */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
