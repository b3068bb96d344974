-- Runs of the scheduled jobs (issue 11's administration page). New table only.

CREATE TABLE "JobRuns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_JobRuns" PRIMARY KEY,
    "Job" TEXT NOT NULL,
    "Node" TEXT NOT NULL,
    "StartedAtUtc" TEXT NOT NULL,
    "DurationMs" INTEGER NOT NULL,
    "Items" INTEGER NULL,
    "Outcome" TEXT NOT NULL,
    "Error" TEXT NULL
);

CREATE INDEX "IX_JobRuns_Job_StartedAtUtc" ON "JobRuns" ("Job", "StartedAtUtc");
