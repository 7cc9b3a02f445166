import { describe, expect, it } from 'vitest';
import { ParleyError } from '../errors.js';
import { OCTET_STREAM, TEXT_PLAIN, isInlineType, sniffContentType } from './content-type.js';
import { officeExtension } from './office-zip.js';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** A stored (uncompressed) zip built by hand: local headers, central directory, end record. CRCs are not checked by the sniffer. */
function makeZip(entries: Array<{ name: string; data: string }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

function refusal(input: Uint8Array): string {
  try {
    sniffContentType(input);
  } catch (err) {
    if (err instanceof ParleyError) return err.code;
    throw err;
  }
  return 'accepted';
}

describe('sniffContentType', () => {
  it('recognises the accepted images and PDF by their magic bytes, whatever the name says', () => {
    expect(sniffContentType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], [0, 0, 0, 13]))).toBe('image/png');
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0], [0, 16]))).toBe('image/jpeg');
    expect(sniffContentType(bytes('GIF89a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(sniffContentType(bytes('GIF87a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(sniffContentType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffContentType(bytes('%PDF-1.7\n%âãÏÓ\n'))).toBe('application/pdf');
  });

  it('accepts UTF-8 text without NUL bytes as plain text', () => {
    expect(sniffContentType(bytes('order,total\n42,9.99\n'))).toBe(TEXT_PLAIN);
    expect(sniffContentType(bytes('Terima kasih — شكرا 👋\n'))).toBe(TEXT_PLAIN);
    expect(sniffContentType(bytes('\uFEFFwith a byte order mark'))).toBe(TEXT_PLAIN);
  });

  it('refuses markup, scripts and binaries with 415 unsupported_media_type', () => {
    expect(refusal(bytes('<!DOCTYPE html><script>alert(1)</script>'))).toBe('unsupported_media_type');
    expect(refusal(bytes('  \n<html><body>hi</body></html>'))).toBe('unsupported_media_type');
    expect(refusal(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBe('unsupported_media_type');
    expect(refusal(bytes('\uFEFF<?xml version="1.0"?><x/>'))).toBe('unsupported_media_type');
    expect(refusal(bytes('#!/bin/sh\nrm -rf ~\n'))).toBe('unsupported_media_type');
    expect(refusal(bytes('MZ', [0x90, 0, 3, 0, 0, 0]))).toBe('unsupported_media_type'); // Windows executable
    expect(refusal(bytes([0x7f], 'ELF', [2, 1, 1, 0]))).toBe('unsupported_media_type');
    expect(refusal(bytes('text with a NUL', [0], 'inside'))).toBe('unsupported_media_type');
    expect(refusal(bytes([0xc3, 0x28, 0x41]))).toBe('unsupported_media_type'); // invalid UTF-8
  });

  it('accepts office documents (zip-based) as a download, but no other zip', () => {
    const docx = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect(sniffContentType(docx)).toBe(OCTET_STREAM);
    expect(officeExtension(docx)).toBe('docx');
    const xlsx = makeZip([
      { name: '_rels/.rels', data: '' },
      { name: 'xl/workbook.xml', data: '' },
      { name: '[Content_Types].xml', data: '' },
    ]);
    expect(officeExtension(xlsx)).toBe('xlsx');
    const odt = makeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text' }, { name: 'content.xml', data: '' }]);
    expect(sniffContentType(odt)).toBe(OCTET_STREAM);
    expect(officeExtension(odt)).toBe('odt');

    const plainZip = makeZip([{ name: 'payload.exe', data: 'MZ' }]);
    expect(refusal(plainZip)).toBe('unsupported_media_type');
    const macros = makeZip([
      { name: '[Content_Types].xml', data: '' },
      { name: 'word/document.xml', data: '' },
      { name: 'word/vbaProject.bin', data: '' },
    ]);
    expect(refusal(macros)).toBe('unsupported_media_type');
    // A truncated zip (no central directory) is not trusted.
    expect(refusal(docx.subarray(0, 40))).toBe('unsupported_media_type');
  });

  it('shows images and PDF inline, everything else as a download', () => {
    expect(isInlineType('image/png')).toBe(true);
    expect(isInlineType('application/pdf')).toBe(true);
    expect(isInlineType(TEXT_PLAIN)).toBe(false);
    expect(isInlineType(OCTET_STREAM)).toBe(false);
  });
});
