"use server";
import { notFound } from "next/navigation";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { requireUser } from "@/lib/auth/current-user";
import { assertCan, caseScope, type Actor } from "@/lib/policy";
import { fieldErrorsFrom, formDataToObject, type FormState } from "@/lib/forms";
import { clientIp } from "@/lib/request-context";
import { ConflictError, conflictFrom, conflictState } from "@/lib/locking";
import { visibleCaseOr404 } from "@/lib/cases/queries";
import { createTaskSchema, reassignTaskSchema, taskVersionSchema } from "./schema";
import { taskAssignees } from "./queries";

async function visibleTaskOr404(actor: Actor, taskId: string) {
  const task = await db.task.findFirst({ where: { id: taskId, case: caseScope(actor) }, select: { id: true, caseId: true, case: { select: { code: true } } } });
  if (!task) notFound();
  return task;
}

async function assigneeAllowed(caseId: string, assigneeId: string | null) {
  if (!assigneeId) return true;
  return (await taskAssignees(caseId)).some((person) => person.id === assigneeId);
}

function revalidateTask(code: string) {
  revalidatePath("/tasks");
  revalidatePath(`/cases/${code}/tasks`);
}

async function conflictFor(taskId: string) {
  return conflictFrom(db, await db.task.findUniqueOrThrow({ where: { id: taskId }, select: { updatedAt: true, updatedById: true } }));
}

export async function createTaskAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "task:manage");
  const target = await visibleCaseOr404(user, code);
  const parsed = createTaskSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  if (!(await assigneeAllowed(target.id, parsed.data.assigneeId))) return { fieldErrors: { assigneeId: "assigneeNotAllowed" } };
  const ip = await clientIp();
  await db.$transaction(async (tx) => {
    const task = await tx.task.create({
      data: {
        caseId: target.id,
        title: parsed.data.title,
        dueOn: new Date(`${parsed.data.dueOn}T00:00:00Z`),
        assigneeId: parsed.data.assigneeId,
        origin: "PERSON",
        createdById: user.id,
      },
      select: { id: true },
    });
    await recordAudit(tx, { actorId: user.id, action: "task.create", entity: "Task", entityId: task.id, caseId: target.id, ip });
  });
  revalidateTask(code);
  return { ok: true };
}

export async function completeTaskAction(taskId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "task:manage");
  const task = await visibleTaskOr404(user, taskId);
  const parsed = taskVersionSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { formError: "invalid" };
  const ip = await clientIp();
  try {
    await db.$transaction(async (tx) => {
      const updated = await tx.task.updateMany({
        where: { id: taskId, version: parsed.data.version, completedAt: null },
        data: { completedAt: new Date(), completedById: user.id, updatedById: user.id, version: { increment: 1 } },
      });
      if (updated.count === 0) throw await conflictFor(taskId);
      await recordAudit(tx, { actorId: user.id, action: "task.update", entity: "Task", entityId: taskId, caseId: task.caseId, fields: ["completedAt"], ip });
    });
  } catch (error) {
    if (error instanceof ConflictError) return conflictState(error);
    throw error;
  }
  revalidateTask(task.case.code);
  return { ok: true };
}

export async function reassignTaskAction(taskId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  assertCan(user, "task:manage");
  const task = await visibleTaskOr404(user, taskId);
  const parsed = reassignTaskSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { fieldErrors: fieldErrorsFrom(parsed.error) };
  if (!(await assigneeAllowed(task.caseId, parsed.data.assigneeId))) return { fieldErrors: { assigneeId: "assigneeNotAllowed" } };
  const ip = await clientIp();
  try {
    await db.$transaction(async (tx) => {
      const updated = await tx.task.updateMany({
        where: { id: taskId, version: parsed.data.version },
        data: { assigneeId: parsed.data.assigneeId, updatedById: user.id, version: { increment: 1 } },
      });
      if (updated.count === 0) throw await conflictFor(taskId);
      await recordAudit(tx, { actorId: user.id, action: "task.update", entity: "Task", entityId: taskId, caseId: task.caseId, fields: ["assigneeId"], ip });
    });
  } catch (error) {
    if (error instanceof ConflictError) return conflictState(error);
    throw error;
  }
  revalidateTask(task.case.code);
  return { ok: true };
}
