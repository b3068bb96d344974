-- The job runs are kept by the job scheduler (its dashboard shows them); the service no longer keeps its own table.

DROP TABLE "JobRuns";
