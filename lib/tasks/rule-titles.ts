// Stored titles of the tasks deadline rules create (English, for exports and
// calendar feeds); the interface shows the translation under "tasks.rules".
export const RULE_TITLES: Record<string, string> = {
  rsdAppeal: "File the RSD appeal",
  certificateRenewal: "Renew the UNHCR certificate",
  nsmEligibilityDecision: "NSM eligibility decision due",
  nsmCommitteeAppeal: "Appeal the NSM dismissal to the committee",
  nsmApplication: "Submit the NSM application",
  criminalAppeal: "File the criminal appeal",
  deportationAppeal: "File the appeal against the court order",
};
