// Data a test makes for itself, through the same code intake uses
// (lib/cases/create-case), so no test depends on the shape of the demo data
// or on another test leaving a demo case alone.
import { createPrismaClient, type Db } from "@/lib/prisma-client";
import { intakeSchema } from "@/lib/cases/schema";
import { createCaseRecords } from "@/lib/cases/create-case";
import { ACCOUNTS, uniqueTag, type AccountKey } from "./helpers";

let client: Db | null = null;
function db(): Db {
  client ??= createPrismaClient(process.env.DATABASE_URL!, 2);
  return client;
}

async function userId(who: AccountKey): Promise<string> {
  return (await db().user.findUniqueOrThrow({ where: { email: ACCOUNTS[who].email }, select: { id: true } })).id;
}

export type NewCaseOptions = {
  team?: "Bangkok" | "Chiang Rai";
  /** The principal's nationality (ISO code): "KP" for a North Korean defector, "VN", … */
  nationality?: string;
  caseworker?: AccountKey;
  counsel?: AccountKey;
  sensitivity?: "STANDARD" | "HIGH" | "RESTRICTED";
  /** The principal's name; a unique made-up one by default. */
  name?: string;
  /** The principal's year of birth; 1985 by default. */
  birthYear?: number;
  /** The day the household entered Thailand ("YYYY-MM-DD"). */
  entryDate?: string;
  /** More household members, by name. */
  members?: string[];
};

/** A new household of its own for one test, opened as intake opens it. */
export async function newCase(options: NewCaseOptions = {}): Promise<{ id: string; code: string; name: string; personIds: string[] }> {
  const team = await db().team.findFirstOrThrow({ where: { name: options.team ?? "Bangkok" }, select: { id: true } });
  const caseworker = await userId(options.caseworker ?? (options.team === "Chiang Rai" ? "caseworkerNorth" : "caseworker"));
  const name = options.name ?? `Test Household ${uniqueTag()}`;
  const nationality = options.nationality ?? "VN";
  const input = intakeSchema.parse({
    teamId: team.id,
    caseworkerId: caseworker,
    sensitivity: options.sensitivity ?? "STANDARD",
    members: [
      { relationship: "PRINCIPAL", latinName: name, dateOfBirth: String(options.birthYear ?? 1985), sex: "FEMALE", nationality },
      ...(options.members ?? []).map((member) => ({ relationship: "CHILD", latinName: member, dateOfBirth: "2015", sex: "MALE", nationality })),
    ],
    journey: { originCountry: nationality === "KP" ? "KP" : nationality, transitCountries: nationality === "KP" ? ["CN", "LA"] : [], entryDate: options.entryDate ?? "" },
  });
  const counselId = options.counsel ? await userId(options.counsel) : null;
  const created = await db().$transaction((tx) => createCaseRecords(tx, { ...input, counselId }, caseworker));
  const people = await db().person.findMany({ where: { caseId: created.id }, orderBy: { position: "asc" }, select: { id: true } });
  return { ...created, name, personIds: people.map((person) => person.id) };
}
