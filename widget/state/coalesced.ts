/**
 * Wraps an async job so calls made while it runs share that run and cause one
 * more pass after it, not one pass each: a burst of triggers costs at most two runs.
 */
export function coalesced(job: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await job();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };
}
