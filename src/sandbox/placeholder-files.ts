// Generated attachments carry metadata only; downloading one returns a small valid file of the
// declared type, so clients exercise the same download path as for uploaded files.
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG_1X1 = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const PDF_MINIMAL = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);

export const PLACEHOLDER_FILES: Readonly<Record<string, Buffer>> = {
  'image/png': PNG_1X1,
  'image/jpeg': JPEG_1X1,
  'application/pdf': PDF_MINIMAL,
};

export function placeholderFor(mime: string): Buffer {
  return PLACEHOLDER_FILES[mime] ?? PDF_MINIMAL;
}
