import type { Request } from 'express';

export type UploadedFile = { buffer: Buffer; originalName: string };
export type ReceivedUpload =
  | { ok: true; file: UploadedFile | null }
  | { ok: false; problem: 'tooLarge' | 'unreadable' };

/**
 * The file a form sent in `field`, read by middleware/parseMultipart.ts before the CSRF check.
 * Files under any other name are ignored.
 */
export function uploadedFile(req: Request, field: string): ReceivedUpload {
  if (req.uploadError) return { ok: false, problem: req.uploadError.code === 'LIMIT_FILE_SIZE' ? 'tooLarge' : 'unreadable' };
  const files = Array.isArray(req.files) ? req.files : [];
  const file = files.find((candidate) => candidate.fieldname === field);
  return { ok: true, file: file ? { buffer: file.buffer, originalName: file.originalname } : null };
}
