/** JSON columns are text; a corrupt value reads as the fallback instead of crashing a request. */
export function parseJsonColumn<T>(text: string | null, fallback: T): T {
  if (text == null || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
