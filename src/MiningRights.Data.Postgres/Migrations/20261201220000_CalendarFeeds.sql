-- Holders' calendar feeds (issue 11): the secret, rotatable token of each feed's address. New table only.

CREATE TABLE "CalendarFeeds" (
    "HolderId" uuid NOT NULL,
    "Token" character varying(64) NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CalendarFeeds" PRIMARY KEY ("HolderId"),
    CONSTRAINT "FK_CalendarFeeds_Holders_HolderId" FOREIGN KEY ("HolderId") REFERENCES "Holders" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CalendarFeeds_Token" ON "CalendarFeeds" ("Token");
