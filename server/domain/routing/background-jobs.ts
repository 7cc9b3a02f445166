/**
 * Work the domain starts by itself (routing a new conversation, handing out an
 * offline agent's conversations): tracked so tests and shutdown can wait for
 * it, and its failures reported to whoever listens (the edge that has a
 * logger) instead of becoming unhandled rejections.
 */
export class BackgroundJobs {
  private readonly running = new Set<Promise<void>>();
  private readonly errorListeners = new Set<(err: unknown) => void>();

  run(work: () => Promise<void>): void {
    const p: Promise<void> = Promise.resolve()
      .then(work)
      .catch((err: unknown) => this.errorListeners.forEach((listen) => listen(err)))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Returns the unsubscribe function. */
  onError(listener: (err: unknown) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Resolves when every job started so far, and every job those started, has finished. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
