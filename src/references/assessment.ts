/**
 * The teacher's assessment of a source (the `reliability` block of an entry, or the
 * `reliability-*` fields of a BibTeX entry), validated with messages that name the field.
 */
import { z } from 'zod';
import { sourceTypes, type Assessment } from './types.js';

const ratingField = z.coerce
  .number({ message: 'expected a number from 0 to 3' })
  .int({ message: 'expected a whole number from 0 to 3' })
  .min(0, { message: 'expected a number from 0 to 3' })
  .max(3, { message: 'expected a number from 0 to 3' });

const keyList = z.union([z.array(z.string()), z.string()]).transform((v) =>
  Array.isArray(v) ? v : v.split(/[\s,;]+/).filter(Boolean),
);

const booleanish = z.union([z.boolean(), z.enum(['true', 'false', 'yes', 'no'])]).transform((v) => v === true || v === 'true' || v === 'yes');

export const assessmentSchema = z.strictObject({
  type: z.enum(sourceTypes, { message: `expected one of ${sourceTypes.join(', ')}` }).optional(),
  rating: ratingField.optional(),
  reasons: z.string().optional(),
  'corroborated-by': keyList.optional(),
  examined: booleanish.optional(),
});

export type AssessmentInput = z.input<typeof assessmentSchema>;

export interface AssessmentProblem {
  field: string;
  message: string;
}

export function parseAssessment(input: unknown): { assessment: Assessment; problems: AssessmentProblem[] } {
  const empty: Assessment = { corroboratedBy: [], examined: false };
  if (input === undefined || input === null) return { assessment: empty, problems: [] };
  const result = assessmentSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => ({
      field: issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.map(String).join('.') || 'reliability',
      message:
        issue.code === 'unrecognized_keys'
          ? `unknown field; known fields are ${Object.keys(assessmentSchema.shape).join(', ')}`
          : issue.message,
    }));
    return { assessment: empty, problems };
  }
  const v = result.data;
  const assessment: Assessment = { corroboratedBy: v['corroborated-by'] ?? [], examined: v.examined ?? false };
  if (v.type !== undefined) assessment.type = v.type;
  if (v.rating !== undefined) assessment.rating = v.rating as 0 | 1 | 2 | 3;
  if (v.reasons !== undefined) assessment.reasons = v.reasons.trim();
  return { assessment, problems: [] };
}
