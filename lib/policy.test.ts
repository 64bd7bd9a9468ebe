import { describe, expect, it } from "vitest";
import { auditReach, can, caseScope, isNamedOn, mayAnswerReferral, mayAssignCase, maySeeCaseGrants, noteScope, PERMISSIONS, protectedFields, referralScope, supervisedTeams, supervisesTeam, workingTeamIds, workingTeams, type Actor, type Permission } from "./policy";

const TEAM = "11111111-1111-1111-1111-111111111111";
const OTHER_TEAM = "22222222-2222-2222-2222-222222222222";
const actor = (role: Actor["role"], teamId: string | null = TEAM): Actor => ({ id: `user-${role}`, role, teamId });

// The expected grant for every role × every permission: a change to the
// rules must change this table too.
const EXPECTED: Record<Actor["role"], Permission[]> = {
  CASEWORKER: [
    "case:read", "case:create", "case:update", "person:update", "note:create", "proceeding:manage", "task:manage", "custody:manage",
    "document:read", "document:upload", "hearing:manage", "counsel:assign", "incident:create", "board:read", "closure:request",
    "referral:create", "referral:receive", "consent:record",
  ],
  SUPERVISOR: [
    "case:read", "case:create", "case:update", "person:update", "note:create", "note:read-confidential",
    "proceeding:manage", "task:manage", "custody:manage", "document:read", "document:upload", "hearing:manage", "counsel:assign",
    "incident:create", "board:read", "dashboard:read", "case:export", "case:reassign", "closure:request", "closure:approve",
    "programme:suspend", "audit:read", "person:subject-request", "referral:create", "referral:receive", "referral:override",
    "case:merge", "case:import", "case:hold", "access:grant", "consent:record",
  ],
  LEGAL_OFFICER: ["case:read", "note:create", "proceeding:manage", "task:manage", "document:read", "document:upload", "hearing:manage", "incident:create", "board:read"],
  ADMIN: ["user:manage", "settings:manage", "retention:manage", "outbox:manage", "audit:read"],
  GUEST: ["case:read", "document:read"],
};

describe("can", () => {
  for (const role of Object.keys(EXPECTED) as Actor["role"][]) {
    for (const permission of PERMISSIONS) {
      const allowed = EXPECTED[role].includes(permission);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(actor(role), permission)).toBe(allowed);
      });
    }
  }
});

describe("caseScope", () => {
  it("limits supervisors to their team, restricted cases included", () => {
    expect(caseScope(actor("SUPERVISOR"))).toEqual({ teamId: TEAM });
  });

  it("gives caseworkers their team's unrestricted cases and the cases they are named on", () => {
    expect(caseScope(actor("CASEWORKER"))).toEqual({
      OR: [
        { teamId: TEAM, sensitivity: { not: "RESTRICTED" } },
        { caseworkerId: "user-CASEWORKER" },
        { members: { some: { userId: "user-CASEWORKER" } } },
      ],
    });
  });

  it("gives legal officers only the cases where they are counsel", () => {
    expect(caseScope(actor("LEGAL_OFFICER"))).toEqual({ members: { some: { userId: "user-LEGAL_OFFICER", role: "COUNSEL" } } });
  });

  it("gives an organisation-wide supervisor every case, and no one else that reach", () => {
    expect(caseScope({ ...actor("SUPERVISOR"), organisationWide: true })).toEqual({});
    // The flag means nothing on other roles.
    expect(caseScope({ ...actor("CASEWORKER"), organisationWide: true })).toEqual(caseScope(actor("CASEWORKER")));
    expect(caseScope({ ...actor("ADMIN"), organisationWide: true })).toEqual({ id: { in: [] } });
  });

  it("gives administrators and team-less supervisors nothing", () => {
    expect(caseScope(actor("ADMIN", null))).toEqual({ id: { in: [] } });
    expect(caseScope(actor("SUPERVISOR", null))).toEqual({ id: { in: [] } });
  });
});

