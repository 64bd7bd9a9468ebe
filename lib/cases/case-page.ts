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
import { notFound } from "next/navigation";
import type { CaseSection } from "@/lib/grants/sections";

export async function openCasePage(params: Promise<{ code: string }>, options: { purpose?: "view" | "edit"; permission?: Permission; section?: CaseSection } = {}) {
  const { code } = await params;
  const user = options.permission ? await requirePermission(options.permission) : await requireUser();
  const ip = await clientIp();
  // The case file for the header is read while the view's audit row is written.
  const { access, read: file } = await openCaseForPage(user, code, options.purpose ?? "view", ip, async (access) => {
    // A guest sees only the sections their grant opens; a page that is no section (edit, merge) is none of them.
    if (access.sections !== null && !(options.section && access.sections.includes(options.section))) notFound();
    return getCaseFile(access);
  });
  return { user, access, file, ip };
}
