-- Public transfer (issue 8): the transfer block pool with footprints (polygons and their bounding boxes), annual
-- transfer plans, announcements, disclosure objections, transfer contracts with clauses, installments, payments and
-- amendments. New tables only; nothing existing changes.

CREATE TABLE "Footprints" (
    "Id" uuid NOT NULL,
    "OwnerKind" character varying(16) NOT NULL,
    "OwnerId" uuid NOT NULL,
    "PolygonWkt" text NOT NULL,
    "AreaKm2" numeric(18,4) NOT NULL,
    "MinLongitude" double precision NOT NULL,
    "MinLatitude" double precision NOT NULL,
    "MaxLongitude" double precision NOT NULL,
    "MaxLatitude" double precision NOT NULL,
    CONSTRAINT "PK_Footprints" PRIMARY KEY ("Id")
);

CREATE TABLE "TransferBlocks" (
    "Id" uuid NOT NULL,
    "Code" character varying(40) NOT NULL,
    "Name" character varying(200) NOT NULL,
    "Minerals" character varying(200) NOT NULL,
    "CountyCode" character varying(6) NOT NULL,
    "AuthorityCode" character varying(6) NOT NULL,
    "IntendedKind" character varying(16) NOT NULL,
    "BlankArea" boolean NOT NULL,
    "AreaKm2" numeric(18,4) NOT NULL,
    "PriorityMineral" boolean NOT NULL,
    "MajorProjectInfrastructure" boolean NOT NULL,
    "MineScale" character varying(16),
    "MountainOrIslandCounty" boolean NOT NULL,
    "CombinedSupply" character varying(20) NOT NULL,
    "Status" character varying(16) NOT NULL,
    "PlanId" uuid,
    "QuotaSource" character varying(20) NOT NULL,
    "TransferMode" character varying(16),
    "HolderId" uuid,
    "RightId" uuid,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "UpdatedAtUtc" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_TransferBlocks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TransferBlocks_Jurisdictions_AuthorityCode" FOREIGN KEY ("AuthorityCode") REFERENCES "Jurisdictions" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_TransferBlocks_Jurisdictions_CountyCode" FOREIGN KEY ("CountyCode") REFERENCES "Jurisdictions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "TransferPlans" (
    "Id" uuid NOT NULL,
    "JurisdictionCode" character varying(6) NOT NULL,
    "Year" integer NOT NULL,
    "Quota" integer NOT NULL,
    "Used" integer NOT NULL,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_TransferPlans" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TransferPlans_Jurisdictions_JurisdictionCode" FOREIGN KEY ("JurisdictionCode") REFERENCES "Jurisdictions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "DisclosureObjections" (
    "Id" uuid NOT NULL,
    "BlockId" uuid NOT NULL,
    "InstanceId" uuid NOT NULL,
    "Objector" character varying(200) NOT NULL,
    "Grounds" character varying(4000) NOT NULL,
    "ReceivedOn" date NOT NULL,
    "RecordedBy" character varying(256) NOT NULL,
    "Decision" character varying(16),
    "DecisionReasons" character varying(4000),
    "DecidedBy" character varying(256),
    "DecidedAtUtc" timestamp with time zone,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_DisclosureObjections" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_DisclosureObjections_TransferBlocks_BlockId" FOREIGN KEY ("BlockId") REFERENCES "TransferBlocks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TransferAnnouncements" (
    "Id" uuid NOT NULL,
    "BlockId" uuid NOT NULL,
    "InstanceId" uuid NOT NULL,
    "Kind" character varying(16) NOT NULL,
    "Method" character varying(16) NOT NULL,
    "TitleZh" character varying(300) NOT NULL,
    "TitleEn" character varying(300) NOT NULL,
    "StartingPrice" numeric(18,2),
    "Price" numeric(18,2),
    "TransfereeName" character varying(400),
    "StartsOn" date NOT NULL,
    "EndsOn" date,
    "RuleId" character varying(16) NOT NULL,
    "PublishedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_TransferAnnouncements" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TransferAnnouncements_TransferBlocks_BlockId" FOREIGN KEY ("BlockId") REFERENCES "TransferBlocks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TransferContracts" (
    "Id" uuid NOT NULL,
    "Number" character varying(64) NOT NULL,
    "BlockId" uuid NOT NULL,
    "HolderId" uuid NOT NULL,
    "AuthorityCode" character varying(6) NOT NULL,
    "SignedOn" date NOT NULL,
    "Collection" character varying(16) NOT NULL,
    "TotalIncome" numeric(18,2) NOT NULL,
    "RatePercent" numeric(9,4),
    "SignedBy" character varying(256) NOT NULL,
    "RightId" uuid,
    "VoidedAtUtc" timestamp with time zone,
    "CreatedAtUtc" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_TransferContracts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_TransferContracts_Holders_HolderId" FOREIGN KEY ("HolderId") REFERENCES "Holders" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TransferContracts_TransferBlocks_BlockId" FOREIGN KEY ("BlockId") REFERENCES "TransferBlocks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ContractAmendments" (
    "Id" uuid NOT NULL,
    "ContractId" uuid NOT NULL,
    "Sequence" integer NOT NULL,
    "AmendedOn" date NOT NULL,
    "Reason" character varying(2000) NOT NULL,
    "Change" character varying(8000) NOT NULL,
    "RecordedBy" character varying(256) NOT NULL,
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ContractAmendments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ContractAmendments_TransferContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "TransferContracts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContractClauses" (
    "Id" uuid NOT NULL,
    "ContractId" uuid NOT NULL,
    "Number" character varying(32) NOT NULL,
    "Kind" character varying(20) NOT NULL,
    "TextZh" character varying(4000) NOT NULL,
    "TextEn" character varying(4000) NOT NULL,
    "DueOn" date,
    "AmountYuan" numeric(18,2),
    "AmendmentSequence" integer,
    CONSTRAINT "PK_ContractClauses" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ContractClauses_TransferContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "TransferContracts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IncomeInstallments" (
    "Id" uuid NOT NULL,
    "ContractId" uuid NOT NULL,
    "Sequence" integer NOT NULL,
    "DueOn" date NOT NULL,
    "Amount" numeric(18,2),
    "RevenueYear" integer,
    "Revenue" numeric(18,2),
    "DeclaredOn" date,
    "PaidAmount" numeric(18,2) NOT NULL,
    "PaidOn" date,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_IncomeInstallments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IncomeInstallments_TransferContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "TransferContracts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IncomePayments" (
    "Id" uuid NOT NULL,
    "ContractId" uuid NOT NULL,
    "InstallmentId" uuid NOT NULL,
    "Amount" numeric(18,2) NOT NULL,
    "PaidOn" date NOT NULL,
    "Reference" character varying(100) NOT NULL,
    "RecordedBy" character varying(256) NOT NULL,
    "RecordedAtUtc" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_IncomePayments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_IncomePayments_IncomeInstallments_InstallmentId" FOREIGN KEY ("InstallmentId") REFERENCES "IncomeInstallments" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IncomePayments_TransferContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "TransferContracts" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_ContractAmendments_ContractId_Sequence" ON "ContractAmendments" ("ContractId", "Sequence");

CREATE UNIQUE INDEX "IX_ContractClauses_ContractId_Number" ON "ContractClauses" ("ContractId", "Number");

CREATE INDEX "IX_DisclosureObjections_BlockId" ON "DisclosureObjections" ("BlockId");

CREATE INDEX "IX_DisclosureObjections_InstanceId" ON "DisclosureObjections" ("InstanceId");

CREATE INDEX "IX_Footprints_MinLongitude_MaxLongitude_MinLatitude_MaxLatitude" ON "Footprints" ("MinLongitude", "MaxLongitude", "MinLatitude", "MaxLatitude");

CREATE UNIQUE INDEX "IX_Footprints_OwnerKind_OwnerId" ON "Footprints" ("OwnerKind", "OwnerId");

CREATE UNIQUE INDEX "IX_IncomeInstallments_ContractId_Sequence" ON "IncomeInstallments" ("ContractId", "Sequence");

CREATE INDEX "IX_IncomePayments_ContractId" ON "IncomePayments" ("ContractId");

CREATE INDEX "IX_IncomePayments_InstallmentId" ON "IncomePayments" ("InstallmentId");

CREATE INDEX "IX_TransferAnnouncements_BlockId" ON "TransferAnnouncements" ("BlockId");

CREATE INDEX "IX_TransferAnnouncements_PublishedAtUtc_Id" ON "TransferAnnouncements" ("PublishedAtUtc", "Id");

CREATE INDEX "IX_TransferBlocks_AuthorityCode" ON "TransferBlocks" ("AuthorityCode");

CREATE UNIQUE INDEX "IX_TransferBlocks_Code" ON "TransferBlocks" ("Code");

CREATE INDEX "IX_TransferBlocks_CountyCode" ON "TransferBlocks" ("CountyCode");

CREATE INDEX "IX_TransferBlocks_HolderId" ON "TransferBlocks" ("HolderId");

CREATE INDEX "IX_TransferBlocks_Status_PriorityMineral" ON "TransferBlocks" ("Status", "PriorityMineral");

CREATE UNIQUE INDEX "IX_TransferContracts_BlockId" ON "TransferContracts" ("BlockId") WHERE "VoidedAtUtc" IS NULL;

CREATE INDEX "IX_TransferContracts_HolderId" ON "TransferContracts" ("HolderId");

CREATE UNIQUE INDEX "IX_TransferContracts_Number" ON "TransferContracts" ("Number");

CREATE UNIQUE INDEX "IX_TransferPlans_JurisdictionCode_Year" ON "TransferPlans" ("JurisdictionCode", "Year");
