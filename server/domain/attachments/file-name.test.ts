import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OCTET_STREAM, TEXT_PLAIN } from './content-type.js';
import { MAX_FILE_NAME, contentDisposition, fileNameForType, safeFileName } from './file-name.js';

/** No lone surrogate (String.prototype.isWellFormed, which our TS lib target lacks). */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('safeFileName', () => {
  it('keeps only the last path segment', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\ada\\Desktop\\report.pdf')).toBe('report.pdf');
    expect(safeFileName('/tmp/')).toBe('file');
  });

  it('removes control, bidi-override and zero-width characters', () => {
    expect(safeFileName('inv\u0000oice\r\n.pdf')).toBe('invoice.pdf');
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(safeFileName('a\u200Bb\u2066c.txt')).toBe('abc.txt');
  });

  it('trims dots and spaces at the ends and collapses whitespace', () => {
    expect(safeFileName('  ..hidden  ')).toBe('hidden');
    expect(safeFileName('..')).toBe('file');
    expect(safeFileName('my \t  notes.txt')).toBe('my notes.txt');
    expect(safeFileName('')).toBe('file');
  });

  it('keeps at most 200 characters, the extension included, without splitting a character', () => {
    const long = `${'a'.repeat(300)}.pdf`;
    const cut = safeFileName(long);
    expect(cut.length).toBe(MAX_FILE_NAME);
    expect(cut.endsWith('.pdf')).toBe(true);
    const emoji = safeFileName(`${'😀'.repeat(150)}.png`);
    expect(emoji.length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(emoji.endsWith('.png')).toBe(true);
    expect(wellFormed(emoji)).toBe(true);
  });

  it('never returns a path, a control character or more than 200 characters (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (raw) => {
        const name = safeFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME);
        expect(name).not.toMatch(/[/\\\u0000-\u001f\u007f\u202a-\u202e]/);
        expect(wellFormed(name)).toBe(true);
        expect(name.startsWith('.')).toBe(false);
      }),
    );
  });
});

describe('fileNameForType', () => {
  it('keeps a matching extension and adds the right one otherwise', () => {
    expect(fileNameForType('photo.PNG', 'image/png')).toBe('photo.PNG');
    expect(fileNameForType('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
    expect(fileNameForType('screenshot', 'image/png')).toBe('screenshot.png');
    expect(fileNameForType('not-really.png', TEXT_PLAIN)).toBe('not-really.png.txt');
    expect(fileNameForType('page.html', TEXT_PLAIN)).toBe('page.html.txt');
    expect(fileNameForType('data.csv', TEXT_PLAIN)).toBe('data.csv');
    expect(fileNameForType('contract.docx', OCTET_STREAM, 'docx')).toBe('contract.docx');
    expect(fileNameForType('contract.exe', OCTET_STREAM, 'docx')).toBe('contract.exe.docx');
  });

  it('stays within 200 characters when it adds an extension', () => {
    expect(fileNameForType('a'.repeat(200), 'image/png').length).toBe(MAX_FILE_NAME);
  });
});

describe('contentDisposition', () => {
  it('encodes the name as RFC 5987 filename*', () => {
    expect(contentDisposition('attachment', 'résumé (final).txt')).toBe("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9%20%28final%29.txt");
    expect(contentDisposition('inline', 'a"b;c.png')).toBe("inline; filename*=UTF-8''a%22b%3Bc.png");
  });
});
