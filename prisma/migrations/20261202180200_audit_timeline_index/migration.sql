-- Hand-written: a case's changes, for its timeline (TIMELINE_ACTIONS in
-- lib/cases/queries.ts; lib/cases/timeline.integration.test.ts checks the
-- two lists agree). The index on ("caseId", at) also holds every view of the
-- case, one row each time anyone opens it, and the timeline read them all to
-- find the changes among them: 3,831 views of the benchmark's case after a
-- few runs, and growing with every view. This index holds the changes only.
CREATE INDEX "AuditLog_timeline_idx" ON "AuditLog" ("caseId", "at") WHERE action IN ('case.create', 'case.update', 'person.create', 'person.update', 'proceeding.create', 'proceeding.transition', 'task.create', 'detention.create', 'detention.update', 'fine.create', 'fine.payment', 'expense.create', 'document.create', 'hearing.create', 'hearing.update', 'incident.create', 'counsel.assign', 'closure.request', 'closure.approve', 'closure.return', 'case.reassign', 'case.merge');
