import "server-only";
// Opening and moving proceedings: each is one transaction holding the stage
// change, its history row, the tasks its deadline rules create, the case's
// risk flags and the audit row. Both take the CaseAccess of an opened case.
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { conflictFrom } from "@/lib/locking";
import { GRAPHS, isFinalStage, rulesForStage, transitionError, type ProceedingType } from "@/lib/workflows";
import { effectivePeriod, type PeriodOverrides } from "@/lib/workflows/periods";
import { consequenceOf } from "@/lib/workflows/consequences";
import type { OpenProceedingInput, TransitionInput } from "./schema";
import type { CaseAccess } from "@/lib/cases/access";
import { refuse } from "@/lib/refusal";
import { requestClosure } from "@/lib/closures/requests";
import { dbDate, isoDate } from "@/lib/dates";
import { countedDeadline, loadCourtCalendar } from "@/lib/deadlines/deadlines";
import { PERIOD_UNITS, type PeriodUnit } from "@/lib/workflows/types";

type Context = { actorId: string; ip: string | null };

const REFOULEMENT_RISK = "REFOULEMENT_RISK";

export async function periodOverrides(tx: Tx): Promise<PeriodOverrides> {
  const rows = await tx.deadlineSetting.findMany();
  const unitOf = (unit: string): PeriodUnit => (PERIOD_UNITS as readonly string[]).includes(unit) ? (unit as PeriodUnit) : "days";
  return new Map(rows.map((row) => [row.ruleKey, { amount: row.amount, unit: unitOf(row.unit) }]));
}

