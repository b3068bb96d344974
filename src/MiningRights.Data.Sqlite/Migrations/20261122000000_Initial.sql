CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);


CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "HolderId" TEXT NULL,
    "JurisdictionCode" TEXT NULL,
    "Language" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "AuditEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEvents" PRIMARY KEY AUTOINCREMENT,
    "AtUtc" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "RightId" TEXT NULL,
    "RuleId" TEXT NULL,
    "Detail" TEXT NOT NULL
);


CREATE TABLE "Cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "RightId" TEXT NOT NULL,
    "HolderId" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "JurisdictionCode" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "TitleZh" TEXT NOT NULL,
    "TitleEn" TEXT NOT NULL,
    "Severity" INTEGER NOT NULL,
    "DueOn" TEXT NULL,
    "Status" TEXT NOT NULL,
    "OpenedAtUtc" TEXT NOT NULL
);


CREATE TABLE "DefinitionSnapshots" (
    "ContentHash" TEXT NOT NULL CONSTRAINT "PK_DefinitionSnapshots" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Json" TEXT NOT NULL,
    "StoredAtUtc" TEXT NOT NULL
);


CREATE TABLE "Holders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Holders" PRIMARY KEY,
    "CreditCode" TEXT NOT NULL,
    "NameZh" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "ContactEmails" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL
);


CREATE TABLE "Jurisdictions" (
    "Code" TEXT NOT NULL CONSTRAINT "PK_Jurisdictions" PRIMARY KEY,
    "ParentCode" TEXT NULL,
    "Level" TEXT NOT NULL,
    "NameZh" TEXT NOT NULL,
    "NameEn" TEXT NOT NULL
);


CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "RightId" TEXT NOT NULL,
    "HolderId" TEXT NULL,
    "DeadlineId" TEXT NULL,
    "Stage" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "Recipient" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "TextBody" TEXT NOT NULL,
    "HtmlBody" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAtUtc" TEXT NOT NULL,
    "LastError" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "SentAtUtc" TEXT NULL
);


CREATE TABLE "Plans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Plans" PRIMARY KEY,
    "RightId" TEXT NOT NULL,
    "HolderId" TEXT NOT NULL,
    "InstanceId" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "StoragePath" TEXT NOT NULL,
    "SubmittedBy" TEXT NOT NULL,
    "SubmittedAtUtc" TEXT NOT NULL,
    "Late" INTEGER NOT NULL,
    "MineScale" TEXT NULL,
    "ServiceLifeYears" INTEGER NULL,
    "MiningMethod" TEXT NULL,
    "DesignCapacity" TEXT NULL,
    "Status" TEXT NOT NULL,
    "ReviewedBy" TEXT NULL,
    "ReviewedAtUtc" TEXT NULL,
    "ReviewNotes" TEXT NULL,
    "ExpertReviewOn" TEXT NULL,
    "ExpertPanel" TEXT NULL
);


CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Rights" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Rights" PRIMARY KEY,
    "LicenseNumber" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "HolderId" TEXT NOT NULL,
    "ProjectName" TEXT NOT NULL,
    "Minerals" TEXT NOT NULL,
    "AreaKm2" TEXT NOT NULL,
    "LocationCountyCode" TEXT NOT NULL,
    "AuthorityCode" TEXT NOT NULL,
    "TransferMode" TEXT NOT NULL,
    "BlankArea" INTEGER NOT NULL,
    "RegisteredOn" TEXT NOT NULL,
    "IssuedOn" TEXT NOT NULL,
    "ExpiresOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ProvisionalRuleId" TEXT NULL,
    "ServiceLifeYears" INTEGER NULL,
    "MiningMethod" TEXT NULL,
    "MineScale" TEXT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_Rights_Holders_HolderId" FOREIGN KEY ("HolderId") REFERENCES "Holders" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Rights_Jurisdictions_AuthorityCode" FOREIGN KEY ("AuthorityCode") REFERENCES "Jurisdictions" ("Code") ON DELETE RESTRICT,
    CONSTRAINT "FK_Rights_Jurisdictions_LocationCountyCode" FOREIGN KEY ("LocationCountyCode") REFERENCES "Jurisdictions" ("Code") ON DELETE RESTRICT
);


