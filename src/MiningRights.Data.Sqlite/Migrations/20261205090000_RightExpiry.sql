-- The register's expiry filters and the list of rights about to expire (issue 23) read rights by the day their term ends.

CREATE INDEX "IX_Rights_ExpiresOn" ON "Rights" ("ExpiresOn");
