/** The IANA zones this browser knows, for a time zone `<select>`; null where `Intl.supportedValuesOf` is missing (then a text box it is). */
export function supportedTimeZones(): string[] | null {
  const supportedValuesOf = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  if (typeof supportedValuesOf !== 'function') return null;
  try {
    const zones = supportedValuesOf('timeZone');
    // Some engines leave out UTC (it is an alias there); it is the API's default, so it is always offered.
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return null;
  }
}
