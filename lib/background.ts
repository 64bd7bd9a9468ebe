import "server-only";
// Work an app server does beside its requests, again and again (the
// retention schedule, the e-mail worker, the next-hearing upkeep): one way
// to start it, report its failures and keep two turns from overlapping.
import { describeServerError } from "@/lib/server-errors";

/**
 * Runs `job` `first` ms after the server starts and every `every` ms from
 * then on, never while its last turn is still running (a slow turn is not
 * piled on). A failed turn is reported as one JSON line naming `what`; the
 * next turn runs as usual. The timers do not keep the process alive.
 * Returns the guarded turn, for a job that another one sets off early.
 */
export function repeat(what: string, job: () => Promise<unknown>, { first, every }: { first: number; every: number }): () => void {
  let running = false;
  const turn = () => {
    if (running) return;
    running = true;
    job()
      .catch((error: unknown) => console.error(JSON.stringify({ msg: `${what} could not run`, error: describeServerError(error) })))
      .finally(() => {
        running = false;
      });
  };
  setTimeout(() => {
    turn();
    setInterval(turn, every).unref();
  }, first).unref();
  return turn;
}
