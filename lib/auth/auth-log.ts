// How next-auth's own errors reach the structured log. A refused sign-in is
// routine (and audited): it is told by the error's `type`, which survives
// minification, where the class name becomes "e".
import { log } from "@/lib/log";

export function authErrorEntry(error: Error): { level: "info" | "error"; kind: string } {
  const type = (error as { type?: unknown }).type;
  const kind = typeof type === "string" ? type : "unknown";
  return { level: kind === "CredentialsSignin" ? "info" : "error", kind };
}

export const authLogger = {
  error: (error: Error) => {
    const entry = authErrorEntry(error);
    if (entry.level === "info") log.info({ kind: entry.kind }, "sign-in refused");
    else log.error({ kind: entry.kind, message: error.message.split("\n")[0].slice(0, 200) }, "auth error");
  },
  warn: (code: string) => log.warn({ code }, "auth warning"),
  debug: () => undefined,
};
