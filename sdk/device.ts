/** What the SDK tells the server about the browser at boot (not before consent: see messenger.ts). */

/** -420 → "UTC+07:00" (getTimezoneOffset counts minutes *behind* UTC). */
export function utcOffset(minutesBehind: number): string {
  const ahead = -minutesBehind;
  const abs = Math.abs(ahead);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `UTC${ahead < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function deviceInfo(): { userAgent: string; screen: string; timezone: string } | undefined {
  if (typeof navigator === 'undefined') return undefined;
  return {
    userAgent: navigator.userAgent.slice(0, 500),
    screen: `${screen.width}x${screen.height}`,
    // The UTC offset, not the IANA zone name: Intl.DateTimeFormat's first use loads ICU
    // data and cost ~100 ms of main-thread time on a throttled phone (bench/host-page.ts).
    timezone: utcOffset(new Date().getTimezoneOffset()),
  };
}
