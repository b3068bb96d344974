-- Public transfer (issue 8): the transfer block pool with footprints (polygons and their bounding boxes), annual
-- transfer plans, announcements, disclosure objections, transfer contracts with clauses, installments, payments and
-- amendments. New tables only; nothing existing changes.

CREATE TABLE "Footprints" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Footprints" PRIMARY KEY,
    "OwnerKind" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "PolygonWkt" TEXT NOT NULL,
    "AreaKm2" TEXT NOT NULL,
    "MinLongitude" REAL NOT NULL,
    "MinLatitude" REAL NOT NULL,
    "MaxLongitude" REAL NOT NULL,
    "MaxLatitude" REAL NOT NULL
);

CREATE TABLE "TransferBlocks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TransferBlocks" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Minerals" TEXT NOT NULL,
    "CountyCode" TEXT NOT NULL,
    "AuthorityCode" TEXT NOT NULL,
    "IntendedKind" TEXT NOT NULL,
    "BlankArea" INTEGER NOT NULL,
    "AreaKm2" TEXT NOT NULL,
    "PriorityMineral" INTEGER NOT NULL,
    "MajorProjectInfrastructure" INTEGER NOT NULL,
    "MineScale" TEXT NULL,
    "MountainOrIslandCounty" INTEGER NOT NULL,
    "CombinedSupply" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "PlanId" TEXT NULL,
    "QuotaSource" TEXT NOT NULL,
    "TransferMode" TEXT NULL,
    "HolderId" TEXT NULL,
    "RightId" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_TransferBlocks_Jurisdictions_AuthorityCode" FOREIGN KEY ("AuthorityCode") REFERENCES "Jurisdictions" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_TransferBlocks_Jurisdictions_CountyCode" FOREIGN KEY ("CountyCode") REFERENCES "Jurisdictions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "TransferPlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TransferPlans" PRIMARY KEY,
    "JurisdictionCode" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Quota" INTEGER NOT NULL,
    "Used" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_TransferPlans_Jurisdictions_JurisdictionCode" FOREIGN KEY ("JurisdictionCode") REFERENCES "Jurisdictions" ("Code") ON DELETE RESTRICT
);

CREATE TABLE "DisclosureObjections" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_DisclosureObjections" PRIMARY KEY,
    "BlockId" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "Objector" TEXT NOT NULL,
    "Grounds" TEXT NOT NULL,
    "ReceivedOn" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "Decision" TEXT NULL,
    "DecisionReasons" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAtUtc" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_DisclosureObjections_TransferBlocks_BlockId" FOREIGN KEY ("BlockId") REFERENCES "TransferBlocks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TransferAnnouncements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TransferAnnouncements" PRIMARY KEY,
    "BlockId" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Method" TEXT NOT NULL,
    "TitleZh" TEXT NOT NULL,
    "TitleEn" TEXT NOT NULL,
    "StartingPrice" TEXT NULL,
    "Price" TEXT NULL,
    "TransfereeName" TEXT NULL,
    "StartsOn" TEXT NOT NULL,
    "EndsOn" TEXT NULL,
    "RuleId" TEXT NOT NULL,
    "PublishedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_TransferAnnouncements_TransferBlocks_BlockId" FOREIGN KEY ("BlockId") REFERENCES "TransferBlocks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "TransferContracts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_TransferContracts" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "BlockId" TEXT NOT NULL,
    "HolderId" TEXT NOT NULL,
    "AuthorityCode" TEXT NOT NULL,
    "SignedOn" TEXT NOT NULL,
    "Collection" TEXT NOT NULL,
    "TotalIncome" TEXT NOT NULL,
    "RatePercent" TEXT NULL,
    "SignedBy" TEXT NOT NULL,
    "RightId" TEXT NULL,
    "VoidedAtUtc" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_TransferContracts_Holders_HolderId" FOREIGN KEY ("HolderId") REFERENCES "Holders" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_TransferContracts_TransferBlocks_BlockId" FOREIGN KEY ("BlockId") REFERENCES "TransferBlocks" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ContractAmendments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContractAmendments" PRIMARY KEY,
    "ContractId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "AmendedOn" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Change" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_ContractAmendments_TransferContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "TransferContracts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContractClauses" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContractClauses" PRIMARY KEY,
    "ContractId" TEXT NOT NULL,
    "Number" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "TextZh" TEXT NOT NULL,
    "TextEn" TEXT NOT NULL,
    "DueOn" TEXT NULL,
    "AmountYuan" TEXT NULL,
    "AmendmentSequence" INTEGER NULL,
    CONSTRAINT "FK_ContractClauses_TransferContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "TransferContracts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IncomeInstallments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IncomeInstallments" PRIMARY KEY,
    "ContractId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Amount" TEXT NULL,
    "RevenueYear" INTEGER NULL,
    "Revenue" TEXT NULL,
    "DeclaredOn" TEXT NULL,
    "PaidAmount" TEXT NOT NULL,
    "PaidOn" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_IncomeInstallments_TransferContracts_ContractId" FOREIGN KEY ("ContractId") REFERENCES "TransferContracts" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IncomePayments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IncomePayments" PRIMARY KEY,
    "ContractId" TEXT NOT NULL,
    "InstallmentId" TEXT NOT NULL,
    "Amount" TEXT NOT NULL,
    "PaidOn" TEXT NOT NULL,
    "Reference" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAtUtc" TEXT NOT NULL,
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
