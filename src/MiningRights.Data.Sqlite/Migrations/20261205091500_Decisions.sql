-- Formal decisions (issue 23): every decision a workflow signal declares as one (a disposition, suspension,
-- withdrawal, refusal, return, renewal) with its document number (文号), date, facts, legal basis as cited and
-- addressee. Numbers are unique; the service's serials are unique within the issuing authority and year.

CREATE TABLE "Decisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Decisions" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "AuthorityCode" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Serial" INTEGER NULL,
    "DecidedOn" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "JournalSequence" INTEGER NOT NULL,
    "DefinitionId" TEXT NOT NULL,
    "Signal" TEXT NOT NULL,
    "SubjectKind" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "SubjectLabel" TEXT NOT NULL,
    "RightId" TEXT NULL,
    "HolderId" TEXT NULL,
    "TitleZh" TEXT NOT NULL,
    "TitleEn" TEXT NOT NULL,
    "ConsequenceZh" TEXT NOT NULL,
    "ConsequenceEn" TEXT NOT NULL,
    "Facts" TEXT NOT NULL,
    "Terms" TEXT NULL,
    "RuleId" TEXT NOT NULL,
    "Citation" TEXT NOT NULL,
    "DecidedBy" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Decisions_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Decisions_AuthorityCode_Year_Serial" ON "Decisions" ("AuthorityCode", "Year", "Serial");

CREATE INDEX "IX_Decisions_InstanceId" ON "Decisions" ("InstanceId");

CREATE UNIQUE INDEX "IX_Decisions_Number" ON "Decisions" ("Number");

CREATE INDEX "IX_Decisions_RightId" ON "Decisions" ("RightId");
