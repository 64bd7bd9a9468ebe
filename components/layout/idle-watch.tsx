"use client";
import { useEffect } from "react";
import { forgetAllDrafts } from "@/lib/offline/note-drafts";

const KEEP_ALIVE_EVERY_MS = 5 * 60_000;
const CHECK_EVERY_MS = 15_000;

/**
 * Ends the session when this page has seen no keyboard, pointer or scroll
 * activity for the idle timeout, and clears the screen to the sign-in page
 * (a shared office computer must not leave a case on display), deleting any
 * note still waiting to be sent on this device. While someone is active
 * without making requests, it tells the server so.
 */
export function IdleWatch({ idleMinutes }: { idleMinutes: number }) {
  useEffect(() => {
    let lastActivity = Date.now();
    let lastPing = Date.now();
    const activity = () => {
      lastActivity = Date.now();
    };
    const events = ["keydown", "pointerdown", "scroll", "touchstart"] as const;
    for (const event of events) window.addEventListener(event, activity, { passive: true });
    const post = (body: object) => fetch("/api/session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const timer = window.setInterval(async () => {
      const now = Date.now();
      if (now - lastActivity >= idleMinutes * 60_000) {
        window.clearInterval(timer);
        await post({ end: "idle" }).catch(() => undefined);
        await forgetAllDrafts().catch(() => undefined);
        window.location.assign("/login?ended=idle");
      } else if (lastActivity > lastPing && now - lastPing >= KEEP_ALIVE_EVERY_MS) {
        lastPing = now;
        const response = await post({ keepAlive: true }).catch(() => null);
        if (response?.status === 401) window.location.assign("/login?ended=idle");
      }
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const event of events) window.removeEventListener(event, activity);
    };
  }, [idleMinutes]);
  return null;
}
