// Builds small, uniquely named data sets in the test database.
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "@/lib/prisma-client";
import { intakeSchema } from "@/lib/cases/schema";
import { createCaseRecords } from "@/lib/cases/create-case";
import type { Actor } from "@/lib/policy";
import { openCase, type CaseAccess } from "@/lib/cases/access";
import { testDatabaseUrl } from "./db-helpers";

export const testDb = createPrismaClient(testDatabaseUrl(), 4);

export function tag() {
  return randomUUID().slice(0, 8);
}

export async function makeTeam(name: string) {
  return testDb.team.create({ data: { name: `${name} ${tag()}` } });
}

export async function makeUser(role: Actor["role"], teamId: string | null, name = `${role} ${tag()}`): Promise<Actor & { name: string }> {
  const user = await testDb.user.create({
    data: { email: `${tag()}@test.waypoint.test`, name, role, teamId, passwordHash: "not-used" },
  });
  return { id: user.id, role: user.role, teamId: user.teamId, name: user.name };
}

export async function makeCase(options: {
  teamId: string;
  caseworkerId: string | null;
  actorId: string;
  principal: { latinName: string; nativeName?: string; unhcrNumber?: string; nationality?: string };
  sensitivity?: "STANDARD" | "HIGH" | "RESTRICTED";
  counselId?: string;
}) {
  const input = intakeSchema.parse({
    teamId: options.teamId,
    caseworkerId: options.caseworkerId ?? "",
    sensitivity: options.sensitivity ?? "STANDARD",
    members: [
      {
        relationship: "PRINCIPAL",
        latinName: options.principal.latinName,
        nativeName: options.principal.nativeName ?? "",
        dateOfBirth: "1980",
        sex: "FEMALE",
        nationality: options.principal.nationality ?? "VN",
        unhcrNumber: options.principal.unhcrNumber ?? "",
      },
    ],
    journey: { originCountry: "VN", transitCountries: ["KH"] },
  });
  return testDb.$transaction((tx) => createCaseRecords(tx, { ...input, counselId: options.counselId ?? null }, options.actorId));
}

/**
 * A case opened for an actor through the one gate (lib/cases/access), as an
 * action would open it: per-case functions take nothing else. Fails the
 * test if the actor may not open it.
 */
export async function openFor(actor: Actor, code: string): Promise<CaseAccess> {
  const access = await openCase(actor, code, "change", null);
  if (!access) throw new Error(`${actor.role} may not open ${code}`);
  return access;
}

/** The page.view rows an actor's reads have written from `ip` (a tag of the test's own), oldest first. */
export function pageViewsFrom(actorId: string, ip: string) {
  return testDb.auditLog.findMany({ where: { actorId, ip, action: "page.view" }, orderBy: { id: "asc" }, select: { entity: true, entityId: true, caseId: true, fields: true, detail: true, hash: true } });
}
