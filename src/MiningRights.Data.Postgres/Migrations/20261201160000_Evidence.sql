-- Contract monitoring (issue 9): evidence files sent with signals (a report's proof, a relief claim's certificates),
-- kept with the journal entry of their step; contracts the authority enters for rights registered before the service,
-- which have no transfer block ("BlockId" optional, one contract in force per right); and journal notes long enough to
-- keep every value a report carried.

CREATE TABLE "EvidenceFiles" (
    "Id" uuid NOT NULL,
    "InstanceId" uuid NOT NULL,
    "JournalSequence" integer NOT NULL,
    "FileName" character varying(260) NOT NULL,
    "ContentType" character varying(100) NOT NULL,
    "SizeBytes" bigint NOT NULL,
    "Sha256" character varying(64) NOT NULL,
    "StoragePath" character varying(500) NOT NULL,
    "UploadedBy" character varying(256) NOT NULL,
    "UploadedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_EvidenceFiles" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_EvidenceFiles_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EvidenceFiles_InstanceId_JournalSequence" ON "EvidenceFiles" ("InstanceId", "JournalSequence");

ALTER TABLE "TransferContracts" ALTER COLUMN "BlockId" DROP NOT NULL;

CREATE UNIQUE INDEX "IX_TransferContracts_RightId" ON "TransferContracts" ("RightId") WHERE "VoidedAtUtc" IS NULL;

ALTER TABLE "Journal" ALTER COLUMN "Note" TYPE character varying(10000);
