-- The officers' overview (issue 23): each figure is one grouped query over a province's rights, duties and cases. Rights
-- are counted by place, status, kind and expiry from one index; the duties due in a window, and the overdue ones, are
-- found by state and due day; a duty whose case is closed is found by its instance.
CREATE INDEX "IX_Rights_Overview" ON "Rights" ("LocationCountyCode", "AuthorityCode", "Status", "Kind", "ExpiresOn");
CREATE INDEX "IX_Deadlines_State_DueOn" ON "Deadlines" ("State", "DueOn");
CREATE INDEX "IX_Cases_InstanceId" ON "Cases" ("InstanceId");
