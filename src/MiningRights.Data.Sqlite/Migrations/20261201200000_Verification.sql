-- Quarterly verification of rights nearing expiry (issue 10, GS-9b, GS-9c): one batch per registration authority and
-- quarter, one task per right for its location county. New tables only.

CREATE TABLE "VerificationBatches" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VerificationBatches" PRIMARY KEY,
    "AuthorityCode" TEXT NOT NULL,
    "Quarter" TEXT NOT NULL,
    "WindowFrom" TEXT NOT NULL,
    "WindowTo" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL
);

CREATE TABLE "VerificationTasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VerificationTasks" PRIMARY KEY,
    "BatchId" TEXT NOT NULL,
    "RightId" TEXT NOT NULL,
    "CountyCode" TEXT NOT NULL,
    "ReportsTo" TEXT NOT NULL,
    "ExpiresOn" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_VerificationTasks_Rights_RightId" FOREIGN KEY ("RightId") REFERENCES "Rights" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VerificationTasks_VerificationBatches_BatchId" FOREIGN KEY ("BatchId") REFERENCES "VerificationBatches" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_VerificationBatches_AuthorityCode_Quarter" ON "VerificationBatches" ("AuthorityCode", "Quarter");

CREATE UNIQUE INDEX "IX_VerificationTasks_BatchId_RightId" ON "VerificationTasks" ("BatchId", "RightId");

CREATE INDEX "IX_VerificationTasks_CountyCode" ON "VerificationTasks" ("CountyCode");

CREATE INDEX "IX_VerificationTasks_RightId" ON "VerificationTasks" ("RightId");
