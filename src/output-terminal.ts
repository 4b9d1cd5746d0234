/** What the CLI prints: progress, diagnostics grouped by file, a summary; colour only on a terminal. */
import { styleText } from 'node:util';
import type { RunReport } from './build.js';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostics.js';

type Colour = Parameters<typeof styleText>[0];

export class Output {
  private readonly colour: boolean;

  constructor(private readonly stream: NodeJS.WriteStream) {
    this.colour = Boolean(stream.isTTY) && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  }

  private paint(colour: Colour, text: string): string {
    return this.colour ? styleText(colour, text) : text;
  }

  line(text: string): void {
    this.stream.write(`${text}\n`);
  }

  done(text: string): void {
    this.line(`${this.paint('green', '✓')} ${text}`);
  }

  failed(text: string): void {
    this.line(`${this.paint('red', '✗')} ${text}`);
  }

  error(text: string): void {
    this.line(`${this.paint('red', 'studyguide:')} ${text}`);
  }

  diagnostics(list: readonly Diagnostic[]): void {
    for (const d of sortDiagnostics(list)) {
      const text = formatDiagnostic(d);
      this.line(d.severity === 'error' ? this.paint('red', text) : this.paint('yellow', text));
    }
  }

  summary(verb: string, report: RunReport, ms: number): void {
    const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = report.diagnostics.length - errors;
    const failed = report.guides.filter((g) => !g.ok).length;
    const done = verb === 'checked' ? report.guides.length : report.guides.length - failed;
    const n = report.guides.length;
    this.line(
      `${verb} ${done} of ${n} guide${n === 1 ? '' : 's'} in ${(ms / 1000).toFixed(1)} s` +
        `${errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
    );
  }
}
