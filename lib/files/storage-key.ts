const STORAGE_KEY = /^[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$/;

export function isStorageKey(key: string): boolean {
  return STORAGE_KEY.test(key);
}

/** Storage keys are random UUIDs: anything else never reaches a store (no path, no prefix games). */
export function checkStorageKey(key: string) {
  if (!isStorageKey(key)) throw new Error("invalid storage key");
}
