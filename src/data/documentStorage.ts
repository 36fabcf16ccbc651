import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const STORAGE_KEY = /^[a-f0-9]{32}$/;

export interface StoredFile {
  key: string;
  modifiedAt: Date;
}

/**
 * Uploaded files live under the configured directory (never under public/), named by a random
 * key so the applicant's file name never reaches the file system.
 */
export function documentStorage(uploadDir: string) {
  const root = path.resolve(uploadDir);
  const fileFor = (key: string) => {
    if (!STORAGE_KEY.test(key)) throw new Error('invalid storage key');
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async save(bytes: Buffer): Promise<string> {
      const key = randomBytes(16).toString('hex');
      const file = fileFor(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      try {
        await fs.writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
      } catch (error) {
        // A half-written file (a full disk) would be an orphan nobody knows the key of.
        await fs.rm(file, { force: true });
        throw error;
      }
      return key;
    },
    read: (key: string): Promise<Buffer> => fs.readFile(fileFor(key)),
    remove: async (key: string): Promise<void> => {
      await fs.rm(fileFor(key), { force: true });
    },
    /** Every file this storage could have written; anything else in the directory is left alone. */
    async list(): Promise<StoredFile[]> {
      const found: StoredFile[] = [];
      const shards = await fs.readdir(root, { withFileTypes: true }).catch(() => []);
      for (const shard of shards) {
        if (!shard.isDirectory() || !/^[a-f0-9]{2}$/.test(shard.name)) continue;
        for (const name of await fs.readdir(path.join(root, shard.name))) {
          if (!STORAGE_KEY.test(name) || !name.startsWith(shard.name)) continue;
          const stats = await fs.stat(path.join(root, shard.name, name)).catch(() => null);
          if (stats?.isFile()) found.push({ key: name, modifiedAt: stats.mtime });
        }
      }
      return found;
    },
  };
}
export type DocumentStorage = ReturnType<typeof documentStorage>;
