import { sampleJpeg, samplePdf } from '@seleksi/testing';
import { unreadableContent } from '../src/documents/readable-content';

/** The 8×8 sample with its frame header (SOF0) claiming another size. */
function jpegClaiming(width: number, height: number): Buffer {
  const file = Buffer.from(sampleJpeg(2_000));
  const sof = file.indexOf(Buffer.from([0xff, 0xc0]));
  file.writeUInt16BE(height, sof + 5);
  file.writeUInt16BE(width, sof + 7);
  return file;
}

describe(unreadableContent.name, () => {
  it.each([
    ['a sample PDF', 'application/pdf', samplePdf(5_000), undefined],
    ['a sample JPEG', 'image/jpeg', sampleJpeg(5_000), undefined],
    ['a PDF cut inside its page tree', 'application/pdf', samplePdf(5_000).subarray(0, 120), 'MALFORMED'],
    ['a JPEG cut short', 'image/jpeg', sampleJpeg(5_000).subarray(0, 4_900), 'MALFORMED'],
    ['a JPEG claiming 20 megapixels', 'image/jpeg', jpegClaiming(5_000, 4_000), 'TOO_MANY_PIXELS'],
    ['a PNG (not checked here: the slot decides the type)', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), undefined],
  ])('reads %s', async (_, mediaType, content, reason) => {
    expect((await unreadableContent(mediaType, content))?.reason).toBe(reason);
  });
});
