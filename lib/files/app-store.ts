import "server-only";
import { db } from "@/lib/db";
import { createFileStore, type FileStore } from "./store";

let store: FileStore | undefined;

/** The app's document store (FILE_STORE), on the app's database client. */
export function fileStore(): FileStore {
  store ??= createFileStore(db);
  return store;
}
