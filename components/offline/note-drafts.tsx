"use client";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useKeptFormatter } from "@/components/intl/kept-formatter";
import { draftsPossible, keepDraft, listDrafts, removeDraft, type NoteDraft } from "@/lib/offline/note-drafts";
import { Button } from "@/components/ui/button";

const RETRY_EVERY_MS = 15_000;

type SendOutcome = "sent" | "offline" | "signedOut" | { refusal: NonNullable<NoteDraft["refusal"]> };

/** Sends one draft through the JSON note API, with the draft's id as the idempotency key. */
async function sendDraft(draft: NoteDraft): Promise<SendOutcome> {
  const response = await fetch(`/api/cases/${encodeURIComponent(draft.caseCode)}/notes`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ kind: draft.kind, body: draft.body, confidential: draft.confidential, idempotencyKey: draft.id }),
  }).catch(() => null);
  if (!response || response.status >= 500) return "offline"; // not reached, or the server is in trouble: try again later
  if (response.ok) return "sent";
  if (response.status === 401) return "signedOut";
  const answer = (await response.json().catch(() => ({}))) as { errors?: Record<string, string>; error?: string };
  if (response.status === 400 && answer.errors) return { refusal: { fieldErrors: answer.errors } };
  if (response.status === 404) return { refusal: { formError: "notFound" } };
  return { refusal: { formError: answer.error === "conflict" ? "conflict" : "invalidRequest" } };
}

type NoteDrafts = {
  /** False where drafts cannot be kept safely (no secure context): a failed save then just says so. */
  available: boolean;
  drafts: NoteDraft[];
  signedOut: boolean;
  keep: (draft: NoteDraft) => Promise<void>;
  discard: (id: string) => Promise<void>;
  sendNow: () => Promise<void>;
};

const DraftsContext = createContext<NoteDrafts | null>(null);

export function useNoteDrafts(): NoteDrafts {
  const drafts = useContext(DraftsContext);
  if (!drafts) throw new Error("useNoteDrafts needs NoteDraftsProvider");
  return drafts;
}

/**
 * Holds the signed-in page's notes waiting to be sent (lib/offline/note-drafts)
 * and sends them when the connection returns: at once on the browser's
 * "online" event, and every 15 seconds while any wait (a phone can say it is
 * online while the server is out of reach). One send at a time, oldest
 * first; a refused note stays, with the server's reason, for its writer.
 */
export function NoteDraftsProvider({ children }: { children: React.ReactNode }) {
  const [drafts, setDrafts] = useState<NoteDraft[]>([]);
  const [signedOut, setSignedOut] = useState(false);
  const [available, setAvailable] = useState(false);
  const sending = useRef(false);
  const router = useRouter();

  useEffect(() => setAvailable(draftsPossible()), []);
  const reread = useCallback(async () => setDrafts(await listDrafts()), []);

  const sendNow = useCallback(async () => {
    if (sending.current) return;
    sending.current = true;
    let sent = 0;
    try {
      for (const draft of await listDrafts()) {
        if (draft.refusal) continue;
        const outcome = await sendDraft(draft);
        if (outcome === "offline") break;
        if (outcome === "signedOut") {
          setSignedOut(true);
          break;
        }
        if (outcome === "sent") {
          await removeDraft(draft.id);
          sent++;
        } else {
          await keepDraft({ ...draft, refusal: outcome.refusal });
        }
      }
    } finally {
      sending.current = false;
      await reread();
    }
    // The case page shows the notes just saved.
    if (sent) router.refresh();
  }, [reread, router]);

  const waiting = drafts.filter((d) => !d.refusal).length;
  useEffect(() => {
    if (!waiting) return;
    const online = () => void sendNow();
    window.addEventListener("online", online);
    const timer = window.setInterval(() => void sendNow(), RETRY_EVERY_MS);
    // Leaving the page loses the key, and the notes with it: the browser asks first.
    const leaving = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", leaving);
    return () => {
      window.removeEventListener("online", online);
      window.clearInterval(timer);
      window.removeEventListener("beforeunload", leaving);
    };
  }, [waiting, sendNow]);

  const value = useMemo<NoteDrafts>(
    () => ({
      available,
      drafts,
      signedOut,
      keep: async (draft) => {
        await keepDraft(draft);
        await reread();
      },
      discard: async (id) => {
        await removeDraft(id);
        await reread();
      },
      sendNow,
    }),
    [available, drafts, signedOut, reread, sendNow],
  );
  return <DraftsContext.Provider value={value}>{children}</DraftsContext.Provider>;
}

