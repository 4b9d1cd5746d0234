/**
 * YAML documents as every reader of studyguide's YAML parses them (front matter, references,
 * config, source labels): with a line counter, for positioned messages, and without the
 * parser's own warnings on the terminal (Node warnings, such as the one for `{{ placeholder }}`,
 * which YAML reads as a mapping with a mapping for its key): each reader says at its line what
 * is wrong with a value.
 */
import { LineCounter, parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

export function parseYaml(text: string, options: ParseOptions & DocumentOptions & SchemaOptions = {}) {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { ...options, lineCounter, logLevel: 'error' }), lineCounter };
}
