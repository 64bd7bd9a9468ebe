import "server-only";
// The case is the unit of access. `openCase` is the only way to obtain a
// `CaseAccess`, and every function that reads or writes inside one case
// takes a `CaseAccess` rather than a bare case id: forgetting the gate is a
// type error, not a comment to remember (tests/type-fixtures proves it).
import { notFound, redirect } from "next/navigation";
import type { Sensitivity } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { readWhileAuditing, recordAudit } from "@/lib/audit";
import { caseScope, isNamedOn, sectionLimit, type Actor } from "@/lib/policy";
import { standingGrantSections } from "@/lib/grants/grants";
import { isCaseCode } from "./codes";
import { isUuid } from "@/lib/validation/ids";
import { survivorOf } from "./merge";
import { caseFileOf, getCaseFile, readCaseFileRecordingView, type CaseFile, type CaseFileRow } from "./case-file";
import type { CaseSection } from "@/lib/grants/sections";

// Not exported: only this module can write the brand, so a CaseAccess
// cannot be made by hand (short of an explicit cast).
declare const granted: unique symbol;

export type CaseAccess = Readonly<{
  actor: Actor;
  caseId: string;
  code: string;
  teamId: string;
  sensitivity: Sensitivity;
  /** The actor is the case's caseworker or a member of it (counsel, second caseworker). */
  named: boolean;
  /** For a guest, the sections their standing grants open (lib/grants); null for staff, who see every section. */
  sections: readonly string[] | null;
  [granted]: true;
}>;

/**
 * Why the case is opened: "view", "edit" and "merge" (shown beside
 * another case to merge them) are audited as a view of the case file, with
 * that purpose; "change" is not, because the change it makes writes its own
 * audit row in the same transaction.
 */
export type CasePurpose = "view" | "edit" | "merge" | "change";

/**
 * The case with this code, if the actor may open it; otherwise null, the
 * same for a code that does not exist and one the actor may not see. An
 * attempt on an existing case outside the actor's scope is audited
 * (`case.refused`), so supervisors see who tried.
 */
export async function openCase(actor: Actor, code: unknown, purpose: CasePurpose, ip: string | null): Promise<CaseAccess | null> {
  const admitted = await admit(actor, code, purpose, ip);
  if (!admitted) return null;
  await admitted.audited;
  return admitted.access;
}

/**
 * The gate itself: the access, and the view's audit row being written; or
 * null, with a refused attempt on an existing case already audited. Not
 * exported: callers get the access only once that row is written
 * (openCase, openCaseForPage). With `withFile`, a member of staff's case
 * file is read, and their view recorded, by the gate's own statement (the
 * same case, the same scope, and no round trip but that one on every case
 * page); a guest's is not, as their grants decide which parts they read.
 */
async function admit(actor: Actor, code: unknown, purpose: CasePurpose, ip: string | null, withFile = false): Promise<{ access: CaseAccess; audited: Promise<void>; file: CaseFileRow | null } | null> {
  if (typeof code !== "string" || !isCaseCode(code)) return null;
  // Staff have no section limit (the policy's sectionLimit): their whole
  // file, and the view's audit row, come with the gate's one statement.
  if (withFile && purpose !== "change" && sectionLimit(actor, []) === null) {
    const file = await readCaseFileRecordingView(actor, code, { ip, detail: { purpose } });
    if (!file) return refuse(actor, code, purpose, ip);
    const found = { ...file, memberIds: file.members.map((m) => m.user.id) };
    return { access: accessTo(actor, found, []), audited: Promise.resolve(), file };
  }
  const found = await findInScope(actor, code);
  if (!found) return refuse(actor, code, purpose, ip);
  // A guest's grants are read again at each opening: the window is the policy's, checked now.
  const grants = actor.role === "GUEST" ? await standingGrantSections(actor, found.id) : [];
  const detail = grants.length ? { purpose, grants: grants.map((g) => g.id) } : { purpose };
  const audited = purpose === "change" ? Promise.resolve() : recordAudit(db, { actorId: actor.id, action: "case.view", entity: "Case", entityId: found.id, caseId: found.id, ip, detail });
  return { access: accessTo(actor, found, grants), audited, file: null };
}

