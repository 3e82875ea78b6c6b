import { PDFDocument } from 'pdf-lib';
import { decodeJpegOffThread } from './jpeg-decode-thread';

export interface Unreadable {
  code: 'DOCUMENT_UNREADABLE_PDF' | 'DOCUMENT_UNREADABLE_JPEG';
  /** ENCRYPTED, NO_PAGES, MALFORMED (PDF); TOO_MANY_PIXELS, MALFORMED (JPEG). */
  reason: string;
  message: string;
}

/**
 * Limits for decoding a JPEG: a scan or a photo of a KTP fits in 16 megapixels (a 12 MP phone
 * camera's picture does), and decoding one needs well under 256 MB. A small file that claims far
 * more pixels is refused before its pixels are allocated.
 */
const JPEG_LIMITS = { maxResolutionInMP: 16, maxMemoryUsageInMB: 256 };

/**
 * Whether the verifier will be able to read the file: the magic number only says what a file claims
 * to be. A PDF must parse and have a page; a JPEG must decode strictly (jpeg-js otherwise fills a
 * truncated scan with grey). Undefined when the content reads.
 */
export async function unreadableContent(mediaType: string, content: Buffer): Promise<Unreadable | undefined> {
  if (mediaType === 'application/pdf') return unreadablePdf(content);
  if (mediaType === 'image/jpeg') return unreadableJpeg(content);
  return undefined;
}

async function unreadablePdf(content: Buffer): Promise<Unreadable | undefined> {
  let encrypted: boolean;
  let pages: number;
  try {
    // updateMetadata false: only reading, nothing is written back. ignoreEncryption lets the parse
    // finish, so an encrypted file gets its own reason (pdf-lib's EncryptedPDFError is not an
    // instanceof-able class in its ES5 build). A file without a catalog fails on the page count.
    const pdf = await PDFDocument.load(content, { updateMetadata: false, ignoreEncryption: true });
    encrypted = pdf.isEncrypted;
    pages = pdf.getPageCount();
  } catch {
    return { code: 'DOCUMENT_UNREADABLE_PDF', reason: 'MALFORMED', message: 'the PDF cannot be read (damaged or incomplete)' };
  }
  // An encrypted PDF may need a password the verifier does not have, and without decrypting it the
  // service cannot tell an owner-only restriction from a password to open it: refuse both, and say
  // so, so the applicant can save an unprotected copy ("print to PDF").
  if (encrypted) {
    return { code: 'DOCUMENT_UNREADABLE_PDF', reason: 'ENCRYPTED', message: 'the PDF is encrypted or password-protected; upload an unprotected copy' };
  }
  if (pages === 0) return { code: 'DOCUMENT_UNREADABLE_PDF', reason: 'NO_PAGES', message: 'the PDF has no pages' };
  return undefined;
}

async function unreadableJpeg(content: Buffer): Promise<Unreadable | undefined> {
  const complaint = await decodeJpegOffThread(content, JPEG_LIMITS);
  if (complaint === null) return undefined;
  if (/maxResolutionInMP|maxMemoryUsageInMB/.test(complaint)) {
    return { code: 'DOCUMENT_UNREADABLE_JPEG', reason: 'TOO_MANY_PIXELS', message: `the image has more than ${JPEG_LIMITS.maxResolutionInMP} megapixels` };
  }
  return { code: 'DOCUMENT_UNREADABLE_JPEG', reason: 'MALFORMED', message: 'the JPEG cannot be decoded (damaged or incomplete)' };
}
