-- The officers' overview at 100,000 rights (issue 23): each figure read from one index without the table's rows. The
-- duties due and overdue carry what is due and their instance in their index, and the instance its place, authority
-- and whether it still runs in its own; the rights in force by expiry day carry place, authority and id; a right's
-- renewal applied for, and a duty's closed case, are found in the index they are looked up by.
DROP INDEX "IX_Deadlines_State_DueOn";
CREATE INDEX "IX_Deadlines_Overview" ON "Deadlines" ("State", "DueOn", "Escalation", "InstanceId", "WhatZh", "WhatEn");
CREATE INDEX "IX_WorkflowInstances_Overview" ON "WorkflowInstances" ("Id", "Finished", "JurisdictionCode", "AuthorityCode");
DROP INDEX "IX_WorkflowInstances_SubjectKind_SubjectId";
CREATE INDEX "IX_WorkflowInstances_Subject" ON "WorkflowInstances" ("SubjectKind", "SubjectId", "DefinitionId", "Finished", "State");
CREATE INDEX "IX_Rights_InForce_Expiry" ON "Rights" ("Status", "ExpiresOn", "LocationCountyCode", "AuthorityCode", "Id");
DROP INDEX "IX_Cases_InstanceId";
CREATE INDEX "IX_Cases_InstanceId_Status" ON "Cases" ("InstanceId", "Status");
