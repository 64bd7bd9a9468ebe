import "server-only";
// Opening and moving proceedings: each is one transaction holding the stage
// change, its history row, the tasks its deadline rules create, the case's
// risk flags and the audit row. Both take the CaseAccess of an opened case.
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflictFrom } from "@/lib/locking";
import { dueDate, GRAPHS, isFinalStage, rulesForStage, transitionError, type ProceedingType } from "@/lib/workflows";
import { effectivePeriod, type PeriodOverrides } from "@/lib/workflows/periods";
import { RULE_TITLES } from "@/lib/tasks/rule-titles";
import type { OpenProceedingInput, TransitionInput } from "./schema";
import type { CaseAccess } from "@/lib/cases/access";
import { refuse } from "@/lib/refusal";

type Context = { actorId: string; ip: string | null };

const REFOULEMENT_RISK = "REFOULEMENT_RISK";

export async function periodOverrides(tx: Tx): Promise<PeriodOverrides> {
  const rows = await tx.deadlineSetting.findMany();
  return new Map(rows.map((row) => [row.ruleKey, { amount: row.amount, unit: row.unit === "months" ? "months" : "days" }]));
}

/** Creates the tasks the deadline rules of `stage` call for. */
async function createRuleTasks(
  tx: Tx,
  proceeding: { id: string; caseId: string; type: ProceedingType; certificateExpiresOn: string | null },
  stage: string,
  occurredOn: string,
  context: Context,
) {
  const rules = rulesForStage(proceeding.type, stage);
  if (rules.length === 0) return [];
  const overrides = await periodOverrides(tx);
  const people = await tx.case.findUniqueOrThrow({
    where: { id: proceeding.caseId },
    select: { caseworkerId: true, members: { where: { role: "COUNSEL" }, select: { userId: true }, orderBy: { createdAt: "asc" }, take: 1 } },
  });
  const created = [];
  for (const rule of rules) {
    const start = rule.from === "event" ? occurredOn : proceeding.certificateExpiresOn;
    if (!start) continue;
    const assigneeId = rule.assignTo === "counsel" ? (people.members[0]?.userId ?? people.caseworkerId) : people.caseworkerId;
    const task = await tx.task.create({
      data: {
        caseId: proceeding.caseId,
        proceedingId: proceeding.id,
        title: RULE_TITLES[rule.title] ?? rule.title,
        dueOn: new Date(`${dueDate(start, effectivePeriod(rule, overrides))}T00:00:00Z`),
        assigneeId,
        origin: "RULE",
        ruleKey: rule.key,
        createdById: context.actorId,
      },
      select: { id: true, dueOn: true, ruleKey: true },
    });
    created.push(task);
  }
  return created;
}

/** Keeps the case's "refoulement risk" flag in step with its open deportation/extradition proceedings. */
async function syncRiskFlags(tx: Tx, caseId: string) {
  // One after the other: a transaction is one connection, and pg queues (and
  // warns about) a query sent while another is still running on it.
  const current = await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: { riskFlags: true } });
  const openRemovals = await tx.proceeding.count({ where: { caseId, type: "DEPORTATION_EXTRADITION", closed: false } });
  const flags = new Set(current.riskFlags);
  if (openRemovals > 0) flags.add(REFOULEMENT_RISK);
  else flags.delete(REFOULEMENT_RISK);
  if (flags.size !== current.riskFlags.length || current.riskFlags.some((f) => !flags.has(f))) {
    await tx.case.update({ where: { id: caseId }, data: { riskFlags: [...flags] } });
  }
}

