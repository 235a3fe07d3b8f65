/**
 * The life of a public form, shared by the question, press-request and status forms: check with the
 * shared schema, wait for the proof of work if needed, post to the CMS, then either show the result
 * (focused) or the errors (summary focused, messages by the fields).
 *
 * What is needed only once the person fills the form comes on the first touch (`onTouch`: focus or input
 * anywhere in it): the schemas with zod (schemas.ts) and, for forms with a proof of work, the solver and
 * the challenge. A form page's first load is the form's UI alone.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import { ChallengeError } from './challenge.ts';
import { CONNECTION_PROBLEM, NO_PROBLEMS, postJson, problemsOfAnswer, valuesOf, type Problems } from './form-logic.ts';
import type { SchemaName } from './schemas.ts';
import { useProof } from './useProof.ts';

let schemas: Promise<typeof import('./schemas.ts')> | undefined;
/** The schemas' chunk, loaded once per page (a failed load is tried again at the next touch or submit). */
function loadSchemas() {
  schemas ??= import('./schemas.ts').catch((error) => {
    schemas = undefined;
    throw error;
  });
  return schemas;
}

type Options = {
  cmsUrl: string;
  /** The endpoint, e.g. "/api/citizen-questions/submit". */
  path: string;
  /** The shared schema the values are checked with (forms/schemas.ts). */
  schema: SchemaName;
  /** Names of the fields a person fills, in the order of the form (the order of the error summary). */
  fields: readonly string[];
  checkboxes?: readonly string[];
  /** Whether the form sends a proof of work (`altcha`). */
  withProof: boolean;
};

export const WAITING_FOR_PROOF = 'Đang xác minh chống thư rác…';
export const SENDING = 'Đang gửi…';

export function useIntakeForm<T>({ cmsUrl, path, schema, fields, checkboxes = [], withProof }: Options) {
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState('');
  const [result, setResult] = useState<T | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const sending = useRef(false);
  const proof = useProof(cmsUrl);

  useEffect(() => setHydrated(true), []);
  // Layout effects: focus moves to the error summary or the result as it enters the page. Preact runs plain
  // effects after paint, and on a busy phone a keyboard user could act on the old focus in between (the
  // browser check saw the button still focused once the result was on screen).
  useLayoutEffect(() => {
    if (attempt) summaryRef.current?.focus();
  }, [attempt]);
  useLayoutEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const refuse = (p: Problems) => {
    setProblems(p);
    setAttempt((n) => n + 1);
  };

  const onSubmit = useCallback(
    async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      if (sending.current) return;
      const values = valuesOf(event.currentTarget, checkboxes);
      let local: Problems;
      try {
        const { SCHEMAS, check } = await loadSchemas();
        local = check(SCHEMAS[schema], values, fields);
      } catch {
        return refuse({ byField: {}, summary: [{ message: CONNECTION_PROBLEM }] });
      }
      if (local.summary.length) return refuse(local);
      sending.current = true;
      setResult(null);
      try {
        let body: Record<string, unknown> = values;
        if (withProof) {
          if (!proof.ready()) setBusy(WAITING_FOR_PROOF);
          try {
            body = { ...values, altcha: await proof.take() };
          } catch (error) {
            return refuse({ byField: {}, summary: [{ message: error instanceof ChallengeError ? error.message : CONNECTION_PROBLEM }] });
          }
        }
        setBusy(SENDING);
        const answer = await postJson<T>(cmsUrl + path, body);
        if (answer.ok) {
          setProblems(NO_PROBLEMS);
          setResult(answer.data);
        } else {
          refuse(problemsOfAnswer(answer, fields));
          // The next proof starts now, so that sending again is not delayed.
          if (withProof) proof.start();
        }
      } finally {
        sending.current = false;
        setBusy('');
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cmsUrl, path, schema, withProof],
  );

  return {
    problems,
    busy,
    result,
    hydrated,
    summaryRef,
    resultRef,
    onSubmit,
    /** The first touch of the form (focus or typing): loads the schemas and starts the proof of work. */
    onTouch: useCallback(() => {
      loadSchemas().catch(() => {});
      if (withProof) proof.start();
    }, [withProof, proof.start]),
    errorOf: (field: string) => problems.byField[field],
  };
}
