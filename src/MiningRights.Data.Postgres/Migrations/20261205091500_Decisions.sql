-- Formal decisions (issue 23): every decision a workflow signal declares as one (a disposition, suspension,
-- withdrawal, refusal, return, renewal) with its document number (文号), date, facts, legal basis as cited and
-- addressee. Numbers are unique; the service's serials are unique within the issuing authority and year.

CREATE TABLE "Decisions" (
    "Id" uuid NOT NULL,
    "Number" character varying(100) NOT NULL,
    "AuthorityCode" character varying(6) NOT NULL,
    "Year" integer NOT NULL,
    "Serial" integer,
    "DecidedOn" date NOT NULL,
    "InstanceId" uuid NOT NULL,
    "JournalSequence" integer NOT NULL,
    "DefinitionId" character varying(100) NOT NULL,
    "Signal" character varying(100) NOT NULL,
    "SubjectKind" character varying(32) NOT NULL,
    "SubjectId" uuid NOT NULL,
    "SubjectLabel" character varying(100) NOT NULL,
    "RightId" uuid,
    "HolderId" uuid,
    "TitleZh" character varying(200) NOT NULL,
    "TitleEn" character varying(200) NOT NULL,
    "ConsequenceZh" character varying(1000) NOT NULL,
    "ConsequenceEn" character varying(1000) NOT NULL,
    "Facts" character varying(4000) NOT NULL,
    "Terms" character varying(4000),
    "RuleId" character varying(16) NOT NULL,
    "Citation" character varying(4000) NOT NULL,
    "DecidedBy" character varying(256) NOT NULL,
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Decisions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Decisions_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_Decisions_AuthorityCode_Year_Serial" ON "Decisions" ("AuthorityCode", "Year", "Serial");

CREATE INDEX "IX_Decisions_InstanceId" ON "Decisions" ("InstanceId");

CREATE UNIQUE INDEX "IX_Decisions_Number" ON "Decisions" ("Number");

CREATE INDEX "IX_Decisions_RightId" ON "Decisions" ("RightId");
