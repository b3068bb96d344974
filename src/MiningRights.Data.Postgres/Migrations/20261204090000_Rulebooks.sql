-- Rulebooks as data (issue 22): the text of every rulebook under its SHA-256, so that a citation pinned to a hash can be
-- read back after the product's files change, and the rulebooks an administrator adds (every node loads them); the day
-- each instance's duty arose (null for instances from before: their start day stands); the citation text of each
-- journal entry and case as it was on its day (null for entries from before: their rule ID stands).

CREATE TABLE "Rulebooks" (
    "ContentHash" character varying(64) NOT NULL,
    "RulebookId" character varying(100) NOT NULL,
    "FileName" character varying(200) NOT NULL,
    "Json" text NOT NULL,
    "Origin" character varying(16) NOT NULL,
    "AddedBy" character varying(256),
    "StoredAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Rulebooks" PRIMARY KEY ("ContentHash")
);

CREATE INDEX "IX_Rulebooks_Origin" ON "Rulebooks" ("Origin");

ALTER TABLE "WorkflowInstances" ADD "ArisenOn" date;

ALTER TABLE "Journal" ADD "Citation" character varying(4000);

ALTER TABLE "Cases" ADD "Citation" character varying(4000);
