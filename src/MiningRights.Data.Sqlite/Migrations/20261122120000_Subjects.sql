-- Workflow instances name their subject (a right, a case, ...) instead of always a right; deadlines and notices
-- follow the instance; cases carry their authority and disposition; deadlines count failed attempts and park.
-- SQLite cannot change a column in place: each table is rebuilt (foreign keys are off around this script).

CREATE TABLE "ef_temp_WorkflowInstances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowInstances" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "DefinitionHash" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Finished" INTEGER NOT NULL,
    "DatesJson" TEXT NOT NULL,
    "DataJson" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "SubjectKind" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "SubjectLabel" TEXT NOT NULL,
    "RightId" TEXT NULL,
    "HolderId" TEXT NULL,
    "JurisdictionCode" TEXT NOT NULL,
    "AuthorityCode" TEXT NOT NULL,
    CONSTRAINT "FK_WorkflowInstances_Rights_RightId" FOREIGN KEY ("RightId") REFERENCES "Rights" ("Id") ON DELETE RESTRICT
);
INSERT INTO "ef_temp_WorkflowInstances" ("Id", "DefinitionId", "DefinitionVersion", "DefinitionHash", "State", "Finished", "DatesJson", "DataJson", "Version", "CreatedAtUtc", "UpdatedAtUtc", "SubjectKind", "SubjectId", "SubjectLabel", "RightId", "HolderId", "JurisdictionCode", "AuthorityCode")
SELECT i."Id", i."DefinitionId", i."DefinitionVersion", i."DefinitionHash", i."State", i."Finished", i."DatesJson", i."DataJson",
       (SELECT COUNT(*) FROM "Journal" j WHERE j."InstanceId" = i."Id"), i."CreatedAtUtc", i."UpdatedAtUtc",
       'right', i."RightId", r."LicenseNumber", i."RightId", i."HolderId", r."LocationCountyCode", r."AuthorityCode"
FROM "WorkflowInstances" i JOIN "Rights" r ON r."Id" = i."RightId";
DROP TABLE "WorkflowInstances";
ALTER TABLE "ef_temp_WorkflowInstances" RENAME TO "WorkflowInstances";
CREATE INDEX "IX_WorkflowInstances_AuthorityCode" ON "WorkflowInstances" ("AuthorityCode");
CREATE INDEX "IX_WorkflowInstances_HolderId" ON "WorkflowInstances" ("HolderId");
CREATE INDEX "IX_WorkflowInstances_JurisdictionCode" ON "WorkflowInstances" ("JurisdictionCode");
CREATE INDEX "IX_WorkflowInstances_RightId" ON "WorkflowInstances" ("RightId");
CREATE INDEX "IX_WorkflowInstances_SubjectKind_SubjectId" ON "WorkflowInstances" ("SubjectKind", "SubjectId");

CREATE TABLE "ef_temp_Deadlines" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Deadlines" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "HolderId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "WhatZh" TEXT NOT NULL,
    "WhatEn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Escalation" INTEGER NOT NULL,
    "ExpiresAtUtc" TEXT NOT NULL,
    "ReminderDays" TEXT NOT NULL,
    "StagesDone" TEXT NOT NULL,
    "NextStage" TEXT NULL,
    "NextActionAtUtc" TEXT NULL,
    "State" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ClosedAtUtc" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "ParkedAtUtc" TEXT NULL,
    CONSTRAINT "FK_Deadlines_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE CASCADE
);
INSERT INTO "ef_temp_Deadlines" ("Id", "InstanceId", "HolderId", "Name", "RuleId", "WhatZh", "WhatEn", "DueOn", "Escalation", "ExpiresAtUtc", "ReminderDays", "StagesDone", "NextStage", "NextActionAtUtc", "State", "CreatedAtUtc", "ClosedAtUtc", "Version", "Attempts", "LastError", "ParkedAtUtc")
SELECT "Id", "InstanceId", "HolderId", "Name", "RuleId", "WhatZh", "WhatEn", "DueOn", "Escalation", "ExpiresAtUtc", "ReminderDays", "StagesDone", "NextStage", "NextActionAtUtc", "State", "CreatedAtUtc", "ClosedAtUtc", "Version", 0, NULL, NULL
FROM "Deadlines";
DROP TABLE "Deadlines";
ALTER TABLE "ef_temp_Deadlines" RENAME TO "Deadlines";
CREATE INDEX "IX_Deadlines_HolderId_State_DueOn" ON "Deadlines" ("HolderId", "State", "DueOn");
CREATE INDEX "IX_Deadlines_InstanceId" ON "Deadlines" ("InstanceId");
CREATE INDEX "IX_Deadlines_NextActionAtUtc" ON "Deadlines" ("NextActionAtUtc");