export async function openProceeding(tx: Tx, access: CaseAccess, input: OpenProceedingInput, ip: string | null) {
  const { caseId } = access;
  const context: Context = { actorId: access.actor.id, ip };
  const graph = GRAPHS[input.type];
  if (!graph.initial.includes(input.stage)) refuse("invalidInitialStage", "stage");
  if (input.type === "RESETTLEMENT" && !input.programmeId) refuse("programmeRequired", "programmeId");
  if (input.type === "NSM" && !input.confirmNsm) {
    const defectors = await tx.person.count({ where: { caseId, nationality: "KP" } });
    if (defectors > 0) refuse("nsmNotForDefectors", "confirmNsm");
  }
  const proceeding = await tx.proceeding.create({
    data: {
      caseId,
      type: input.type,
      stage: input.stage,
      closed: isFinalStage(input.type, input.stage),
      reference: input.reference,
      certificateExpiresOn: input.certificateExpiresOn ? new Date(`${input.certificateExpiresOn}T00:00:00Z`) : null,
      programmeId: input.type === "RESETTLEMENT" ? input.programmeId : null,
      updatedById: context.actorId,
      stageChanges: {
        create: { fromStage: null, toStage: input.stage, reason: input.reason, occurredOn: new Date(`${input.occurredOn}T00:00:00Z`), actorId: context.actorId },
      },
    },
    select: { id: true },
  });
  const tasks = await createRuleTasks(
    tx,
    { id: proceeding.id, caseId, type: input.type, certificateExpiresOn: input.certificateExpiresOn },
    input.stage,
    input.occurredOn,
    context,
  );
  await syncRiskFlags(tx, caseId);
  await recordAudit(tx, {
    actorId: context.actorId,
    action: "proceeding.create",
    entity: "Proceeding",
    entityId: proceeding.id,
    caseId,
    ip: context.ip,
    detail: { type: input.type, stage: input.stage, tasks: tasks.length },
  });
  return { id: proceeding.id, tasks };
}

export async function moveProceeding(tx: Tx, access: CaseAccess, proceedingId: string, input: TransitionInput, ip: string | null) {
  const { caseId } = access;
  const context: Context = { actorId: access.actor.id, ip };
  const current = await tx.proceeding.findFirst({
    where: { id: proceedingId, caseId },
    select: { id: true, type: true, stage: true, version: true, certificateExpiresOn: true, updatedAt: true, updatedById: true },
  });
  if (!current) refuse("notFound", "toStage");
  // The form says which stage it was looking at: a move planned from a stage
  // the proceeding has since left is a conflict, not a new move.
  if (current.version !== input.version || current.stage !== input.fromStage) throw await conflict(tx, current);
  const refusal = transitionError(current.type, current.stage, input.toStage);
  if (refusal) refuse(refusal === "finalStage" ? "transitionFromFinal" : "transitionNotAllowed", "toStage");
  const updated = await tx.proceeding.updateMany({
    where: { id: proceedingId, version: input.version, stage: current.stage },
    data: { stage: input.toStage, closed: isFinalStage(current.type, input.toStage), updatedById: context.actorId, version: { increment: 1 } },
  });
  if (updated.count === 0) throw await conflict(tx, current);
  await tx.stageChange.create({
    data: {
      proceedingId,
      fromStage: current.stage,
      toStage: input.toStage,
      reason: input.reason,
      occurredOn: new Date(`${input.occurredOn}T00:00:00Z`),
      actorId: context.actorId,
    },
  });
  const tasks = await createRuleTasks(
    tx,
    { id: proceedingId, caseId, type: current.type, certificateExpiresOn: current.certificateExpiresOn?.toISOString().slice(0, 10) ?? null },
    input.toStage,
    input.occurredOn,
    context,
  );
  await syncRiskFlags(tx, caseId);
  await recordAudit(tx, {
    actorId: context.actorId,
    action: "proceeding.transition",
    entity: "Proceeding",
    entityId: proceedingId,
    caseId,
    fields: ["stage"],
    ip: context.ip,
    detail: { type: current.type, from: current.stage, to: input.toStage, tasks: tasks.length },
  });
  return { tasks };
}

async function conflict(tx: Tx, proceeding: { id: string }) {
  return conflictFrom(tx, await tx.proceeding.findUniqueOrThrow({ where: { id: proceeding.id }, select: { updatedAt: true, updatedById: true } }));
}
