/**
 * `CSS.escape`, with the CSSOM algorithm as a fallback for engines and test
 * environments without it: ids and classes on real pages contain `:`, `.`,
 * `/` and leading digits (`#3d`, `.md:flex`), which must not end up as syntax.
 */

/** https://drafts.csswg.org/cssom/#serialize-an-identifier */
export function escapeIdentifier(value: string): string {
  let out = '';
  const first = value.charCodeAt(0);
  for (let i = 0; i < value.length; i += 1) {
    const code = value.charCodeAt(i);
    const digit = code >= 0x30 && code <= 0x39;
    if (code === 0) out += '\uFFFD';
    else if ((code >= 0x01 && code <= 0x1f) || code === 0x7f || (i === 0 && digit) || (i === 1 && digit && first === 0x2d)) {
      out += `\\${code.toString(16)} `;
    } else if (i === 0 && value.length === 1 && code === 0x2d) out += '\\-';
    else if (code >= 0x80 || code === 0x2d || code === 0x5f || digit || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      out += value.charAt(i);
    } else out += `\\${value.charAt(i)}`;
  }
  return out;
}

export function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && typeof CSS.escape === 'function' ? CSS.escape(value) : escapeIdentifier(value);
}
