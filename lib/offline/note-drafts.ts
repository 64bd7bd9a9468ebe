// Notes kept on the device until they can be sent (browser code only).
//
// A note written with no connection, or whose save did not reach the server,
// is kept in IndexedDB, encrypted (AES-GCM) with a key that exists only in
// this page's memory: made on first use, never exportable, never stored. A
// reload, closing the app, signing out or the idle timeout loses the key,
// and with it any way to read what was kept; the unreadable rows are then
// deleted (and signing out deletes them at once). The only clear text
// stored beside each sealed note is a random id and which page holds its
// key: no case code, no name, no time.
//
// Each page holds a Web Lock named after its key for as long as it lives,
// so a second page of the same browser can tell drafts whose page is gone
// (deleted) from drafts another open page is still waiting to send (left
// alone).
import { openDB, type DBSchema, type IDBPDatabase } from "idb";

export type NoteDraft = {
  /** Also the note's idempotency key: sent twice, the note is saved once. */
  id: string;
  caseCode: string;
  kind: string;
  body: string;
  confidential: boolean;
  /** When it was written (ISO), to show the writer. */
  writtenAt: string;
  /** Set when the server refused it: it waits for the writer, not for the connection. */
  refusal?: { formError?: string; fieldErrors?: Record<string, string> };
};

type SealedDraft = { id: string; holder: string; iv: Uint8Array<ArrayBuffer>; sealed: ArrayBuffer };

interface DraftDatabase extends DBSchema {
  notes: { key: string; value: SealedDraft };
}

const DATABASE = "waypoint-drafts";
const lockName = (holder: string) => `waypoint-drafts-${holder}`;
const text = new TextEncoder();

let database: Promise<IDBPDatabase<DraftDatabase>> | null = null;
let pageKey: Promise<{ key: CryptoKey; holder: string }> | null = null;

/** Whether this browser can keep drafts safely: a secure context with WebCrypto, IndexedDB and Web Locks. */
export function draftsPossible(): boolean {
  return typeof window !== "undefined" && window.isSecureContext && "indexedDB" in window && Boolean(crypto?.subtle) && "locks" in navigator;
}

function open() {
  database ??= openDB<DraftDatabase>(DATABASE, 1, {
    upgrade(db) {
      db.createObjectStore("notes", { keyPath: "id" });
    },
  });
  return database;
}

function currentKey() {
  pageKey ??= (async () => {
    const key = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
    const holder = crypto.randomUUID();
    // Granted at once (the name is new) and held until the page goes.
    await new Promise<void>((granted) => {
      void navigator.locks.request(lockName(holder), () => {
        granted();
        return new Promise<never>(() => undefined);
      });
    });
    await forgetDraftsOfClosedPages();
    return { key, holder };
  })();
  return pageKey;
}

async function forgetDraftsOfClosedPages() {
  const held = new Set(((await navigator.locks.query()).held ?? []).map((lock) => lock.name));
  const db = await open();
  for (const row of await db.getAll("notes")) {
    if (!held.has(lockName(row.holder))) await db.delete("notes", row.id);
  }
}

/** Keeps (or replaces) a draft, sealed with this page's key. */
export async function keepDraft(draft: NoteDraft): Promise<void> {
  const { key, holder } = await currentKey();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: text.encode(draft.id) }, key, text.encode(JSON.stringify(draft)));
  await (await open()).put("notes", { id: draft.id, holder, iv, sealed });
}

/** This page's drafts, oldest first. Rows it cannot read are deleted. */
export async function listDrafts(): Promise<NoteDraft[]> {
  if (!pageKey) return []; // nothing was kept by this page
  const { key, holder } = await currentKey();
  const db = await open();
  const drafts: NoteDraft[] = [];
  for (const row of await db.getAll("notes")) {
    if (row.holder !== holder) continue;
    try {
      const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: row.iv, additionalData: text.encode(row.id) }, key, row.sealed);
      drafts.push(JSON.parse(new TextDecoder().decode(plain)) as NoteDraft);
    } catch {
      await db.delete("notes", row.id);
    }
  }
  return drafts.sort((a, b) => a.writtenAt.localeCompare(b.writtenAt));
}

export async function removeDraft(id: string): Promise<void> {
  await (await open()).delete("notes", id);
}

/**
 * At sign-out and the idle timeout: every draft of this browser is deleted
 * and this page's key dropped. Safe to call where nothing was ever kept.
 */
export async function forgetAllDrafts(): Promise<void> {
  pageKey = null;
  if (!draftsPossible()) return;
  await (await open()).clear("notes");
}
