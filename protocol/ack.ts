import type { ErrorBody } from './errors.js';

/** Every socket request is answered with one of these, never with a thrown error. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export type AckCallback<T> = (response: Ack<T>) => void;
