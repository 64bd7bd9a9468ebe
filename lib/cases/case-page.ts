import "server-only";
// The preamble every case page shares: signed in (and, for some pages, a
// permission), the case opened through the one gate (audited as a view, a
// merged code redirected, anything else a 404), and its case file for the
// header (lib/cases/case-file).
import { requirePermission, requireUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/policy";
import { clientIp } from "@/lib/request-context";
import { openCaseForPage } from "./access";
import type { CaseSection } from "@/lib/grants/sections";

export async function openCasePage(params: Promise<{ code: string }>, options: { purpose?: "view" | "edit"; permission?: Permission; section?: CaseSection } = {}) {
  const { code } = await params;
  const user = options.permission ? await requirePermission(options.permission) : await requireUser();
  const ip = await clientIp();
  const { access, file } = await openCaseForPage(user, code, options.purpose ?? "view", ip, options.section ?? null);
  return { user, access, file, ip };
}
