/**
 * Thrown inside a routing transaction when its compare-and-set finds the
 * conversation changed by someone else since it was read: the throw rolls back
 * the pick (cursor, last assignment time) along with everything else.
 */
export class RoutedMeanwhile extends Error {
  constructor() {
    super('the conversation was routed meanwhile');
    this.name = 'RoutedMeanwhile';
  }
}

/** The transaction's result, or null when it was rolled back by `RoutedMeanwhile`. */
export async function rolledBackIfRoutedMeanwhile<T>(transaction: Promise<T>): Promise<T | null> {
  try {
    return await transaction;
  } catch (err) {
    if (err instanceof RoutedMeanwhile) return null;
    throw err;
  }
}
