-- Overlaps kept when ground is written (issue 21, point 5): where two footprints share ground, one row a pair, read by the
-- block pool's map instead of intersecting polygons at each view; each footprint's GeoJSON, for the same map; and when a
-- footprint's overlaps were recorded. Footprints written before this release have neither: the service records them
-- at its next start (GroundCheck.RecordPendingAsync), before the pool is viewed. An index that holds a footprint's box
-- by its owner, so that the map reads boxes without reading through the polygons' text.

ALTER TABLE "Footprints" ADD COLUMN "GeoJson" TEXT NULL;

ALTER TABLE "Footprints" ADD COLUMN "OverlapsRecordedAtUtc" TEXT NULL;

CREATE TABLE "GroundOverlaps" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_GroundOverlaps" PRIMARY KEY,
    "BlockId" TEXT NOT NULL,
    "OtherKind" TEXT NOT NULL,
    "OtherId" TEXT NOT NULL,
    "AreaKm2" TEXT NOT NULL,
    "GeoJson" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL
);

CREATE INDEX "IX_Footprints_OverlapsRecordedAtUtc" ON "Footprints" ("OverlapsRecordedAtUtc");

CREATE INDEX "IX_Footprints_OwnerKind_OwnerId_Box" ON "Footprints" ("OwnerKind", "OwnerId", "MinLongitude", "MinLatitude", "MaxLongitude", "MaxLatitude");

CREATE UNIQUE INDEX "IX_GroundOverlaps_BlockId_OtherKind_OtherId" ON "GroundOverlaps" ("BlockId", "OtherKind", "OtherId");
