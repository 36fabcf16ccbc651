import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Uploaded files live under the configured directory (never under public/), named by a random
 * key so the applicant's file name never reaches the file system.
 */
export function documentStorage(uploadDir: string) {
  const root = path.resolve(uploadDir);
  const fileFor = (key: string) => {
    if (!/^[a-f0-9]{32}$/.test(key)) throw new Error('invalid storage key');
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async save(bytes: Buffer): Promise<string> {
      const key = randomBytes(16).toString('hex');
      const file = fileFor(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, bytes, { flag: 'wx', mode: 0o600 });
      return key;
    },
    read: (key: string): Promise<Buffer> => fs.readFile(fileFor(key)),
    remove: async (key: string): Promise<void> => {
      await fs.rm(fileFor(key), { force: true });
    },
  };
}
export type DocumentStorage = ReturnType<typeof documentStorage>;
