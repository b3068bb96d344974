-- The audit trail's hash chain (issue 12): each entry's place in the chain and its hash, set when the entry is sealed.
-- Entries written before this release are sealed by the first run of the audit-seal job, in the order they were written.

ALTER TABLE "AuditEvents" ADD "ChainSequence" bigint NULL;

ALTER TABLE "AuditEvents" ADD "Hash" character varying(64) NULL;

CREATE UNIQUE INDEX "IX_AuditEvents_ChainSequence" ON "AuditEvents" ("ChainSequence");
