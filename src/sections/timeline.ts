/**
 * The timeline: a list whose items start with a date, plain or bold
 * (`- **1954-03-31** — The Soviet note …`). Returned in date order.
 */
import type { ListItem, Paragraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Reporter } from '../diagnostics.js';
import { compareDates, leadingDate, parsePartialDate, type PartialDate } from './dates.js';
import type { Section } from './split.js';

export interface TimelineEvent {
  start: PartialDate;
  end?: PartialDate;
  /** The item's content with the date taken off. */
  content: RootContent[];
  line: number;
}

export interface Timeline {
  intro: RootContent[];
  events: TimelineEvent[];
}

export function extractTimeline(section: Section, reporter: Reporter): Timeline {
  const intro: RootContent[] = [];
  const events: TimelineEvent[] = [];
  let items = 0;
  for (const node of section.nodes) {
    if (node.type !== 'list') {
      intro.push(node);
      continue;
    }
    for (const item of node.children) {
      items += 1;
      const event = readEvent(item, reporter);
      if (event) events.push(event);
    }
  }
  if (items === 0) {
    reporter.warn(`the "${section.title}" section has no dated entries; write them as a list such as "- **1954-03-31** — what happened"`, 'timeline-empty', headingPosition(section));
  }
  // Stable sort keeps the author's order for events on the same date.
  events.sort((a, b) => compareDates(a.start, b.start));
  return { intro, events };
}

function readEvent(item: ListItem, reporter: Reporter): TimelineEvent | undefined {
  const line = item.position?.start.line ?? 0;
  const position = item.position ? { line: item.position.start.line, column: item.position.start.column } : undefined;
  const first = item.children[0];
  if (first?.type !== 'paragraph') {
    reporter.error('timeline entry does not start with a date (write YYYY-MM-DD, YYYY-MM or YYYY first)', 'timeline-date', position);
    return undefined;
  }
  const taken = takeDate(first);
  if ('error' in taken) {
    reporter.error(taken.error, 'timeline-date', position);
    return undefined;
  }
  const content = [...item.children] as RootContent[];
  if (first.children.length === 0) content.shift();
  const event: TimelineEvent = { start: taken.start, content, line };
  if (taken.end) {
    if (compareDates(taken.end, taken.start) < 0) {
      reporter.error(`timeline entry ends (${taken.endText}) before it starts (${taken.startText})`, 'timeline-date', position);
      return undefined;
    }
    event.end = taken.end;
  }
  return event;
}

type Taken = { start: PartialDate; end?: PartialDate; startText: string; endText?: string } | { error: string };

/** Removes the leading date (bold or plain) and the separator after it from the paragraph. */
function takeDate(paragraph: Paragraph): Taken {
  const head = paragraph.children[0];
  if (!head) return { error: 'timeline entry is empty' };
  let dateText: string;
  if (head.type === 'strong' || head.type === 'emphasis') {
    dateText = toString(head).trim();
    const m = leadingDate.exec(dateText);
    if (!m || m[0].trim() !== dateText) return invalid(dateText);
    paragraph.children.shift();
  } else if (head.type === 'text') {
    const m = leadingDate.exec(head.value);
    if (!m) return invalid(head.value.trim().split(/\s+/)[0] ?? '');
    dateText = m[0].trim();
    head.value = head.value.slice(m[0].length);
  } else {
    return invalid(toString(head));
  }
  stripSeparator(paragraph.children);
  const m = leadingDate.exec(dateText);
  const startText = m?.[1] ?? dateText;
  const endText = m?.[2];
  const start = parsePartialDate(startText);
  if (!start) return { error: `"${startText}" is not a real date (expected YYYY-MM-DD, YYYY-MM or YYYY)` };
  if (endText === undefined) return { start, startText };
  const end = parsePartialDate(endText);
  if (!end) return { error: `"${endText}" is not a real date (expected YYYY-MM-DD, YYYY-MM or YYYY)` };
  return { start, end, startText, endText };
}

function invalid(found: string): { error: string } {
  const shown = found.length > 30 ? `${found.slice(0, 30)}…` : found;
  return { error: `timeline entry does not start with a date: found "${shown}", expected YYYY-MM-DD, YYYY-MM or YYYY` };
}

function stripSeparator(children: PhrasingContent[]): void {
  const next = children[0];
  if (next?.type === 'text') {
    next.value = next.value.replace(/^\s*(?:[—–:-]|--)?\s*/, '');
    if (next.value === '') children.shift();
  }
}

function headingPosition(section: Section) {
  const p = section.heading?.position?.start;
  return p ? { line: p.line, column: p.column } : undefined;
}
