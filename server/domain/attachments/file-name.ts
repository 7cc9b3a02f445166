/**
 * File names as the client sent them are display text at best: strip any
 * path, control and bidi-override characters (which can disguise an
 * extension: "invoice\u202Efdp.exe"), keep at most 200 characters, and make the
 * extension agree with what the bytes really are.
 */
import { OCTET_STREAM, TEXT_PLAIN } from './content-type.js';

export const MAX_FILE_NAME = 200;
const FALLBACK = 'file';

// C0/C1 controls, DEL, bidi embeddings/overrides/isolates, zero-width and BOM characters.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function safeFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    // No hidden files ("..", ".env") or names Windows would silently trim.
    .replace(/^[\s.]+|[\s.]+$/g, '');
  return truncate(cleaned || FALLBACK, MAX_FILE_NAME);
}

/** Extensions each stored type may keep; the first is added when the name has none of them. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg', 'jfif'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  [TEXT_PLAIN]: ['txt', 'text', 'csv', 'tsv', 'log', 'md', 'markdown', 'json', 'yaml', 'yml', 'ini', 'conf', 'cfg', 'toml', 'diff', 'patch'],
};

/**
 * "report.html" sniffed as plain text becomes "report.html.txt": whoever opens
 * the download gets a text editor, never a browser or a script host. Office
 * documents get the extension their contents call for (`officeExt`).
 */
export function fileNameForType(name: string, contentType: string, officeExt?: string): string {
  const allowed = contentType === OCTET_STREAM ? (officeExt ? [officeExt] : []) : EXTENSIONS[contentType];
  if (!allowed || allowed.length === 0) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (allowed.includes(ext)) return name;
  return `${truncate(name, MAX_FILE_NAME - allowed[0].length - 1)}.${allowed[0]}`;
}

/** `Content-Disposition` with the name as RFC 6266/5987 `filename*` (UTF-8, percent-encoded). */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename*=UTF-8''${encoded}`;
}

/** At most `max` UTF-16 units, cut between code points (never half a surrogate pair), keeping a short extension. */
function truncate(name: string, max: number): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  let out = '';
  for (const ch of name) {
    if (out.length + ch.length > max - ext.length) break;
    out += ch;
  }
  return out.trimEnd() + ext;
}
