-- Complete public announcements (issue 23): the last day bids are taken and the contact the announcement publishes
-- (both null for notices published before: they named neither).

ALTER TABLE "TransferAnnouncements" ADD COLUMN "BiddingEndsOn" TEXT NULL;

ALTER TABLE "TransferAnnouncements" ADD COLUMN "Contact" TEXT NULL;
