import { requireUser } from "@/lib/auth/current-user";
import { AppHeader } from "@/components/layout/app-header";
import { IdleWatch } from "@/components/layout/idle-watch";
import { IDLE_MINUTES } from "@/lib/auth/sessions";
import { NoteDraftsProvider, WaitingNotesBanner } from "@/components/offline/note-drafts";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  // Pages check access themselves; the layout only needs who is signed in (also while they set up a required authenticator app).
  const user = await requireUser({ settingUpTotp: true });
  return (
    <NoteDraftsProvider>
      <AppHeader user={user} />
      <IdleWatch idleMinutes={IDLE_MINUTES} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <WaitingNotesBanner />
        {children}
      </main>
    </NoteDraftsProvider>
  );
}
