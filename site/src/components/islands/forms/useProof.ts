/**
 * Runs the proof of work in the background from the person's first touch of the form, so that sending is
 * not delayed: `start()` on first focus or input, `take()` at submit (waits if still working, starts over if
 * the proof failed or expired). A proof is used once; after a refused submission the next one starts at once.
 */
import { useCallback, useRef } from 'react';
import { prove, stillValid, type Proof } from './challenge.ts';

type Job = { promise: Promise<Proof>; done: boolean };

export function useProof(cmsUrl: string) {
  const job = useRef<Job | null>(null);

  const start = useCallback(() => {
    if (job.current) return;
    const current: Job = { promise: prove(cmsUrl), done: false };
    current.promise.then(
      () => (current.done = true),
      () => {
        // A failed attempt is forgotten: the next take() tries again (its error is shown then).
        if (job.current === current) job.current = null;
      },
    );
    job.current = current;
  }, [cmsUrl]);

  /** True when a proof is ready now (no waiting message needed). */
  const ready = useCallback(() => Boolean(job.current?.done), []);

  /** The payload for one submission; throws ChallengeError with a message to show. */
  const take = useCallback(async (): Promise<string> => {
    start();
    let proof = await job.current!.promise;
    if (!stillValid(proof)) {
      job.current = null;
      start();
      proof = await job.current!.promise;
    }
    job.current = null;
    return proof.payload;
  }, [start]);

  return { start, ready, take };
}
