"use client";
import { useEffect } from "react";
import { forgetAllDrafts } from "@/lib/offline/note-drafts";

/**
 * On the sign-in page, where signing out and every ended session lead:
 * deletes any note a signed-in page kept on this device. Its key went with
 * that page, so what is deleted could not be read anyway.
 */
export function ForgetDrafts() {
  useEffect(() => {
    void forgetAllDrafts().catch(() => undefined);
  }, []);
  return null;
}
