/**
 * Uploads on local disk (the default): files under the uploads directory,
 * written to a temporary name, flushed, then renamed, so a crash never leaves
 * half a file under a stored key.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { type FileStore, MissingFileError, isStorageKey, newStorageKey } from './file-store.js';

export function diskFileStore(root: string): FileStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    if (!isStorageKey(key)) throw new Error('invalid storage key');
    const path = join(base, key);
    if (!path.startsWith(base + sep)) throw new Error('invalid storage key');
    return path;
  };
  return {
    async put(bytes) {
      const key = newStorageKey();
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
      try {
        const file = await open(temp, 'wx', 0o600);
        try {
          await file.writeFile(bytes);
          await file.sync();
        } finally {
          await file.close();
        }
        await rename(temp, path);
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      return key;
    },
    async read(key) {
      const stream = createReadStream(pathOf(key));
      // Surface a missing file as a rejection here, not as an error event mid-response.
      await new Promise<void>((ok, fail) => {
        stream.once('open', () => ok());
        stream.once('error', (err: NodeJS.ErrnoException) => fail(err.code === 'ENOENT' ? new MissingFileError(key) : err));
      });
      return stream;
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
