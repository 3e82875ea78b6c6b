import { decode } from 'jpeg-js';
import { PDFDocument } from 'pdf-lib';
import { sampleJpeg, samplePdf } from '../src/identities';

describe('sample upload files', () => {
  it.each([615, 1000, 2048, 20_000, 65_540, 65_541, 65_542, 65_543, 131_080, 200 * 1024 + 1])('makes a %d-byte JPEG that decodes', (size) => {
    const file = sampleJpeg(size);
    expect(file.length).toBe(size);
    expect(decode(file, { tolerantDecoding: false, maxResolutionInMP: 1 })).toMatchObject({ width: 8, height: 8 });
  });

  it.each([1000, 10_000, 40_000, 100_000, 150_000, 999_999])('makes a %d-byte PDF that parses, with one page', async (size) => {
    const file = samplePdf(size);
    expect(file.length).toBe(size);
    const pdf = await PDFDocument.load(file, { updateMetadata: false, throwOnInvalidObject: true });
    expect(pdf.getPageCount()).toBe(1);
  });

  it('refuses sizes too small to hold a real file', () => {
    expect(() => samplePdf(100)).toThrow(RangeError);
    expect(() => sampleJpeg(100)).toThrow(RangeError);
  });
});
