// Workflow rules as plain data: a stage graph per proceeding type and the
// deadline rules that create tasks on transitions. The UI reads these; it
// never decides on its own which move is allowed.

export const PROCEEDING_TYPES = ["TRANSFER_TO_KOREA", "UNHCR_RSD", "RESETTLEMENT", "NSM", "CRIMINAL", "DEPORTATION_EXTRADITION"] as const;
export type ProceedingType = (typeof PROCEEDING_TYPES)[number];

export const PERIOD_UNITS = ["days", "months", "workingDays"] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];
export type DeadlinePeriod = { amount: number; unit: PeriodUnit };

/** A task created when a proceeding enters a stage, due a period after (or before) an event date. */
export type DeadlineRule = {
  key: string;
  /** Stage whose entry triggers the rule. */
  onStage: string;
  /** What the period counts from: the date the event happened (the transition's date), or a certificate's expiry. */
  from: "event" | "certificateExpiry";
  /** Default period; positive counts forward, negative counts back (renewal before expiry). */
  period: DeadlinePeriod;
  /** Message key under "tasks.rules" for the task's title. */
  title: string;
  /** Who gets the task: legal deadlines go to the case's counsel when it has one. */
  assignTo: "caseworker" | "counsel";
  /**
   * The stages that settle the deadline: reaching one closes the task ("met
   * by: appeal filed on …"), as do outcomes that make it moot (a verdict
   * accepted as final). Empty: a person closes it (a certificate renewed).
   */
  metBy: string[];
};

export type StageGraph = {
  type: ProceedingType;
  initial: string[];
  /** Every stage, in the order a proceeding normally passes through them. */
  stages: string[];
  /** Allowed moves: from stage → stages it may go to. */
  transitions: Record<string, string[]>;
  /** Stages that end the proceeding. */
  final: string[];
  /** Documents each stage expects (document types), shown as missing until uploaded. */
  expectedDocuments?: Record<string, string[]>;
  deadlineRules: DeadlineRule[];
};
