import "server-only";
// The preamble every case page shares: signed in (and, for some pages, a
// permission), the case opened through the one gate (audited as a view, a
// merged code redirected, anything else a 404), and its case file for the
// header.
import { requirePermission, requireUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/policy";
import { clientIp } from "@/lib/request-context";
import { openCaseForPage } from "./access";
import { getCaseFile } from "./queries";

export async function openCasePage(params: Promise<{ code: string }>, options: { purpose?: "view" | "edit"; permission?: Permission } = {}) {
  const { code } = await params;
  const user = options.permission ? await requirePermission(options.permission) : await requireUser();
  const ip = await clientIp();
  const access = await openCaseForPage(user, code, options.purpose ?? "view", ip);
  const file = await getCaseFile(access);
  return { user, access, file, ip };
}
