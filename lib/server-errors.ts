// What the server log says about an error it did not expect. A database
// client error carries the query it refused, values included (a name, a
// phone number): only its kind and code are logged. Other errors keep the
// first line of their message, cut short.
export type ErrorSummary = { kind: string; code?: string; message?: string };

const MAX_MESSAGE = 200;

export function describeServerError(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { kind: typeof error };
  const code = (error as { code?: unknown }).code;
  if (error.name.startsWith("PrismaClient") || error.constructor?.name?.startsWith("PrismaClient")) {
    return { kind: error.name, ...(typeof code === "string" ? { code } : {}) };
  }
  return { kind: error.name, ...(typeof code === "string" ? { code } : {}), message: error.message.split("\n")[0].slice(0, MAX_MESSAGE) };
}