describe("scopes that may mean everything", () => {
  // Prisma reads `{}` inside OR as "nothing": an organisation-wide scope must stay `{}` on its own.
  it("give an organisation-wide supervisor every team and every referral", () => {
    const director = { ...actor("SUPERVISOR"), organisationWide: true };
    expect(workingTeams(director)).toEqual({});
    expect(workingTeamIds(director)).toBe("every");
    expect(referralScope(director)).toEqual({});
  });

  it("give a caseworker their team, and the referrals of their cases or addressed to their team", () => {
    expect(workingTeams(actor("CASEWORKER"))).toEqual({ OR: [{ id: TEAM }, { id: { in: [] } }] });
    // By id for SQL: the same team, once for a supervisor of it, none for someone without a team.
    expect([workingTeamIds(actor("CASEWORKER")), workingTeamIds(actor("SUPERVISOR")), workingTeamIds(actor("ADMIN", null))]).toEqual([[TEAM], [TEAM], []]);
    expect(referralScope(actor("CASEWORKER"))).toEqual({
      OR: [{ case: caseScope(actor("CASEWORKER")) }, { partner: { teamId: { not: null }, team: workingTeams(actor("CASEWORKER")) } }],
    });
    expect(referralScope(actor("ADMIN", null))).toEqual({ OR: [{ case: { id: { in: [] } } }, { id: { in: [] } }] });
  });
});

describe("noteScope", () => {
  it("shows confidential notes to supervisors", () => {
    expect(noteScope(actor("SUPERVISOR"))).toEqual({});
  });
  it("shows others only open notes and their own confidential ones", () => {
    for (const role of ["CASEWORKER", "LEGAL_OFFICER"] as const) {
      expect(noteScope(actor(role))).toEqual({ OR: [{ confidential: false }, { authorId: `user-${role}` }] });
    }
  });
});

describe("mayAssignCase", () => {
  const colleague = { role: "CASEWORKER" as const, teamId: TEAM, active: true };
  it("lets staff assign within their own team", () => {
    expect(mayAssignCase(actor("CASEWORKER"), { teamId: TEAM, assignee: colleague })).toBe(true);
    expect(mayAssignCase(actor("SUPERVISOR"), { teamId: TEAM, assignee: null })).toBe(true);
  });
  it("refuses another team, inactive people, legal officers and administrators as assignees", () => {
    expect(mayAssignCase(actor("CASEWORKER"), { teamId: OTHER_TEAM, assignee: null })).toBe(false);
    expect(mayAssignCase(actor("CASEWORKER"), { teamId: TEAM, assignee: { ...colleague, teamId: OTHER_TEAM } })).toBe(false);
    expect(mayAssignCase(actor("CASEWORKER"), { teamId: TEAM, assignee: { ...colleague, active: false } })).toBe(false);
    expect(mayAssignCase(actor("CASEWORKER"), { teamId: TEAM, assignee: { ...colleague, role: "LEGAL_OFFICER" } })).toBe(false);
    expect(mayAssignCase(actor("CASEWORKER"), { teamId: TEAM, assignee: { ...colleague, role: "ADMIN" } })).toBe(false);
  });
  it("refuses roles that may not create or edit cases", () => {
    expect(mayAssignCase(actor("LEGAL_OFFICER"), { teamId: TEAM, assignee: null })).toBe(false);
    expect(mayAssignCase(actor("ADMIN", TEAM), { teamId: TEAM, assignee: null })).toBe(false);
  });
});

describe("supervised teams", () => {
  it("is the supervisor's own team, every team organisation-wide, none for other roles", () => {
    expect(supervisedTeams(actor("SUPERVISOR"))).toEqual({ id: TEAM });
    expect(supervisedTeams({ ...actor("SUPERVISOR"), organisationWide: true })).toEqual({});
    expect(supervisedTeams({ ...actor("CASEWORKER"), organisationWide: true })).toEqual({ id: { in: [] } });
    expect(supervisedTeams(actor("SUPERVISOR", null))).toEqual({ id: { in: [] } });
    expect(supervisesTeam(actor("SUPERVISOR"), OTHER_TEAM)).toBe(false);
    expect(supervisesTeam({ ...actor("SUPERVISOR"), organisationWide: true }, OTHER_TEAM)).toBe(true);
    expect(supervisesTeam(actor("CASEWORKER"), TEAM)).toBe(false);
  });

  it("lets an organisation-wide supervisor assign cases in any team, but not a team supervisor", () => {
    const colleague = { role: "CASEWORKER" as const, teamId: OTHER_TEAM, active: true };
    expect(mayAssignCase({ ...actor("SUPERVISOR"), organisationWide: true }, { teamId: OTHER_TEAM, assignee: colleague })).toBe(true);
    expect(mayAssignCase(actor("SUPERVISOR"), { teamId: OTHER_TEAM, assignee: colleague })).toBe(false);
  });
});

