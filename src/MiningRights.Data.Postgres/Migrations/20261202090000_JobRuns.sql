-- Runs of the scheduled jobs (issue 11's administration page). New table only.

CREATE TABLE "JobRuns" (
    "Id" uuid NOT NULL,
    "Job" character varying(100) NOT NULL,
    "Node" character varying(200) NOT NULL,
    "StartedAtUtc" timestamp with time zone NOT NULL,
    "DurationMs" bigint NOT NULL,
    "Items" integer NULL,
    "Outcome" character varying(20) NOT NULL,
    "Error" character varying(2000) NULL,
    CONSTRAINT "PK_JobRuns" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_JobRuns_Job_StartedAtUtc" ON "JobRuns" ("Job", "StartedAtUtc");
