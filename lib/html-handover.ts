// Markup handed from a server page to the same request's HTML, outside
// React's data for the browser (see components/ui/html-text.tsx and
// docs/decisions/015). The page's server components and its HTML rendering
// run in the same process, but as separate module graphs, so the shelf is
// on globalThis under a registered symbol, and each piece is put there
// under a random key: only the render that put it there knows the key.

type Piece = { text: string; at: number };

const SHELF = Symbol.for("waypoint.html-handover");
// A piece not taken within a minute belongs to a render that stopped
// before drawing its HTML (the client went away): swept on the next put.
const ABANDONED_MS = 60_000;

function shelf(): Map<string, Piece> {
  const global = globalThis as typeof globalThis & { [SHELF]?: Map<string, Piece> };
  return (global[SHELF] ??= new Map());
}

let lastSweep = 0;

/** Keeps `text` for the request's HTML rendering; returns its key. */
export function handOver(text: string): string {
  const pieces = shelf();
  const now = Date.now();
  if (now - lastSweep > ABANDONED_MS) {
    lastSweep = now;
    for (const [key, piece] of pieces) if (now - piece.at > ABANDONED_MS) pieces.delete(key);
  }
  const key = crypto.randomUUID();
  pieces.set(key, { text, at: now });
  return key;
}

/** The text kept under `key`, once: it is removed as it is taken. Nothing (in the browser, or taken already) is "". */
export function takeOver(key: string): string {
  if (typeof window !== "undefined") return "";
  const pieces = shelf();
  const piece = pieces.get(key);
  pieces.delete(key);
  return piece?.text ?? "";
}
