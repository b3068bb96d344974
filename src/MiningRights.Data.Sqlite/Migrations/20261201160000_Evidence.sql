-- Contract monitoring (issue 9): evidence files sent with signals (a report's proof, a relief claim's certificates),
-- kept with the journal entry of their step; and contracts the authority enters for rights registered before the
-- service, which have no transfer block: "BlockId" becomes optional and a right has one contract in force.
-- SQLite cannot drop a NOT NULL in place: TransferContracts is rebuilt (foreign keys are off around this script; the
-- tables that refer to it by name refer to the rebuilt one).

CREATE TABLE "EvidenceFiles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvidenceFiles" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "JournalSequence" INTEGER NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StoragePath" TEXT NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "UploadedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_EvidenceFiles_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_EvidenceFiles_InstanceId_JournalSequence" ON "EvidenceFiles" ("InstanceId", "JournalSequence");

CREATE TABLE "ef_temp_TransferContracts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TransferContracts" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "BlockId" TEXT NULL,
    "HolderId" TEXT NOT NULL,
    "AuthorityCode" TEXT NOT NULL,
    "SignedOn" TEXT NOT NULL,
    "Collection" TEXT NOT NULL,
    "TotalIncome" TEXT NOT NULL,
    "RatePercent" TEXT NULL,
    "SignedBy" TEXT NOT NULL,
    "RightId" TEXT NULL,
    "VoidedAtUtc" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_TransferContracts_Holders_HolderId" FOREIGN KEY ("HolderId") REFERENCES "Holders" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TransferContracts_TransferBlocks_BlockId" FOREIGN KEY ("BlockId") REFERENCES "TransferBlocks" ("Id") ON DELETE RESTRICT
);
INSERT INTO "ef_temp_TransferContracts" ("Id", "Number", "BlockId", "HolderId", "AuthorityCode", "SignedOn", "Collection", "TotalIncome", "RatePercent", "SignedBy", "RightId", "VoidedAtUtc", "CreatedAtUtc", "Version")
SELECT "Id", "Number", "BlockId", "HolderId", "AuthorityCode", "SignedOn", "Collection", "TotalIncome", "RatePercent", "SignedBy", "RightId", "VoidedAtUtc", "CreatedAtUtc", "Version"
FROM "TransferContracts";
DROP TABLE "TransferContracts";
ALTER TABLE "ef_temp_TransferContracts" RENAME TO "TransferContracts";
CREATE UNIQUE INDEX "IX_TransferContracts_BlockId" ON "TransferContracts" ("BlockId") WHERE "VoidedAtUtc" IS NULL;
CREATE INDEX "IX_TransferContracts_HolderId" ON "TransferContracts" ("HolderId");
CREATE UNIQUE INDEX "IX_TransferContracts_Number" ON "TransferContracts" ("Number");
CREATE UNIQUE INDEX "IX_TransferContracts_RightId" ON "TransferContracts" ("RightId") WHERE "VoidedAtUtc" IS NULL;