CREATE TABLE "ef_temp_Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "HolderId" TEXT NULL,
    "DeadlineId" TEXT NULL,
    "Stage" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAtUtc" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "SentAtUtc" TEXT NULL
);
INSERT INTO "ef_temp_Notifications" ("Id", "Key", "InstanceId", "HolderId", "DeadlineId", "Stage", "RuleId", "Recipient", "Language", "Subject", "TextBody", "HtmlBody", "Status", "Attempts", "NextAttemptAtUtc", "LastError", "CreatedAtUtc", "SentAtUtc")
SELECT n."Id", n."Key",
       COALESCE((SELECT d."InstanceId" FROM "Deadlines" d WHERE d."Id" = n."DeadlineId"),
                (SELECT i."Id" FROM "WorkflowInstances" i WHERE n."Key" LIKE 'journal:' || lower(i."Id") || ':%' OR n."Key" LIKE 'journal:' || i."Id" || ':%'),
                (SELECT i."Id" FROM "WorkflowInstances" i WHERE i."RightId" = n."RightId" ORDER BY i."CreatedAtUtc" LIMIT 1),
                '00000000-0000-0000-0000-000000000000'),
       n."HolderId", n."DeadlineId", n."Stage", n."RuleId", n."Recipient", n."Language", n."Subject", n."TextBody", n."HtmlBody", n."Status", n."Attempts", n."NextAttemptAtUtc", n."LastError", n."CreatedAtUtc", n."SentAtUtc"
FROM "Notifications" n;
DROP TABLE "Notifications";
ALTER TABLE "ef_temp_Notifications" RENAME TO "Notifications";
CREATE INDEX "IX_Notifications_InstanceId" ON "Notifications" ("InstanceId");
CREATE UNIQUE INDEX "IX_Notifications_Key" ON "Notifications" ("Key");
CREATE INDEX "IX_Notifications_Status_NextAttemptAtUtc" ON "Notifications" ("Status", "NextAttemptAtUtc");

CREATE TABLE "ef_temp_Cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "RightId" TEXT NOT NULL,
    "HolderId" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "JurisdictionCode" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "TitleZh" TEXT NOT NULL,
    "TitleEn" TEXT NOT NULL,
    "Severity" INTEGER NOT NULL,
    "DueOn" TEXT NULL,
    "Status" TEXT NOT NULL,
    "OpenedAtUtc" TEXT NOT NULL,
    "AuthorityCode" TEXT NOT NULL,
    "Disposition" TEXT NULL,
    "DamagesYuan" TEXT NULL,
    "ClosedAtUtc" TEXT NULL
);
INSERT INTO "ef_temp_Cases" ("Id", "Key", "RightId", "HolderId", "InstanceId", "JurisdictionCode", "RuleId", "TitleZh", "TitleEn", "Severity", "DueOn", "Status", "OpenedAtUtc", "AuthorityCode", "Disposition", "DamagesYuan", "ClosedAtUtc")
SELECT c."Id", c."Key", c."RightId", c."HolderId", c."InstanceId", c."JurisdictionCode", c."RuleId", c."TitleZh", c."TitleEn", c."Severity", c."DueOn",
       CASE c."Status" WHEN 'UnderReview' THEN 'FindingsRecorded' ELSE c."Status" END, c."OpenedAtUtc", r."AuthorityCode", NULL, NULL, NULL
FROM "Cases" c JOIN "Rights" r ON r."Id" = c."RightId";
DROP TABLE "Cases";
ALTER TABLE "ef_temp_Cases" RENAME TO "Cases";
CREATE INDEX "IX_Cases_JurisdictionCode_Status" ON "Cases" ("JurisdictionCode", "Status");
CREATE UNIQUE INDEX "IX_Cases_Key" ON "Cases" ("Key");
CREATE INDEX "IX_Cases_RightId" ON "Cases" ("RightId");
