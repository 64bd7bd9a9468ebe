"use server";
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { caseCommand } from "@/lib/commands";
import type { FormState } from "@/lib/forms";
import { refuse } from "@/lib/refusal";
import { conflictFrom } from "@/lib/locking";
import { caseCodeOf, type CaseAccess } from "@/lib/cases/access";
import { createTaskSchema, reassignTaskSchema, taskVersionSchema } from "./schema";
import { taskAssignees } from "./queries";
import { dbDate } from "@/lib/dates";

async function assigneeAllowed(access: CaseAccess, assigneeId: string | null) {
  if (!assigneeId) return true;
  return (await taskAssignees(access)).some((person) => person.id === assigneeId);
}

async function conflictFor(taskId: string) {
  return conflictFrom(db, await db.task.findUniqueOrThrow({ where: { id: taskId }, select: { updatedAt: true, updatedById: true } }));
}

export async function createTaskAction(code: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(code, formData, { permission: "task:manage", schema: createTaskSchema }, async ({ access, input, audit }) => {
    if (!(await assigneeAllowed(access, input.assigneeId))) refuse("assigneeNotAllowed", "assigneeId");
    await db.$transaction(async (tx) => {
      const task = await tx.task.create({
        data: { caseId: access.caseId, title: input.title, dueOn: dbDate(input.dueOn), assigneeId: input.assigneeId, origin: "PERSON", createdById: access.actor.id },
        select: { id: true },
      });
      await audit(tx, { action: "task.create", entity: "Task", entityId: task.id });
    });
    revalidatePath("/tasks");
  });
}

export async function completeTaskAction(taskId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(await caseCodeOf("task", taskId), formData, { permission: "task:manage", schema: taskVersionSchema, ids: [taskId] }, async ({ access, input, audit }) => {
    await db.$transaction(async (tx) => {
      const updated = await tx.task.updateMany({
        where: { id: taskId, caseId: access.caseId, version: input.version, completedAt: null },
        data: { completedAt: new Date(), completedById: access.actor.id, updatedById: access.actor.id, version: { increment: 1 } },
      });
      if (updated.count === 0) throw await conflictFor(taskId);
      await audit(tx, { action: "task.update", entity: "Task", entityId: taskId, fields: ["completedAt"] });
    });
    revalidatePath("/tasks");
  });
}

export async function reassignTaskAction(taskId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  return caseCommand(await caseCodeOf("task", taskId), formData, { permission: "task:manage", schema: reassignTaskSchema, ids: [taskId] }, async ({ access, input, audit }) => {
    if (!(await assigneeAllowed(access, input.assigneeId))) refuse("assigneeNotAllowed", "assigneeId");
    await db.$transaction(async (tx) => {
      const updated = await tx.task.updateMany({
        where: { id: taskId, caseId: access.caseId, version: input.version },
        data: { assigneeId: input.assigneeId, updatedById: access.actor.id, version: { increment: 1 } },
      });
      if (updated.count === 0) throw await conflictFor(taskId);
      await audit(tx, { action: "task.update", entity: "Task", entityId: taskId, fields: ["assigneeId"] });
    });
    revalidatePath("/tasks");
  });
}
