-- Holders' calendar feeds (issue 11): the secret, rotatable token of each feed's address. New table only.

CREATE TABLE "CalendarFeeds" (
    "HolderId" TEXT NOT NULL CONSTRAINT "PK_CalendarFeeds" PRIMARY KEY,
    "Token" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_CalendarFeeds_Holders_HolderId" FOREIGN KEY ("HolderId") REFERENCES "Holders" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_CalendarFeeds_Token" ON "CalendarFeeds" ("Token");