/** No case for this actor: an attempt on a case that exists is audited (who tried), one that does not is not. */
async function refuse(actor: Actor, code: string, purpose: CasePurpose, ip: string | null): Promise<null> {
  const existing = await db.case.findUnique({ where: { code }, select: { id: true } });
  if (existing) await recordAudit(db, { actorId: actor.id, action: "case.refused", entity: "Case", entityId: existing.id, caseId: existing.id, ip, detail: { purpose } });
  return null;
}

type Admitted = { id: string; code: string; teamId: string; sensitivity: Sensitivity; caseworkerId: string | null; memberIds: string[] };

function accessTo(actor: Actor, found: Admitted, grants: { sections: string[] }[]): CaseAccess {
  return {
    actor,
    caseId: found.id,
    code: found.code,
    teamId: found.teamId,
    sensitivity: found.sensitivity,
    named: isNamedOn(actor, { caseworkerId: found.caseworkerId, memberIds: found.memberIds }),
    sections: sectionLimit(actor, grants),
  } as CaseAccess;
}

const GATE_SELECT = { id: true, code: true, teamId: true, sensitivity: true, caseworkerId: true } as const;

/** The case with this code in the actor's scope, with what the gate needs of it. */
async function findInScope(actor: Actor, code: string): Promise<Admitted | null> {
  const row = await db.case.findFirst({ where: { AND: [{ code }, caseScope(actor)] }, select: { ...GATE_SELECT, members: { where: { userId: actor.id }, select: { userId: true } } } });
  return row && { ...row, memberIds: row.members.map((m) => m.userId) };
}

/**
 * For pages: the case and its file (lib/cases/case-file), or (for the code
 * of a case merged into another that the actor may open) a redirect to the
 * surviving case, or a 404. A guest whose grants do not open `section` gets
 * the 404 too (a page that is no section, such as edit or merge: null). The
 * view's audit row is written before this returns; a guest's file is read
 * while it is, and a failed audit write fails the page, read or not.
 */
export async function openCaseForPage(actor: Actor, code: string, purpose: Exclude<CasePurpose, "change">, ip: string | null, section: CaseSection | null): Promise<{ access: CaseAccess; file: CaseFile }> {
  const decoded = safeDecode(code);
  const admitted = await admit(actor, decoded, purpose, ip, true);
  if (admitted) {
    const { access, audited, file } = admitted;
    // A guest sees only the sections their grant opens (staff: null, every section).
    if (access.sections !== null && !(section && access.sections.includes(section))) {
      await audited;
      notFound();
    }
    if (file) {
      await audited;
      return { access, file: caseFileOf(file, access.sections) };
    }
    return { access, file: await readWhileAuditing(() => getCaseFile(access), audited) };
  }
  if (decoded && isCaseCode(decoded)) {
    const survivor = await survivorOf(decoded);
    if (survivor && (await mayOpen(actor, survivor.code))) redirect(`/cases/${survivor.code}`);
  }
  notFound();
}

/**
 * The code of the case that holds a task or a person, for pages and actions
 * that know only the record (My work, a person's export) to open it through
 * `openCase`. The code goes only to `openCase`, which applies the actor's
 * scope, so it reveals nothing about a record out of reach.
 */
export async function caseCodeOf(record: "task" | "person", id: unknown): Promise<string | null> {
  if (!isUuid(id)) return null;
  const where = { where: { id }, select: { case: { select: { code: true } } } };
  const found = record === "task" ? await db.task.findUnique(where) : await db.person.findUnique(where);
  return found?.case.code ?? null;
}

/** Whether the actor may open the case, without opening it (nothing audited): links and redirects. */
export async function mayOpen(actor: Actor, code: string): Promise<boolean> {
  if (!isCaseCode(code)) return false;
  return (await db.case.count({ where: { AND: [{ code }, caseScope(actor)] } })) === 1;
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
