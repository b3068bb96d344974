-- Quarterly verification of rights nearing expiry (issue 10, GS-9b, GS-9c): one batch per registration authority and
-- quarter, one task per right for its location county. New tables only.

CREATE TABLE "VerificationBatches" (
    "Id" uuid NOT NULL,
    "AuthorityCode" character varying(6) NOT NULL,
    "Quarter" character varying(7) NOT NULL,
    "WindowFrom" date NOT NULL,
    "WindowTo" date NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_VerificationBatches" PRIMARY KEY ("Id")
);

CREATE TABLE "VerificationTasks" (
    "Id" uuid NOT NULL,
    "BatchId" uuid NOT NULL,
    "RightId" uuid NOT NULL,
    "CountyCode" character varying(6) NOT NULL,
    "ReportsTo" character varying(6) NOT NULL,
    "ExpiresOn" date NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_VerificationTasks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_VerificationTasks_Rights_RightId" FOREIGN KEY ("RightId") REFERENCES "Rights" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_VerificationTasks_VerificationBatches_BatchId" FOREIGN KEY ("BatchId") REFERENCES "VerificationBatches" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_VerificationBatches_AuthorityCode_Quarter" ON "VerificationBatches" ("AuthorityCode", "Quarter");

CREATE UNIQUE INDEX "IX_VerificationTasks_BatchId_RightId" ON "VerificationTasks" ("BatchId", "RightId");

CREATE INDEX "IX_VerificationTasks_CountyCode" ON "VerificationTasks" ("CountyCode");

CREATE INDEX "IX_VerificationTasks_RightId" ON "VerificationTasks" ("RightId");
