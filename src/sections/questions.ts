/**
 * Discussion questions: an ordered list. An `:::answer` block under a question is the
 * teacher's answer (teacher edition only); `:::answer{lines=6}` sets the writing space.
 */
import type { ContainerDirective } from 'mdast-util-directive';
import type { RootContent } from 'mdast';
import type { Reporter } from '../diagnostics.js';
import type { Section } from './split.js';

export interface Question {
  content: RootContent[];
  answer: RootContent[];
  /** Ruled lines of writing space in the student edition. */
  lines: number;
  line: number;
}

export interface Questions {
  intro: RootContent[];
  questions: Question[];
}

export const defaultAnswerLines = 5;

export function extractQuestions(section: Section, reporter: Reporter): Questions {
  const intro: RootContent[] = [];
  const questions: Question[] = [];
  for (const node of section.nodes) {
    if (node.type !== 'list') {
      intro.push(node);
      continue;
    }
    for (const item of node.children) {
      const content: RootContent[] = [];
      const answer: RootContent[] = [];
      let lines = defaultAnswerLines;
      for (const child of item.children as RootContent[]) {
        if (child.type === 'containerDirective' && child.name === 'answer') {
          answer.push(...(child.children as RootContent[]));
          lines = readLines(child, reporter) ?? lines;
        } else content.push(child);
      }
      questions.push({ content, answer, lines, line: item.position?.start.line ?? 0 });
    }
  }
  if (questions.length === 0) {
    reporter.warn(`the "${section.title}" section has no questions; write them as a numbered list`, 'questions-empty', section.heading?.position?.start);
  }
  return { intro, questions };
}

function readLines(directive: ContainerDirective, reporter: Reporter): number | undefined {
  const raw = directive.attributes?.lines;
  if (raw === undefined || raw === null) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 40) {
    const p = directive.position?.start;
    reporter.error(`answer lines must be a whole number from 0 to 40 (found "${raw}")`, 'answer-lines', p ? { line: p.line, column: p.column } : undefined);
    return undefined;
  }
  return n;
}
