/**
 * The shared input schemas (zod/mini, @thads/shared) and the check the forms run with them, in a chunk of
 * their own: useIntakeForm loads it when the person starts filling a form (first focus or input, with the
 * proof of work's solver), and awaits it at submit. A form page's first load carries only the form's UI.
 */
import { citizenQuestionInput, fieldErrors, informationRequestInput, informationRequestStatusInput, pageFeedbackInput, pressRequestInput, questionStatusInput } from '@thads/shared';
import { config } from 'zod/mini';
import { NO_PROBLEMS, problemsOf, type Problems } from './form-logic.ts';

// zod compiles object parsers with `new Function` when it may; under the site's Content-Security-Policy
// (no 'unsafe-eval') its probe is refused and logged as a violation on every form page. Parse without it.
config({ jitless: true });

/** A shared zod schema of a public input (only what is used here). */
export type InputSchema = { safeParse(value: unknown): { success: true } | { success: false; error: Parameters<typeof fieldErrors>[0] } };

/** The schema of each public form, by the name the islands give useIntakeForm. */
export const SCHEMAS = {
  citizenQuestion: citizenQuestionInput,
  questionStatus: questionStatusInput,
  pressRequest: pressRequestInput,
  informationRequest: informationRequestInput,
  informationRequestStatus: informationRequestStatusInput,
  pageFeedback: pageFeedbackInput,
} satisfies Record<string, InputSchema>;
export type SchemaName = keyof typeof SCHEMAS;

/** Stands in for the proof of work while the values are checked in the browser (the schema requires one). */
const PENDING_CHALLENGE = 'pending-proof-of-work-in-the-browser';

/** Checks `values` with the shared schema, as the server will (the proof of work aside). */
export function check(schema: InputSchema, values: Record<string, unknown>, fields: readonly string[]): Problems {
  const result = schema.safeParse({ ...values, altcha: PENDING_CHALLENGE });
  if (result.success) return NO_PROBLEMS;
  return problemsOf(
    fieldErrors(result.error).filter((e) => e.path[0] !== 'altcha'),
    fields,
  );
}
