-- Rulebooks as data (issue 22): the text of every rulebook under its SHA-256, so that a citation pinned to a hash can be
-- read back after the product's files change, and the rulebooks an administrator adds (every node loads them); the day
-- each instance's duty arose (null for instances from before: their start day stands); the citation text of each
-- journal entry and case as it was on its day (null for entries from before: their rule ID stands).

CREATE TABLE "Rulebooks" (
    "ContentHash" TEXT NOT NULL CONSTRAINT "PK_Rulebooks" PRIMARY KEY,
    "RulebookId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "Origin" TEXT NOT NULL,
    "AddedBy" TEXT NULL,
    "StoredAtUtc" TEXT NOT NULL
);

CREATE INDEX "IX_Rulebooks_Origin" ON "Rulebooks" ("Origin");

ALTER TABLE "WorkflowInstances" ADD COLUMN "ArisenOn" TEXT NULL;

ALTER TABLE "Journal" ADD COLUMN "Citation" TEXT NULL;

ALTER TABLE "Cases" ADD COLUMN "Citation" TEXT NULL;
