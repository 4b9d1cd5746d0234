/**
 * Theme variables: colours, fonts, sizes and margins that a teacher can set in the config file
 * or the front matter without touching templates. Values are checked so that nothing but a
 * colour, a length or a font name can reach the page's CSS.
 */
import { z } from 'zod';

const colour = z.string().regex(/^(#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,30}|(rgb|hsl)a?\([\d\s.,%/]+\))$/, { message: 'expected a colour such as #1f4e79 or darkred' });
const length = z.string().regex(/^\d+(\.\d+)?(pt|mm|cm|in|px|em|rem)$/, { message: 'expected a length such as 11pt or 18mm' });
const font = z.string().regex(/^[\p{L}\p{N} ,'"-]{1,200}$/u, { message: 'expected font names such as "Georgia, serif"' });
const number = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?$/)], { message: 'expected a number such as 1.4' });

export const themeSchema = z.strictObject({
  accent: colour.optional(),
  'accent-soft': colour.optional(),
  text: colour.optional(),
  muted: colour.optional(),
  rule: colour.optional(),
  'font-body': font.optional(),
  'font-heading': font.optional(),
  'font-size': length.optional(),
  'line-height': number.optional(),
  'answer-line-gap': length.optional(),
  margin: length.optional(),
});

export type Theme = z.infer<typeof themeSchema>;

/** CSS that sets the variables theme.css reads; later themes win. */
export function themeCss(...themes: (Theme | undefined)[]): string {
  const merged: Record<string, string> = {};
  for (const t of themes) for (const [k, v] of Object.entries(t ?? {})) if (v !== undefined) merged[k] = String(v);
  const vars = Object.entries(merged)
    .filter(([k]) => k !== 'margin')
    .map(([k, v]) => `--${k}: ${v};`);
  const rules: string[] = [];
  if (vars.length > 0) rules.push(`:root { ${vars.join(' ')} }`);
  if (merged.margin) rules.push(`@page { margin: ${merged.margin}; }`);
  return rules.join('\n');
}
