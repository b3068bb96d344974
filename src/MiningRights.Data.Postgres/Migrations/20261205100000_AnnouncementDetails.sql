-- Complete public announcements (issue 23): the last day bids are taken and the contact the announcement publishes
-- (both null for notices published before: they named neither).

ALTER TABLE "TransferAnnouncements" ADD "BiddingEndsOn" date;

ALTER TABLE "TransferAnnouncements" ADD "Contact" character varying(200);
