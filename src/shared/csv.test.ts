import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvDocument, csvField, csvLine, neutralizeCsvFormula } from './csv.ts';

describe('the CSV writer', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+86 138 0000 0000')).toBe(`'+86 138 0000 0000`);
    expect(csvField('-2+3')).toBe(`'-2+3`);
    expect(csvField('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvField('\t=1')).toBe(`'\t=1`);
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(neutralizeCsvFormula('a=b')).toBe('a=b');
  });

  it('leaves plain numbers, text and empty cells alone', () => {
    expect(csvField(-5)).toBe('-5');
    expect(csvField('+1.5')).toBe('+1.5');
    expect(csvField(0.25)).toBe('0.25');
    expect(csvField(true)).toBe('true');
    expect(csvField('无锡药明康德')).toBe('无锡药明康德');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r\nlf')).toBe('"cr\r\nlf"');
  });

  it('writes lines and documents with a byte-order mark by default', () => {
    expect(csvLine(['a', 1, null])).toBe('a,1,\n');
    expect(csvLine(['a', 'b'], '\r\n')).toBe('a,b\r\n');
    expect(csvDocument(['x', 'y'], [[1, '=2']])).toBe(`${CSV_BOM}x,y\n1,'=2\n`);
    expect(csvDocument(['x'], [['a']], { bom: false, eol: '\r\n' })).toBe('x\r\na\r\n');
  });
});
