/**
 * The media type of an upload decided by its first bytes, never by its name or the header the
 * client sends: a PDF renamed .jpg is still a PDF.
 */
const SIGNATURES: { mediaType: string; magic: number[] }[] = [
  { mediaType: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mediaType: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mediaType: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

export function sniffMediaType(content: Buffer): string | undefined {
  return SIGNATURES.find(({ magic }) => content.length >= magic.length && magic.every((b, i) => content[i] === b))?.mediaType;
}
