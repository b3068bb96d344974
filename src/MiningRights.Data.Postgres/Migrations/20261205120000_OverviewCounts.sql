-- The officers' overview at 100,000 rights (issue 23): each figure read from one index without the tables' rows.
-- A duty carries the place and authority of its instance's subject and when its process finished (copied by the
-- workflow runtime whenever they change on the instance), so the duties due and overdue are counted without joining
-- their instances; existing duties take them from their instances here.
ALTER TABLE "Deadlines" ADD "JurisdictionCode" character varying(6) NULL;
ALTER TABLE "Deadlines" ADD "AuthorityCode" character varying(6) NULL;
ALTER TABLE "Deadlines" ADD "ProcessFinishedAtUtc" timestamp with time zone NULL;
UPDATE "Deadlines" AS d SET
    "JurisdictionCode" = w."JurisdictionCode",
    "AuthorityCode" = w."AuthorityCode",
    "ProcessFinishedAtUtc" = CASE WHEN w."Finished" THEN w."UpdatedAtUtc" END
FROM "WorkflowInstances" AS w
WHERE w."Id" = d."InstanceId";
DROP INDEX "IX_Deadlines_State_DueOn";
CREATE INDEX "IX_Deadlines_Overview" ON "Deadlines" ("State", "DueOn", "Escalation", "ProcessFinishedAtUtc", "JurisdictionCode", "AuthorityCode", "InstanceId", "WhatZh", "WhatEn");
-- The rights in force by expiry day carry place, authority and id; a right's renewal applied for, and a duty's closed
-- case, are found in the index they are looked up by.
CREATE INDEX "IX_Rights_InForce_Expiry" ON "Rights" ("Status", "ExpiresOn", "LocationCountyCode", "AuthorityCode", "Id");
CREATE INDEX "IX_WorkflowInstances_Definition_State" ON "WorkflowInstances" ("DefinitionId", "State", "SubjectKind", "SubjectId", "Finished");
DROP INDEX "IX_Cases_InstanceId";
CREATE INDEX "IX_Cases_InstanceId_Status" ON "Cases" ("InstanceId", "Status");
