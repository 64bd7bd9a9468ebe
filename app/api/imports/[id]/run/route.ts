import { clientIp } from "@/lib/request-context";
import { log } from "@/lib/log";
import { runImport } from "@/lib/imports/imports";
import { rememberWrite } from "@/lib/read-replica";
import { batchForRequest, describer, readImportRequest } from "@/lib/imports/api";

export const dynamic = "force-dynamic";

/**
 * Runs the import and streams its progress as lines of JSON, so the page
 * can show how far a large file has come: {"done":n,"total":m} while
 * writing, then one line with the outcome.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const found = await batchForRequest((await params).id);
  if (!found.ok) return found.response;
  const { user, batch } = found;
  const body = await readImportRequest(request);
  if (!body.ok) return body.response;
  const [ip, describe] = [await clientIp(), await describer()];
  // The answer starts before the import ends: this user's lists stay on the primary meanwhile.
  await rememberWrite({ stillRunning: true });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (value: object) => {
        try {
          controller.enqueue(encoder.encode(JSON.stringify(value) + "\n"));
        } catch {
          // The page went away; the import carries on and its outcome is kept on the batch.
        }
      };
      try {
        const result = await runImport(user, batch, body.value.mapping, { mode: body.value.mode, skipDuplicates: body.value.skipDuplicates }, ip, describe, (done, total) => send({ done, total }));
        send(result);
      } catch (error) {
        const alreadyImported = error instanceof Error && error.message === "alreadyImported";
        if (!alreadyImported) log.error({ err: String(error), batch: batch.id }, "import failed");
        send({ outcome: alreadyImported ? "alreadyImported" : "failed" });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store" } });
}
