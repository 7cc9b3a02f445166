/**
 * Is this zip an office document (OOXML: .docx/.xlsx/.pptx, or OpenDocument:
 * .odt/.ods/.odp)? Reads only the zip's central directory — bounded work on
 * any input, no decompression — and refuses macro-enabled OOXML (a
 * `vbaProject.bin` part): those are what attackers mail around.
 */
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** The end-of-central-directory record is 22 bytes plus a comment of up to 65 535. */
const EOCD_SEARCH = 22 + 0xffff;
const MAX_ENTRIES = 10_000;

const OOXML_MAIN_PARTS = [
  ['word/', 'docx'],
  ['xl/', 'xlsx'],
  ['ppt/', 'pptx'],
] as const;
const ODF_KINDS: Record<string, string> = { text: 'odt', spreadsheet: 'ods', presentation: 'odp', graphics: 'odg' };
const ODF_MIMETYPE = 'application/vnd.oasis.opendocument.';

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && readU32(bytes, 0) === LOCAL_SIGNATURE;
}

export function isOfficeZip(bytes: Uint8Array): boolean {
  return officeExtension(bytes) !== null;
}

/** The document's proper extension ("docx", "ods"…), or null when the zip is not an office document. */
export function officeExtension(bytes: Uint8Array): string | null {
  if (!isZip(bytes)) return null;
  const odf = openDocumentKind(bytes);
  if (odf) return odf;
  const names = centralDirectoryNames(bytes);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return null;
  for (const [prefix, ext] of OOXML_MAIN_PARTS) if (names.some((n) => n.startsWith(prefix))) return ext;
  return null;
}

/** ODF puts an uncompressed `mimetype` entry first, its content right after the local header. */
function openDocumentKind(bytes: Uint8Array): string | null {
  if (bytes.length < 30) return null;
  const nameLength = readU16(bytes, 26);
  const extraLength = readU16(bytes, 28);
  if (nameLength !== 8 || ascii(bytes, 30, 8) !== 'mimetype') return null;
  const start = 30 + nameLength + extraLength;
  if (ascii(bytes, start, ODF_MIMETYPE.length) !== ODF_MIMETYPE) return null;
  const kind = /^[a-z-]+/.exec(ascii(bytes, start + ODF_MIMETYPE.length, Math.min(40, bytes.length - start - ODF_MIMETYPE.length)))?.[0] ?? '';
  return ODF_KINDS[kind] ?? null;
}

/** Entry names from the central directory, or null when the zip is malformed. */
function centralDirectoryNames(bytes: Uint8Array): string[] | null {
  const eocd = findEocd(bytes);
  if (eocd < 0) return null;
  const count = Math.min(readU16(bytes, eocd + 10), MAX_ENTRIES);
  let at = readU32(bytes, eocd + 16);
  const names: string[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || readU32(bytes, at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = readU16(bytes, at + 28);
    const extraLength = readU16(bytes, at + 30);
    const commentLength = readU16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function findEocd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - EOCD_SEARCH);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (readU32(bytes, i) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

function readU16(b: Uint8Array, at: number): number {
  return at + 2 > b.length ? 0 : b[at] | (b[at + 1] << 8);
}

function readU32(b: Uint8Array, at: number): number {
  return at + 4 > b.length ? 0 : (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
}

function ascii(b: Uint8Array, at: number, length: number): string {
  if (at < 0 || at + length > b.length) return '';
  return String.fromCharCode(...b.subarray(at, at + length));
}
