import type { Db } from './prismaClient.ts';

export interface ReferenceDocumentInput {
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedById: number;
  uploadedAt: Date;
}

export function referenceDocumentRepository(db: Db) {
  return {
    list: () => db.referenceDocument.findMany({ orderBy: { kind: 'asc' } }),
    find: (kind: string) => db.referenceDocument.findUnique({ where: { kind } }),
    /** Replaces the current file of `kind`; returns the storage key of the one it replaced. */
    async replace(kind: string, input: ReferenceDocumentInput): Promise<string | null> {
      const previous = await db.referenceDocument.findUnique({ where: { kind }, select: { storageKey: true } });
      await db.referenceDocument.upsert({ where: { kind }, create: { kind, ...input }, update: input });
      return previous?.storageKey ?? null;
    },
    /** Which of `keys` a reference document still points to. */
    async storageKeysInUse(keys: string[]): Promise<string[]> {
      const rows = await db.referenceDocument.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } });
      return rows.map((row) => row.storageKey);
    },
  };
}
