/** The CSV bundle: RFC 4180 cells, formula cells defused, and a zip any unzip reads (checked by reading it back). */
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { toCsv } from './export-csv.js';
import { crc32, zipFiles } from './zip-writer.js';

/** Reads a zip back through its central directory (what unzip does). */
function unzip(zip: Buffer): Record<string, string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = inflateRawSync(zip.subarray(dataAt, dataAt + zip.readUInt32LE(local + 18)));
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(zip.readUInt32LE(at + 16));
    files[name] = data.toString('utf8');
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

describe('CSV bundle', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv([
      { a: 'plain', b: 'with, comma', c: 'say "hi"\nbye' },
      { a: '=HYPERLINK("x")', b: -3, d: { nested: true } },
    ]);
    expect(csv.split('\r\n')).toEqual(['a,b,c,d', 'plain,"with, comma","say ""hi""\nbye",', `"'=HYPERLINK(""x"")",-3,,"{""nested"":true}"`, '']);
  });

  it('zips files that read back byte for byte (UTF-8 names and contents)', () => {
    const files = { 'contact.csv': 'name\r\nÅsa Ünal\r\n', 'messages.csv': 'body\r\n'.repeat(500), 'événements.csv': '' };
    const zip = zipFiles(Object.entries(files).map(([name, text]) => ({ name, data: Buffer.from(text, 'utf8') })));
    expect(unzip(zip)).toEqual(files);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926); // the CRC-32 check value
  });
});