describe("protected fields", () => {
  // The whole field-level table, role by role.
  const table: Record<Actor["role"], { read: string[]; readNamed: string[]; write: string[] }> = {
    CASEWORKER: { read: ["religion", "phone", "address"], readNamed: ["religion", "phone", "address", "safeHouse"], write: ["religion", "phone", "address"] },
    SUPERVISOR: { read: ["religion", "phone", "address", "safeHouse"], readNamed: ["religion", "phone", "address", "safeHouse"], write: ["religion", "phone", "address", "safeHouse"] },
    LEGAL_OFFICER: { read: ["religion", "phone"], readNamed: ["religion", "phone"], write: [] },
    ADMIN: { read: [], readNamed: [], write: [] },
    GUEST: { read: [], readNamed: [], write: [] },
  };
  for (const [role, expected] of Object.entries(table) as [Actor["role"], (typeof table)[Actor["role"]]][]) {
    it(`${role}: reads ${expected.read.join(", ") || "none"}; on cases they are named on ${expected.readNamed.join(", ") || "none"}`, () => {
      expect(protectedFields(actor(role), "read", { namedOnCase: false })).toEqual(expected.read);
      expect(protectedFields(actor(role), "read", { namedOnCase: true })).toEqual(expected.readNamed);
      expect(protectedFields(actor(role), "write", { namedOnCase: false })).toEqual(expected.write);
    });
  }
  it("lets a named caseworker write the safe house", () => {
    expect(protectedFields(actor("CASEWORKER"), "write", { namedOnCase: true })).toContain("safeHouse");
  });
});

describe("rules that used to live outside the policy", () => {
  it("audit log: administrators read account events, supervisors their teams' case entries, others nothing", () => {
    expect(auditReach(actor("ADMIN", null))).toEqual({ events: "accounts" });
    expect(auditReach(actor("SUPERVISOR"))).toEqual({ events: "cases", teams: { id: TEAM }, teamIds: [TEAM] });
    expect(auditReach({ ...actor("SUPERVISOR"), organisationWide: true })).toEqual({ events: "cases", teams: {}, teamIds: "every" });
    expect(auditReach(actor("CASEWORKER"))).toBeNull();
    expect(auditReach(actor("LEGAL_OFFICER"))).toBeNull();
  });

  it("named on a case: its caseworker or a member, nobody else", () => {
    const me = actor("CASEWORKER");
    expect(isNamedOn(me, { caseworkerId: me.id, memberIds: [] })).toBe(true);
    expect(isNamedOn(me, { caseworkerId: null, memberIds: ["someone", me.id] })).toBe(true);
    expect(isNamedOn(me, { caseworkerId: "someone", memberIds: ["else"] })).toBe(false);
  });

  it("a partner in the deployment answers its own referrals; for others the sending team records the answer", () => {
    expect(mayAnswerReferral({ partnerInDeployment: true, sender: true, receiver: false })).toBe(false);
    expect(mayAnswerReferral({ partnerInDeployment: true, sender: false, receiver: true })).toBe(true);
    expect(mayAnswerReferral({ partnerInDeployment: false, sender: true, receiver: false })).toBe(true);
    expect(mayAnswerReferral({ partnerInDeployment: false, sender: false, receiver: true })).toBe(false);
  });
});

describe("guest grants", () => {
  it("are seen by the case's staff, never by a guest", () => {
    expect(maySeeCaseGrants(actor("CASEWORKER"))).toBe(true);
    expect(maySeeCaseGrants(actor("SUPERVISOR"))).toBe(true);
    expect(maySeeCaseGrants(actor("GUEST"))).toBe(false);
    expect(maySeeCaseGrants(actor("ADMIN", null))).toBe(false);
  });
});
