-- Tasks made by deadline rules now store the rule's message key as their
-- title; every page, PDF and calendar feed shows it in the reader's language
-- (lib/tasks/titles.ts). Tasks made before stored the English words.
UPDATE "Task"
SET title = CASE "ruleKey"
  WHEN 'rsd.appeal' THEN 'rsdAppeal'
  WHEN 'rsd.certificateRenewal' THEN 'certificateRenewal'
  WHEN 'nsm.eligibilityDecision' THEN 'nsmEligibilityDecision'
  WHEN 'nsm.committeeAppeal' THEN 'nsmCommitteeAppeal'
  WHEN 'nsm.application' THEN 'nsmApplication'
  WHEN 'criminal.appeal' THEN 'criminalAppeal'
  WHEN 'deportation.appealApproved' THEN 'deportationAppeal'
  WHEN 'deportation.appealRefused' THEN 'deportationAppeal'
  ELSE title
END
WHERE origin = 'RULE' AND "ruleKey" IS NOT NULL;
