/**
 * A Markdown text cut into parts that parse on their own exactly as they do in the whole
 * text (src/parse.ts), so that an edit to one part of a guide parses only that part again.
 *
 * A part starts at an ATX heading (`# …` at the start of a line) that follows a blank line
 * and is not inside a fenced code block, a `:::` container, or an HTML block that a blank line
 * does not end (`<!-- … -->`, `<script>`, `<pre>`, `<style>`, `<textarea>`, `<? … ?>`,
 * `<!X … >`, `<![CDATA[ … ]]>`). Such a heading ends whatever block came before it (a list,
 * a quote, a table, a paragraph), and what follows it cannot reach back. The one thing that
 * crosses parts is a definition: a footnote (`[^1]: …`) or link reference (`[x]: …`) defined
 * in one part and used in another. A text with a line that could be one is not cut at all.
 */

export interface Part {
  text: string;
  /** Where the part starts in the whole text: its 1-based line and its offset. */
  line: number;
  offset: number;
}

const heading = /^#{1,6}(?:[ \t]|$)/;
/** A line that may define a footnote or a link reference, anywhere (also indented, or in a quote or list). */
const definition = /^[ \t>*+\-\d.)]*\[[^\]\n]+\]:/m;
const fence = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const container = /^[ \t]*(:{3,})(.*)$/;
const htmlOpeners: [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

/** The parts of `text`, in order; one part (the whole text) when it cannot be cut safely. */
export function splitParts(text: string): Part[] {
  const whole = [{ text, line: 1, offset: 0 }];
  // A byte-order mark is no character of micromark's positions; a definition may be used anywhere.
  if (text.startsWith('\uFEFF') || definition.test(text)) return whole;
  const starts: { line: number; offset: number }[] = [];
  let openFence: { char: string; length: number } | undefined;
  const containers: number[] = [];
  let htmlEnd: RegExp | undefined;
  let previousBlank = false;
  let offset = 0;
  const lines = text.split('\n');
  let i = 0;
  // Front matter: YAML, where a line starting with "#" is a comment.
  if (/^---[ \t]*\r?$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, n) => n > 0 && /^---[ \t]*\r?$/.test(l));
    if (close < 0) return whole;
    for (; i <= close; i++) offset += (lines[i] as string).length + 1;
  }
  for (; i < lines.length; i++) {
    const raw = lines[i] as string;
    const start = offset;
    offset += raw.length + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const blank = line.trim() === '';
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = undefined;
      previousBlank = blank;
      continue;
    }
    const f = fence.exec(line);
    if (openFence) {
      // A closing fence: the same character, at least as long, nothing after it.
      if (f && f[1]?.[0] === openFence.char && (f[1]?.length ?? 0) >= openFence.length && (f[2] ?? '').trim() === '') openFence = undefined;
      previousBlank = blank;
      continue;
    }
    if (f) {
      // Backticks in the info string make it no fence; counting it as one only cuts less.
      openFence = { char: f[1]?.[0] ?? '`', length: f[1]?.length ?? 3 };
      previousBlank = false;
      continue;
    }
    const c = container.exec(line);
    if (c) {
      const colons = c[1]?.length ?? 3;
      const rest = (c[2] ?? '').trim();
      if (rest === '') {
        // A closing fence closes the innermost container it is long enough for.
        const at = containers.findLastIndex((n) => colons >= n);
        if (at >= 0) containers.splice(at);
      } else containers.push(colons);
      previousBlank = false;
      continue;
    }
    if (previousBlank && i > 0 && containers.length === 0 && heading.test(line)) starts.push({ line: i + 1, offset: start });
    const opener = htmlOpeners.find(([open]) => open.test(line));
    if (opener && !opener[1].test(line.replace(opener[0], ''))) htmlEnd = opener[1];
    previousBlank = blank;
  }
  // A fence or container left open runs to the end of the text; no cut was made after its start.
  if (starts.length === 0) return whole;
  const parts: Part[] = [];
  let from = { line: 1, offset: 0 };
  for (const s of starts) {
    parts.push({ text: text.slice(from.offset, s.offset), line: from.line, offset: from.offset });
    from = s;
  }
  parts.push({ text: text.slice(from.offset), line: from.line, offset: from.offset });
  return parts;
}
