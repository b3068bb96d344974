-- Overlaps kept when ground is written (issue 21, point 5): where two footprints share ground, one row a pair, read by the
-- block pool's map instead of intersecting polygons at each view; each footprint's GeoJSON, for the same map; and when a
-- footprint's overlaps were recorded. Footprints written before this release have neither: the service records them
-- at its next start (GroundCheck.RecordPendingAsync), before the pool is viewed. An index that holds a footprint's box
-- by its owner, so that the map reads boxes without reading through the polygons' text.

ALTER TABLE "Footprints" ADD "GeoJson" text;

ALTER TABLE "Footprints" ADD "OverlapsRecordedAtUtc" timestamp with time zone;

CREATE TABLE "GroundOverlaps" (
    "Id" uuid NOT NULL,
    "BlockId" uuid NOT NULL,
    "OtherKind" character varying(16) NOT NULL,
    "OtherId" uuid NOT NULL,
    "AreaKm2" numeric(18,4) NOT NULL,
    "GeoJson" text NOT NULL,
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_GroundOverlaps" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_Footprints_OverlapsRecordedAtUtc" ON "Footprints" ("OverlapsRecordedAtUtc");

CREATE INDEX "IX_Footprints_OwnerKind_OwnerId_Box" ON "Footprints" ("OwnerKind", "OwnerId", "MinLongitude", "MinLatitude", "MaxLongitude", "MaxLatitude");

CREATE UNIQUE INDEX "IX_GroundOverlaps_BlockId_OtherKind_OtherId" ON "GroundOverlaps" ("BlockId", "OtherKind", "OtherId");
