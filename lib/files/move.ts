// Moves sealed files from one store to another: an installation that kept
// documents in a folder (FILE_STORE=local, the earlier default) moving them
// into PostgreSQL or a bucket. Each file is copied, read back and compared
// before it is removed from the old store, so a move stopped halfway (or run
// twice) loses nothing: what was not yet removed is moved again.
import type { SealedStore } from "./store";

export async function moveFiles(from: SealedStore, to: SealedStore, progress: (done: number, total: number) => void = () => {}): Promise<number> {
  const keys = await from.keys();
  let done = 0;
  for (const key of keys) {
    const sealed = await from.getSealed(key);
    await to.putSealed(key, sealed);
    if (!(await to.getSealed(key)).equals(sealed)) throw new Error(`the copy of stored file ${key} differs: nothing removed`);
    await from.remove(key);
    progress(++done, keys.length);
  }
  return done;
}
