import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { DataAccess } from '../data/index.ts';
import type { DocumentStorage } from '../data/documentStorage.ts';
import {
  REFERENCE_DOCUMENT_KINDS,
  type ReferenceDocumentKind,
} from '../domain/referenceDocuments.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import { cleanFileName } from './documentService.ts';

export type ReplaceResult = { ok: true } | { ok: false; code: string };

/** Reference documents are read on screen and printed: PDF only, judged from the bytes. */
const PDF = 'application/pdf';

export function referenceDocumentService(
  data: DataAccess,
  storage: DocumentStorage,
  maxUploadBytes: number,
  clock: Clock,
) {
  return {
    /** Every kind the policy names, with its current file when one has been uploaded. */
    async list() {
      const stored = await data.repositories.referenceDocuments.list();
      return REFERENCE_DOCUMENT_KINDS.map((kind) => ({
        kind,
        document: stored.find((document) => document.kind === kind) ?? null,
      }));
    },

    async replace(
      kind: ReferenceDocumentKind,
      file: { buffer: Buffer; originalName: string },
      context: ActingContext & { kind: 'staff' },
    ): Promise<ReplaceResult> {
      if (file.buffer.length === 0) return { ok: false, code: 'tools:errors.empty' };
      if (file.buffer.length > maxUploadBytes) return { ok: false, code: 'tools:errors.tooLarge' };
      if ((await fileTypeFromBuffer(file.buffer))?.mime !== PDF)
        return { ok: false, code: 'tools:errors.notPdf' };
      const storageKey = await storage.save(file.buffer);
      let replaced: string | null;
      try {
        replaced = await data.transaction(async (repositories) => {
          const previous = await repositories.referenceDocuments.replace(kind, {
            originalName: cleanFileName(file.originalName),
            mimeType: PDF,
            sizeBytes: file.buffer.length,
            sha256: createHash('sha256').update(file.buffer).digest('hex'),
            storageKey,
            uploadedById: context.id,
            uploadedAt: clock.now(),
          });
          await repositories.audit.append({
            ...auditActor(context),
            action: 'reference_document.replaced',
            entityType: 'reference_document',
            entityId: kind,
          });
          return previous;
        });
      } catch (error) {
        await storage.remove(storageKey);
        throw error;
      }
      if (replaced) await storage.remove(replaced);
      return { ok: true };
    },

    async open(kind: ReferenceDocumentKind) {
      const document = await data.repositories.referenceDocuments.find(kind);
      return document ? { document, bytes: await storage.read(document.storageKey) } : null;
    },
  };
}
export type ReferenceDocumentService = ReturnType<typeof referenceDocumentService>;
