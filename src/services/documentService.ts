import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { DocumentStorage } from '../data/documentStorage.ts';
import type { ActingContext } from './actor.ts';
import type { ApplicationService } from './applicationService.ts';
import { TransitionRefusedError } from './errors.ts';

/** Judged from the bytes, never from the name or the browser's claim. */
export const ACCEPTED_DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export { DOCUMENT_KINDS, type DocumentKind } from '../domain/documentKinds.ts';

export type UploadResult = { ok: true; documentId: number } | { ok: false; code: string; params?: Record<string, number> };

/** Refusals the applicant can act on from the upload form, rather than failures of the whole page. */
const LIMIT_CODES = new Set(['apply:errors.documentCountLimit', 'apply:errors.documentTotalLimit']);

const MAX_NAME_LENGTH = 150;

export function cleanFileName(name: string): string {
  // Control and bidi characters could disguise a name in staff screens.
  const cleaned = name.normalize('NFC').replace(/[\p{Cc}\p{Cf}/\\]/gu, '').trim();
  return [...cleaned].slice(-MAX_NAME_LENGTH).join('') || 'document';
}

export function documentService(applications: ApplicationService, storage: DocumentStorage, maxUploadBytes: number) {
  return {
    async upload(requestId: number, file: { buffer: Buffer; originalName: string; kind: string }, context: ActingContext): Promise<UploadResult> {
      if (file.buffer.length === 0) return { ok: false, code: 'apply:errors.documentEmpty' };
      if (file.buffer.length > maxUploadBytes) return { ok: false, code: 'apply:errors.documentTooLarge' };
      const detected = await fileTypeFromBuffer(file.buffer);
      if (!detected || !ACCEPTED_DOCUMENT_TYPES[detected.mime]) return { ok: false, code: 'apply:errors.documentType' };
      const storageKey = await storage.save(file.buffer);
      try {
        const document = await applications.addDocument(
          requestId,
          {
            kind: file.kind,
            originalName: cleanFileName(file.originalName),
            mimeType: detected.mime,
            sizeBytes: file.buffer.length,
            sha256: createHash('sha256').update(file.buffer).digest('hex'),
            storageKey,
          },
          context,
        );
        return { ok: true, documentId: document.id };
      } catch (error) {
        // The row was never written: the file must not outlive the request.
        await storage.remove(storageKey);
        if (error instanceof TransitionRefusedError && LIMIT_CODES.has(error.code)) {
          return { ok: false, code: error.code, params: error.details as Record<string, number> };
        }
        throw error;
      }
    },

    async remove(requestId: number, documentId: number, context: ActingContext): Promise<void> {
      const document = await applications.removeDocument(requestId, documentId, context);
      await storage.remove(document.storageKey);
    },

    /** Throws NotFoundError for anyone but the owner or staff (the application service checks ownership). */
    async open(requestId: number, documentId: number, context: ActingContext) {
      const document = await applications.findDocument(requestId, documentId, context);
      return { document, bytes: await storage.read(document.storageKey) };
    },
  };
}
export type DocumentService = ReturnType<typeof documentService>;