/** Creates the tasks the deadline rules of `stage` call for. */
async function createRuleTasks(
  tx: Tx,
  proceeding: { id: string; caseId: string; type: ProceedingType; certificateExpiresOn: string | null },
  stage: string,
  occurredOn: string,
  context: Context,
  /** Rules whose task this move reopened rather than made anew. */
  reopened: string[] = [],
) {
  const rules = rulesForStage(proceeding.type, stage).filter((rule) => !reopened.includes(rule.key));
  if (rules.length === 0) return [];
  const overrides = await periodOverrides(tx);
  const calendar = await loadCourtCalendar(tx);
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
        // The rule's message key: shown in each reader's language (lib/tasks/titles).
        title: rule.title,
        ...countedDeadline(start, effectivePeriod(rule, overrides), calendar),
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

/**
 * The deadlines a move settles: the open tasks of rules the new stage
 * satisfies close ("met by" that stage, on the move's date), and a move
 * back from the stage that met a task to the stage that started it reopens
 * that task instead of making a second one. Each change is audited.
 */
async function settleRuleTasks(tx: Tx, proceeding: CurrentProceeding, move: { toStage: string; occurredOn: string }, context: Context) {
  const rules = GRAPHS[proceeding.type].deadlineRules;
  const audit = (taskId: string, detail: Record<string, string>) =>
    recordAudit(tx, { actorId: context.actorId, action: "task.update", entity: "Task", entityId: taskId, caseId: proceeding.caseId, fields: ["completedAt"], ip: context.ip, detail });
  const metRules = rules.filter((rule) => rule.metBy.includes(move.toStage)).map((rule) => rule.key);
  let met = 0;
  if (metRules.length) {
    const open = await tx.task.findMany({ where: { proceedingId: proceeding.id, ruleKey: { in: metRules }, completedAt: null }, select: { id: true, ruleKey: true } });
    for (const task of open) {
      await tx.task.update({
        where: { id: task.id },
        data: { completedAt: new Date(), completedById: context.actorId, metByStage: move.toStage, metOn: dbDate(move.occurredOn), updatedById: context.actorId, version: { increment: 1 } },
      });
      await audit(task.id, { metBy: move.toStage, rule: task.ruleKey ?? "", on: move.occurredOn });
      met++;
    }
  }
  const startedHere = rules.filter((rule) => rule.onStage === move.toStage).map((rule) => rule.key);
  const reopenedRules: string[] = [];
  if (startedHere.length) {
    const undone = await tx.task.findMany({ where: { proceedingId: proceeding.id, ruleKey: { in: startedHere }, metByStage: proceeding.stage }, select: { id: true, ruleKey: true } });
    for (const task of undone) {
      await tx.task.update({
        where: { id: task.id },
        data: { completedAt: null, completedById: null, metByStage: null, metOn: null, updatedById: context.actorId, version: { increment: 1 } },
      });
      await audit(task.id, { reopened: "moved back", from: proceeding.stage, rule: task.ruleKey ?? "" });
      if (task.ruleKey) reopenedRules.push(task.ruleKey);
    }
  }
  return { met, reopenedRules };
}

/**
 * What the move implies for the case's other records (lib/workflows/
 * consequences): someone who has left Thailand is no longer detained, so
 * the case's open detention episodes end on the move's date, and closing the
 * case is proposed to a supervisor. Each change is audited.
 */
async function applyConsequences(tx: Tx, proceeding: CurrentProceeding, move: { toStage: string; occurredOn: string }, context: Context) {
  const consequence = consequenceOf(proceeding.type, move.toStage);
  if (!consequence) return { released: 0, closureProposed: false };
  const releasedOn = dbDate(move.occurredOn);
  const open = await tx.detentionEpisode.findMany({ where: { caseId: proceeding.caseId, releasedOn: null, startedOn: { lte: releasedOn } }, select: { id: true } });
  for (const episode of open) {
    await tx.detentionEpisode.update({
      where: { id: episode.id },
      data: { releasedOn, releaseReason: consequence.endDetention.reason, updatedById: context.actorId, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: context.actorId,
      action: "detention.update",
      entity: "DetentionEpisode",
      entityId: episode.id,
      caseId: proceeding.caseId,
      fields: ["releasedOn", "releaseReason"],
      ip: context.ip,
      detail: { consequenceOf: `${proceeding.type}:${move.toStage}` },
      occurredOn: move.occurredOn,
    });
  }
  const proposal = consequence.proposeClosure
    ? await requestClosure(tx, proceeding.caseId, `${consequence.endDetention.reason} on ${move.occurredOn}: proposed by the move, for a supervisor to decide.`, context, {
        consequenceOf: `${proceeding.type}:${move.toStage}`,
      })
    : null;
  return { released: open.length, closureProposed: proposal === "requested" };
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
      certificateExpiresOn: dbDate(input.certificateExpiresOn),
      programmeId: input.type === "RESETTLEMENT" ? input.programmeId : null,
      updatedById: context.actorId,
      stageChanges: {
        create: { fromStage: null, toStage: input.stage, reason: input.reason, occurredOn: dbDate(input.occurredOn), actorId: context.actorId },
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
    occurredOn: input.occurredOn,
  });
  return { id: proceeding.id, tasks };
}

type CurrentProceeding = { id: string; caseId: string; type: ProceedingType; stage: string; version: number; certificateExpiresOn: Date | null };

const CURRENT_SELECT = { id: true, caseId: true, type: true, stage: true, version: true, certificateExpiresOn: true } as const;

/**
 * The one writer of a stage: checks the move against the graph, changes the
 * stage (refusing a stale version as a conflict), writes the history row,
 * creates the tasks the new stage's deadline rules call for, keeps the
 * case's risk flags and writes the audit row, all in the caller's transaction.
 */
async function changeStage(
  tx: Tx,
  current: CurrentProceeding,
  move: { toStage: string; occurredOn: string; reason: string; suspendedFromStage?: string | null; programmeHold?: boolean },
  context: Context,
  detail: Record<string, string | boolean> = {},
) {
  const refusal = transitionError(current.type, current.stage, move.toStage);
  if (refusal) refuse(refusal === "finalStage" ? "transitionFromFinal" : "transitionNotAllowed", "toStage");
  const updated = await tx.proceeding.updateMany({
    where: { id: current.id, version: current.version, stage: current.stage },
    data: {
      stage: move.toStage,
      closed: isFinalStage(current.type, move.toStage),
      ...(move.suspendedFromStage !== undefined ? { suspendedFromStage: move.suspendedFromStage } : {}),
      updatedById: context.actorId,
      version: { increment: 1 },
    },
  });
  if (updated.count === 0) throw await conflict(tx, current);
  await tx.stageChange.create({
    data: {
      proceedingId: current.id,
      fromStage: current.stage,
      toStage: move.toStage,
      reason: move.reason,
      occurredOn: dbDate(move.occurredOn),
      actorId: context.actorId,
      programmeHold: move.programmeHold ?? false,
    },
  });
  const settled = await settleRuleTasks(tx, current, move, context);
  const { released, closureProposed } = await applyConsequences(tx, current, move, context);
  const tasks = await createRuleTasks(
    tx,
    { id: current.id, caseId: current.caseId, type: current.type, certificateExpiresOn: current.certificateExpiresOn ? isoDate(current.certificateExpiresOn) : null },
    move.toStage,
    move.occurredOn,
    context,
    settled.reopenedRules,
  );
  await syncRiskFlags(tx, current.caseId);
  await recordAudit(tx, {
    actorId: context.actorId,
    action: "proceeding.transition",
    entity: "Proceeding",
    entityId: current.id,
    caseId: current.caseId,
    fields: ["stage"],
    ip: context.ip,
    detail: { type: current.type, from: current.stage, to: move.toStage, tasks: tasks.length, met: settled.met, reopened: settled.reopenedRules.length, released, ...(closureProposed ? { closureProposed } : {}), ...detail },
    occurredOn: move.occurredOn,
  });
  return { tasks };
}

/** A move a person makes on a proceeding of an opened case. */
export async function moveProceeding(tx: Tx, access: CaseAccess, proceedingId: string, input: TransitionInput, ip: string | null) {
  const current = await tx.proceeding.findFirst({ where: { id: proceedingId, caseId: access.caseId }, select: CURRENT_SELECT });
  if (!current) refuse("notFound", "toStage");
  // The form says which stage it was looking at: a move planned from a stage
  // the proceeding has since left is a conflict, not a new move.
  if (current.version !== input.version || current.stage !== input.fromStage) throw await conflict(tx, current);
  return changeStage(tx, { ...current, type: current.type as ProceedingType }, input, { actorId: access.actor.id, ip });
}

/**
 * Moves made for a resettlement programme rather than for one case: every
 * open resettlement of a suspended programme goes on hold (remembering its
 * stage), and back to that stage when the programme resumes. The caller
 * holds `programme:suspend`, which is about programmes across teams, not
 * one case. Each move is an ordinary stage change: history, deadline rules,
 * risk flags and audit, as for a move made on the case.
 */
export async function moveForProgramme(
  tx: Tx,
  proceedingId: string,
  move: { toStage: string; occurredOn: string; reason: string; suspendedFromStage: string | null },
  context: Context,
  detail: Record<string, string | boolean>,
) {
  const current = await tx.proceeding.findUniqueOrThrow({ where: { id: proceedingId }, select: CURRENT_SELECT });
  return changeStage(tx, { ...current, type: current.type as ProceedingType }, { ...move, programmeHold: true }, context, detail);
}

async function conflict(tx: Tx, proceeding: { id: string }) {
  return conflictFrom(tx, await tx.proceeding.findUniqueOrThrow({ where: { id: proceeding.id }, select: { updatedAt: true, updatedById: true } }));
}
