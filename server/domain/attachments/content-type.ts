/**
 * What an upload really is, from its first bytes: the client's Content-Type
 * and file name are never trusted. Only types that are safe to hand back to a
 * browser are accepted; anything a browser could run or render as a document
 * of our origin (HTML, SVG, XML, scripts, executables) is refused.
 *
 * @example sniffContentType(readFileSync('photo.png')) // 'image/png'
 */
import { ParleyError } from '../errors.js';
import { isOfficeZip, isZip } from './office-zip.js';

export const TEXT_PLAIN = 'text/plain; charset=utf-8';
export const OCTET_STREAM = 'application/octet-stream';

export type SniffedType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'application/pdf' | typeof TEXT_PLAIN | typeof OCTET_STREAM;

/** Shown inline (images in `<img>`, PDFs in the browser's viewer); everything else downloads. */
export function isInlineType(type: string): boolean {
  return type.startsWith('image/') || type === 'application/pdf';
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const PDF = ascii('%PDF-');

const refused = (what: string) =>
  new ParleyError('unsupported_media_type', `${what} are not accepted: send images (PNG, JPEG, GIF, WebP), PDF, plain text or office documents`);

export function sniffContentType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'image/gif';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp';
  if (startsWith(bytes, PDF)) return 'application/pdf';
  if (isZip(bytes)) {
    if (isOfficeZip(bytes)) return OCTET_STREAM;
    throw refused('Zip archives other than office documents');
  }
  if (isPlainText(bytes)) return TEXT_PLAIN;
  throw refused('Files of this type');
}

/**
 * UTF-8 text with no NUL byte that does not open like markup or a script:
 * a browser that ignored our Content-Type (it cannot: nosniff) or a user who
 * opened the download locally must not get an HTML page or an SVG out of it.
 */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  const head = text.replace(/^\uFEFF/, '').trimStart().slice(0, 64).toLowerCase();
  if (head.startsWith('<')) throw refused('HTML, SVG and XML files');
  if (head.startsWith('#!')) throw refused('Scripts');
  return true;
}