/** On every signed-in page while notes wait: how many, on which cases, and a way to send now. */
export function WaitingNotesBanner() {
  const { drafts, signedOut, sendNow } = useNoteDrafts();
  const t = useTranslations("offline");
  const waiting = drafts.filter((d) => !d.refusal);
  if (!waiting.length && !signedOut) return null;
  const codes = [...new Set(waiting.map((d) => d.caseCode))];
  return (
    <div role="status" className="mb-4 rounded-md border-l-4 border-amber-600 bg-amber-50 p-3 text-sm text-amber-950" data-testid="waiting-notes">
      <p className="font-semibold">{t("waitingToSend", { count: waiting.length })}</p>
      {signedOut ? (
        <p>{t("signedOut")}</p>
      ) : (
        <>
          <p>{t("keepPageOpen")}</p>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
            {codes.map((code) => (
              <Link key={code} href={`/cases/${code}`} className="font-mono underline">
                {code}
              </Link>
            ))}
            <Button variant="secondary" onClick={() => void sendNow()}>
              {t("sendNow")}
            </Button>
          </p>
        </>
      )}
    </div>
  );
}

/** Under a case's note form: that case's notes still on this device, and why any was refused. */
export function CaseNoteDrafts({ code, putBack }: { code: string; putBack: (draft: NoteDraft) => void }) {
  const { drafts, discard } = useNoteDrafts();
  const t = useTranslations("offline");
  const tErrors = useTranslations("errors");
  const tKind = useTranslations("enums.noteKind");
  const format = useKeptFormatter();
  const mine = drafts.filter((d) => d.caseCode === code);
  if (!mine.length) return null;
  // The case out of reach (or gone) is the likely refusal; a field's message otherwise.
  const reason = (refusal: NonNullable<NoteDraft["refusal"]>) => {
    if (refusal.formError) return refusal.formError === "notFound" ? t("refusedNotFound") : t("refusedOther");
    return Object.values(refusal.fieldErrors ?? {})
      .map((key) => (key === "required" ? tErrors("required") : tErrors("invalid")))
      .join(" ");
  };
  return (
    <section aria-labelledby="note-drafts-heading" className="mt-4 space-y-2">
      <h3 id="note-drafts-heading" className="text-sm font-semibold">
        {t("onThisDevice")}
      </h3>
      <ul className="space-y-2">
        {mine.map((draft) => (
          <li key={draft.id} className="rounded border border-slate-300 bg-white p-2 text-sm" data-testid="note-draft">
            <p className="text-slate-700">
              {tKind.has(draft.kind) ? tKind(draft.kind) : draft.kind} · {format.dateTime(new Date(draft.writtenAt), "time")} ·{" "}
              <span className={draft.refusal ? "font-semibold text-red-800" : "font-semibold text-amber-900"}>{draft.refusal ? t("notSent") : t("waiting")}</span>
            </p>
            <p className="line-clamp-2 whitespace-pre-wrap">{draft.body}</p>
            {draft.refusal ? (
              <>
                <p className="text-red-800">{reason(draft.refusal)}</p>
                <p className="mt-1 flex gap-3">
                  <Button variant="secondary" onClick={() => putBack(draft)}>
                    {t("putBack")}
                  </Button>
                  <Button variant="secondary" onClick={() => void discard(draft.id)}>
                    {t("discard")}
                  </Button>
                </p>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