CREATE TABLE "WorkflowInstances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowInstances" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "DefinitionHash" TEXT NOT NULL,
    "RightId" TEXT NOT NULL,
    "HolderId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Finished" INTEGER NOT NULL,
    "DatesJson" TEXT NOT NULL,
    "DataJson" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "UpdatedAtUtc" TEXT NOT NULL,
    CONSTRAINT "FK_WorkflowInstances_Rights_RightId" FOREIGN KEY ("RightId") REFERENCES "Rights" ("Id") ON DELETE RESTRICT
);


CREATE TABLE "Deadlines" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Deadlines" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "RightId" TEXT NOT NULL,
    "HolderId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "WhatZh" TEXT NOT NULL,
    "WhatEn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Escalation" INTEGER NOT NULL,
    "ExpiresAtUtc" TEXT NOT NULL,
    "ReminderDays" TEXT NOT NULL,
    "StagesDone" TEXT NOT NULL,
    "NextStage" TEXT NULL,
    "NextActionAtUtc" TEXT NULL,
    "State" TEXT NOT NULL,
    "CreatedAtUtc" TEXT NOT NULL,
    "ClosedAtUtc" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Deadlines_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE CASCADE
);


CREATE TABLE "Journal" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Journal" PRIMARY KEY AUTOINCREMENT,
    "InstanceId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "AtUtc" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Trigger" TEXT NOT NULL,
    "FromState" TEXT NULL,
    "ToState" TEXT NOT NULL,
    "RuleId" TEXT NOT NULL,
    "Note" TEXT NULL,
    CONSTRAINT "FK_Journal_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");


CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");


CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");


CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");


CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");


CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");


CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");


CREATE INDEX "IX_AuditEvents_RightId" ON "AuditEvents" ("RightId");


CREATE INDEX "IX_Cases_JurisdictionCode_Status" ON "Cases" ("JurisdictionCode", "Status");


CREATE UNIQUE INDEX "IX_Cases_Key" ON "Cases" ("Key");


CREATE INDEX "IX_Cases_RightId" ON "Cases" ("RightId");


CREATE INDEX "IX_Deadlines_HolderId_State_DueOn" ON "Deadlines" ("HolderId", "State", "DueOn");


CREATE INDEX "IX_Deadlines_InstanceId" ON "Deadlines" ("InstanceId");


CREATE INDEX "IX_Deadlines_NextActionAtUtc" ON "Deadlines" ("NextActionAtUtc");


CREATE INDEX "IX_Deadlines_RightId" ON "Deadlines" ("RightId");


CREATE UNIQUE INDEX "IX_Holders_CreditCode" ON "Holders" ("CreditCode");


CREATE UNIQUE INDEX "IX_Journal_InstanceId_Sequence" ON "Journal" ("InstanceId", "Sequence");


CREATE INDEX "IX_Jurisdictions_ParentCode" ON "Jurisdictions" ("ParentCode");


CREATE UNIQUE INDEX "IX_Notifications_Key" ON "Notifications" ("Key");


CREATE INDEX "IX_Notifications_RightId" ON "Notifications" ("RightId");


CREATE INDEX "IX_Notifications_Status_NextAttemptAtUtc" ON "Notifications" ("Status", "NextAttemptAtUtc");


CREATE INDEX "IX_Plans_RightId" ON "Plans" ("RightId");


CREATE INDEX "IX_Rights_AuthorityCode" ON "Rights" ("AuthorityCode");


CREATE INDEX "IX_Rights_HolderId" ON "Rights" ("HolderId");


CREATE UNIQUE INDEX "IX_Rights_LicenseNumber" ON "Rights" ("LicenseNumber");


CREATE INDEX "IX_Rights_LocationCountyCode" ON "Rights" ("LocationCountyCode");


CREATE INDEX "IX_WorkflowInstances_HolderId" ON "WorkflowInstances" ("HolderId");


CREATE INDEX "IX_WorkflowInstances_RightId" ON "WorkflowInstances" ("RightId");


