import type { Response } from 'express';

/**
 * An uploaded document, always as a download: the type was judged from the bytes at upload, the
 * browser is told not to second-guess it, and no copy is kept in a cache.
 */
export function sendDocument(res: Response, document: { originalName: string; mimeType: string }, bytes: Buffer) {
  res.attachment(document.originalName);
  // After attachment(), which guesses a type from the name's extension: the name is the uploader's.
  res.type(document.mimeType);
  res.set({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
  res.send(bytes);
}
