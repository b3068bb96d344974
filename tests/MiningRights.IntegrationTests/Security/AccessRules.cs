using MiningRights.IntegrationTests.Infrastructure;
using static MiningRights.IntegrationTests.Security.AccessWorld;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// The rule of every endpoint, page and page handler: who may call it and which of the world's objects each call names.
/// <see cref="AccessMatrixTests"/> fails for an endpoint of the running service that has no rule here, and for a rule
/// whose roles are not the endpoint's, so a new endpoint cannot go unchecked.
/// </summary>
public static class AccessRules
{
    private const string Holder = "Holder";
    private const string Inspector = "Inspector";
    private const string Authority = "Authority";
    private const string Admin = "Admin";

    private static readonly string[] Public = [];
    /// <summary>Anyone signed in: the fallback policy, no role named.</summary>
    private static string[]? SignedIn => null;
    private static readonly string[] Officers = [Inspector, Authority, Admin];
    private static readonly string[] Deciding = [Authority, Admin];
    private static readonly string[] AdminOnly = [Admin];
    private static readonly string[] HolderOnly = [Holder];

    public static IReadOnlyList<AccessRule> All { get; } =
    [
        // Anyone: sign-in, health, the API description, the public notices and the calendar feed (its secret address is the key).
        new("POST", "/api/auth/login", Public, _ => [AccessCall.Plain(new { })]),
        new("GET", "/health", Public, _ => [AccessCall.Plain()]),
        new("GET", "/openapi/{documentName}.json", Public, _ => [Call(Whose.Nobody, ("documentName", AccessArg.Catalogue("v1")))]),
        new("GET", "/api/public/announcements", Public, _ => [AccessCall.Plain()]),
        new("GET", "/api/public/announcements/{id:guid}", Public, w => [Call(Whose.Officers, ("id", new(w.AnnouncementId)))]),
        new("GET", "/calendar/{token}.ics", Public, w => [Call(Whose.HolderA, ("token", new(w.CalendarToken)))]),

        // Anyone signed in, about themselves or the catalogues.
        new("GET", "/api/auth/me", SignedIn, _ => [AccessCall.Plain()]),
        new("POST", "/api/auth/password", SignedIn, _ => [AccessCall.Plain(new { })], Stranger: (_, _) => 400),
        new("POST", "/api/auth/logout", SignedIn, _ => [AccessCall.Plain()], EndsSession: true),
        new("GET", "/api/jurisdictions", SignedIn, _ => [AccessCall.Plain()]),
        new("GET", "/api/policies", SignedIn, _ => [AccessCall.Plain()]),
        new("GET", "/api/workflows/definitions", SignedIn, _ => [AccessCall.Plain()]),
        new("GET", "/api/workflows/definitions/{id}/{version:int}", SignedIn,
            w => [Call(Whose.Nobody, ("id", AccessArg.Catalogue(w.Definition.Id)), ("version", AccessArg.Catalogue(w.Definition.Version)))]),
        new("GET", "/api/workflows/queue", SignedIn, _ => [AccessCall.Plain()], ListsOwn: true),

        // Lists: each caller's own, and a filter naming A's objects opens no way round the scope.
        new("GET", "/api/rights", SignedIn, w => [AccessCall.Plain(), Call(Whose.HolderA, ("holderId", new(w.HolderA.Id.ToString())))], Stranger: (_, _) => 200, ListsOwn: true),
        new("GET", "/api/deadlines", SignedIn, _ => [AccessCall.Plain()], ListsOwn: true),
        new("GET", "/api/blocks", SignedIn, _ => [AccessCall.Plain()], ListsOwn: true),
        // An officer names the right whose duties to list (400 without); a holder lists its own.
        new("GET", "/api/obligations", SignedIn, w => [AccessCall.Plain(), Call(Whose.HolderA, ("rightId", new(w.ContractRight)))],
            Stranger: (s, c) => s != AccessWorld.Stranger.HolderB && !c.NamesObjects ? 400 : null, ListsOwn: true),
        new("GET", "/api/cases", [Inspector, Authority, Admin, Holder], w => [AccessCall.Plain(), Call(Whose.HolderA, ("holderId", new(w.HolderA.Id.ToString())))],
            Stranger: (_, _) => 200, ListsOwn: true),
        new("GET", "/api/cases/export.csv", Officers, w => [AccessCall.Plain(), Call(Whose.HolderA, ("holderId", new(w.HolderA.Id.ToString())))], Stranger: (_, _) => 200),
        new("GET", "/api/transfer-plans", [Authority, Inspector, Admin], _ => [AccessCall.Plain()]),
        new("GET", "/api/holders/me/calendar", HolderOnly, _ => [AccessCall.Plain()], ListsOwn: true),
        new("POST", "/api/holders/me/calendar/rotate", HolderOnly, _ => [AccessCall.Plain()]),
        new("GET", "/api/holders/me/notices", HolderOnly, _ => [AccessCall.Plain()], ListsOwn: true),
        new("GET", "/api/notifications", [Admin, Authority], w => [AccessCall.Plain(), Call(Whose.HolderA, ("instanceId", new(w.Instances[0].Id)))], Stranger: (_, _) => 200),
        new("GET", "/api/verification/batches", Officers, _ => [AccessCall.Plain()]),
        new("GET", "/api/verification/tasks", Officers, w => [AccessCall.Plain(), Call(Whose.Officers, ("batchId", new(w.BatchId)))], Stranger: (_, _) => 200),
        new("POST", "/api/verification/batches/run", Deciding, _ => [AccessCall.Plain()]),

        // The administrators' own.
        new("GET", "/api/accounts", AdminOnly, _ => [AccessCall.Plain()]),
        new("POST", "/api/accounts", AdminOnly, w => [AccessCall.Plain(new { userName = "made-by-a-stranger", password = ServiceFactory.Password, role = Admin, email = "stranger@officers.test", language = "en" })]),
        new("POST", "/api/accounts/{id}/lock", AdminOnly, w => [Call(Whose.HolderA, ("id", new(w.AccountOfA)))]),
        new("POST", "/api/accounts/{id}/unlock", AdminOnly, w => [Call(Whose.HolderA, ("id", new(w.AccountOfA)))]),
        new("GET", "/admin/jobs/{**path}", AdminOnly, _ => [Call(Whose.Nobody, ("path", AccessArg.Catalogue("recurring")))]),
        new("GET", "/api/admin/clock", AdminOnly, _ => [AccessCall.Plain()]),
        new("POST", "/api/policies/rulebooks", AdminOnly, _ => [AccessCall.Plain(new { })]),
        new("POST", "/api/admin/clock", AdminOnly, _ => [AccessCall.Plain(new { advanceDays = 1 })]),
        new("GET", "/api/deadlines/parked", AdminOnly, _ => [AccessCall.Plain()]),
        new("POST", "/api/deadlines/{id:guid}/retry", AdminOnly, w => [Call(Whose.HolderA, ("id", new(w.Deadlines[0])))]),
        new("POST", "/api/notifications/{id:guid}/retry", AdminOnly, w => [Call(Whose.HolderA, ("id", new(w.NotificationId)))]),

        // Registering for the province: an officer elsewhere is refused the province's work (403), whoever it names.
        new("POST", "/api/rights", Deciding, w => [Call(Whose.HolderA, j => Api.ExplorationRight(Guid.Parse(j["holderId"]), new DateOnly(2025, 4, 1)),
            ("holderId", AccessArg.Body(w.HolderA.Id.ToString(), owned: false)))], Stranger: (_, _) => 403),
        new("POST", "/api/holders", Deciding, w => [Call(Whose.Nobody, _ => new
        {
            creditCode = w.CreditCodeOfA, nameZh = "冒名矿业有限公司", nameEn = "Impostor Mining Co., Ltd.", language = "en", contactEmails = new[] { "impostor@holders.test" },
        })], Stranger: (_, _) => 409),
        new("POST", "/api/blocks", Deciding, _ => [Call(Whose.Nobody, _ => Listing.ListingWorld.Block(Listing.ListingWorld.FreshSquare(), County))], Stranger: (_, _) => 403),
        // Importing the province's register: a file naming an authority outside the caller's jurisdiction is refused whole (403).
        new("POST", "/api/imports", Deciding, _ => [Call(Whose.Nobody, _ => Imports.RegisterFile.Form(Imports.RegisterFile.Csv([Imports.RegisterFile.Row(1, "access")])),
            ("dryRun", AccessArg.Catalogue("true")))], Stranger: (_, _) => 403),
        new("GET", "/api/imports/template.csv", Deciding, _ => [AccessCall.Plain()]),
        new("GET", "/api/imports/template.xlsx", Deciding, _ => [AccessCall.Plain()]),
        new("POST", "/api/transfer-plans", Deciding, _ => [AccessCall.Plain(new { jurisdictionCode = County, year = 2025, quota = 1 })], Stranger: (_, _) => 403),

        // A's rights and what hangs on them.
        new("GET", "/api/rights/{id:guid}", SignedIn, w => w.Rights.Select(r => Call(Whose.HolderA, ("id", new(r))))),
        new("GET", "/api/rights/{id:guid}/history", SignedIn, w => w.Rights.Select(r => Call(Whose.HolderA, ("id", new(r))))),
        new("POST", "/api/rights/{rightId:guid}/plans", HolderOnly, w => [Call(Whose.HolderA, _ => AccessCall.Pdf("file"), ("rightId", new(w.RightWithPlan)))]),
        new("GET", "/api/rights/{rightId:guid}/plans", SignedIn, w => w.Rights.Select(r => Call(Whose.HolderA, ("rightId", new(r))))),
        new("GET", "/api/rights/{rightId:guid}/plans/{planId:guid}/document", SignedIn, w => [Call(Whose.HolderA, ("rightId", new(w.RightWithPlan)), ("planId", new(w.PlanId)))]),
        new("POST", "/api/rights/{rightId:guid}/plans/{planId:guid}/decision", [Authority],
            w => [Call(Whose.HolderA, _ => new { decision = "approve" }, ("rightId", new(w.RightWithPlan)), ("planId", new(w.PlanId)))]),
        new("POST", "/api/rights/{rightId:guid}/plans/{planId:guid}/expert-review", [Authority],
            w => [Call(Whose.HolderA, _ => new { passed = true, reviewedOn = "2025-04-01", panel = "省专家组", findings = "通过" }, ("rightId", new(w.RightWithPlan)), ("planId", new(w.PlanId)))]),
        new("POST", "/api/rights/{id:guid}/contract", Deciding, w => [Call(Whose.HolderA, _ => new
        {
            number = "ET-STRANGER", signedOn = "2015-10-20", collection = "amount", totalIncome = 100_000m,
            clauses = new[] { new { number = "第九条", kind = "resultsReport", textZh = "提交成果报告", textEn = "Submit the results report", dueOn = "2025-08-31" } },
        }, ("id", new(w.OldRight)))]),
        new("POST", "/api/rights/{id:guid}/relief-claims", HolderOnly, w => [Call(Whose.HolderA, j => ClaimForm(j["duty"]),
            ("id", new(w.ContractRight)), ("duty", AccessArg.Body(w.UnclaimedDuty)))]),

        new("GET", "/api/deadlines/{id:guid}", SignedIn, w => w.Deadlines.Select(d => Call(Whose.HolderA, ("id", new(d))))),
        new("POST", "/api/deadlines/{id:guid}/extension", Deciding,
            w => [Call(Whose.HolderA, _ => new { dueOn = "2026-12-31", reason = "不可抗力", ruleId = "GS-10b" }, ("id", new(w.Deadlines[0])))]),

        new("GET", "/api/holders/{id:guid}", SignedIn, w => [Call(Whose.HolderA, ("id", new(w.HolderA.Id.ToString())))],
            Stranger: (s, _) => s == AccessWorld.Stranger.HolderB ? 404 : 200),

        new("GET", "/api/cases/{id:guid}", [Inspector, Authority, Admin, Holder], w => [Call(Whose.HolderA, ("id", new(w.CaseId)))]),

        // Blocks, their transfer and the contract.
        new("GET", "/api/blocks/{id:guid}", SignedIn, w => w.Blocks.Select(b => Call(Whose.HolderA, ("id", new(b))))),
        new("POST", "/api/blocks/{id:guid}/plan", Deciding, w => w.Blocks.Select(b => Call(Whose.HolderA, _ => new { year = 2026 }, ("id", new(b))))),
        new("POST", "/api/blocks/{id:guid}/listing", Deciding, w => w.Blocks.Select(b => Call(Whose.HolderA, _ => new { method = "auction", reservePrice = 1m }, ("id", new(b))))),
        new("POST", "/api/blocks/{id:guid}/transaction", Deciding,
            w => w.Blocks.Select(b => Call(Whose.HolderA, j => new { holderId = j["holderId"], price = 1_000_000m }, ("id", new(b)), ("holderId", AccessArg.Body(w.HolderA.Id.ToString(), owned: false))))),
        new("POST", "/api/blocks/{id:guid}/agreement", Deciding,
            w => w.Blocks.Select(b => Call(Whose.HolderA, j => new { holderId = j["holderId"], price = 1_000_000m, reason = "冒名申请" }, ("id", new(b)), ("holderId", AccessArg.Body(w.HolderA.Id.ToString(), owned: false))))),
        new("POST", "/api/blocks/{id:guid}/objections", Deciding,
            w => [Call(Whose.HolderA, _ => new { objector = "冒名者", grounds = "无", receivedOn = "2025-04-02" }, ("id", new(w.AgreementBlock)))]),
        new("POST", "/api/blocks/{id:guid}/objections/{objectionId:guid}/decision", Deciding,
            w => [Call(Whose.HolderA, _ => new { decision = "dismissed", reasons = "无" }, ("id", new(w.AgreementBlock)), ("objectionId", new(w.ObjectionId)))]),
        new("POST", "/api/blocks/{id:guid}/registration", Deciding,
            w => w.Blocks.Select(b => Call(Whose.HolderA, _ => new { licenseNumber = "T99990000000000001", expiresOn = "2028-04-01" }, ("id", new(b))))),
        new("POST", "/api/blocks/{id:guid}/contract", Deciding, w => w.Blocks.Select(b => Call(Whose.HolderA, _ => new
        {
            number = "CT-STRANGER", collection = "amount", totalIncome = 800_000m,
            installments = new[] { new { dueOn = "2025-05-10", amount = 800_000m } },
            clauses = Array.Empty<object>(),
        }, ("id", new(b))))),
        new("GET", "/api/contracts/{id:guid}", SignedIn, w => [Call(Whose.HolderA, ("id", new(w.ContractId)))]),
        new("POST", "/api/contracts/{id:guid}/payments", Deciding,
            w => [Call(Whose.HolderA, _ => new { installment = 1, amount = 60_000m, paidOn = "2025-04-01", reference = "P-STRANGER" }, ("id", new(w.ContractId)))]),
        new("POST", "/api/contracts/{id:guid}/declarations", [Holder, Authority, Admin],
            w => [Call(Whose.HolderA, _ => new { year = 2025, revenue = 1_000_000m }, ("id", new(w.ContractId)))]),
        new("POST", "/api/contracts/{id:guid}/amendments", Deciding, w => [Call(Whose.HolderA, _ => new
        {
            reason = "冒名变更", amendedOn = "2025-04-01",
            clauses = new[] { new { number = "第十二条", kind = "progress", textZh = "无", textEn = "None", dueOn = "2026-01-01" } },
        }, ("id", new(w.ContractId)))]),

        // Verification of A's expiring right.
        new("GET", "/api/verification/batches/{id:guid}", Officers, w => [Call(Whose.Officers, ("id", new(w.BatchId)))]),
        new("GET", "/api/verification/tasks/{id:guid}", Officers, w => [Call(Whose.Officers, ("id", new(w.TaskId)))]),

        // Every process on A's objects: read, signalled with a step its state takes, and its evidence.
        new("GET", "/api/workflows/instances/{id:guid}", SignedIn, w => w.AllInstances.Select(i => Call(i.Whose, ("id", new(i.Id))))),
        new("POST", "/api/workflows/instances/{id:guid}/signals/{signal}", SignedIn,
            w => w.AllInstances.Select(i => Call(i.Whose, _ => new { note = "a stranger's step", values = new Dictionary<string, string>() }, ("id", new(i.Id)), ("signal", AccessArg.Catalogue(i.Signal))))),
        new("GET", "/api/workflows/instances/{id:guid}/evidence/{fileId:guid}", SignedIn, w => [Call(Whose.HolderA, ("id", new(w.ClaimInstance)), ("fileId", new(w.EvidenceId)))]),

        // Pages: the signed-in reader's own, and the pages of A's objects with the handlers that act on them.
        new("GET", "/", Public, _ => [AccessCall.Plain()]),
        new("GET", "/announcements", Public, _ => [AccessCall.Plain()]),
        new("GET", "/announcements/{id:guid}", Public, w => [Call(Whose.Officers, ("id", new(w.AnnouncementId)))]),
        new("GET", "/language", Public, _ => [AccessCall.Plain()]),
        new("GET", "/sign-in", Public, _ => [AccessCall.Plain()]),
        new("GET", "/sign-out", SignedIn, _ => [AccessCall.Plain()], Stranger: (_, _) => 302),
        new("GET", "/password", SignedIn, _ => [AccessCall.Plain()]),
        new("GET", "/workflows", SignedIn, _ => [AccessCall.Plain()]),
        new("GET", "/policies", SignedIn, _ => [AccessCall.Plain()]),
        new("GET", "/policies/add", AdminOnly, _ => [AccessCall.Plain()]),
        new("GET", "/workflows/{id}/{version:int}", SignedIn,
            w => [Call(Whose.Nobody, ("id", AccessArg.Catalogue(w.Definition.Id)), ("version", AccessArg.Catalogue(w.Definition.Version)))]),
        new("GET", "/holder/rights", HolderOnly, _ => [AccessCall.Plain()], ListsOwn: true),
        new("GET", "/holder/deadlines", HolderOnly, _ => [AccessCall.Plain()], ListsOwn: true),
        new("GET", "/holder/notices", HolderOnly, _ => [AccessCall.Plain()], ListsOwn: true),
        new("GET", "/inspector/cases", Officers, _ => [AccessCall.Plain()]),
        new("GET", "/officer/queue", [Authority], _ => [AccessCall.Plain()]),
        new("GET", "/officer/overview", [Inspector, Authority], _ => [AccessCall.Plain()]),
        new("GET", "/api/overview", [Inspector, Authority], _ => [AccessCall.Plain()]),
        new("GET", "/listing", [Inspector, Authority], _ => [AccessCall.Plain()]),
        new("GET", "/listing/blocks/new", [Authority], _ => [AccessCall.Plain()]),
        new("GET", "/listing/plans", [Authority], _ => [AccessCall.Plain()]),
        new("GET", "/listing/blocks/{id:guid}", [Authority], w => w.Blocks.Select(b => Call(Whose.Officers, ("id", new(b))))),
        new("GET", "/contracts/{id:guid}", [Authority], w => [Call(Whose.Officers, ("id", new(w.ContractId)))]),
        new("GET", "/rights/{id:guid}/contract", [Authority], w => w.Rights.Select(r => Call(Whose.Officers, ("id", new(r))))),
        new("GET", "/admin", AdminOnly, _ => [AccessCall.Plain()]),
        new("GET", "/imports", Deciding, _ => [AccessCall.Plain()]),
        new("GET", "/rights/{id:guid}", SignedIn, w => w.Rights.Select(r => Call(Whose.HolderA, ("id", new(r))))),

        // The register: officers list and search the rights and holders of their jurisdiction; the authority registers.
        new("GET", "/rights", Officers, _ => [AccessCall.Plain()]),
        new("GET", "/rights/expiring", Officers, _ => [AccessCall.Plain()]),
        new("GET", "/rights/new", Deciding, _ => [AccessCall.Plain()]),
        new("GET", "/holders", Officers, _ => [AccessCall.Plain()]),
        new("GET", "/holders/new", Deciding, _ => [AccessCall.Plain()]),
        new("GET", "/holders/{id:guid}", Officers, w => [Call(Whose.HolderA, ("id", new(w.HolderA.Id.ToString())))]),
        new("GET", "/deadlines/{id:guid}/extension", Deciding, w => w.Deadlines.Select(d => Call(Whose.HolderA, ("id", new(d))))),
        new("GET", "/cases/{id:guid}", SignedIn, w => [Call(Whose.HolderA, ("id", new(w.CaseId)))]),
        new("GET", "/decisions/{id:guid}", [Authority, Holder], w => [Call(Whose.HolderA, ("id", new(w.DecisionId)))]),
        new("GET", "/workflows/instances/{id:guid}", SignedIn, w => w.AllInstances.Select(i => Call(i.Whose, ("id", new(i.Id))))),

        // The pages' forms, each through the use case the API calls: a stranger's post is the page an unknown id gets.
        new("POST", "/rights/{id:guid}", SignedIn, w => [Call(Whose.HolderA, _ => AccessCall.Pdf("file"), ("id", new(w.RightWithPlan)))], Handler: "SubmitPlan"),
        new("POST", "/rights/{id:guid}", SignedIn, w => w.InstancesOf(w.ContractRight).Select(i => Call(Whose.HolderA, AccessCall.FormOf(["instanceId"], ("signal", i.Signal)),
            ("id", new(w.ContractRight)), ("instanceId", AccessArg.Body(i.Id)))), Handler: "Signal"),
        new("POST", "/rights/{id:guid}", SignedIn, w => [Call(Whose.HolderA, AccessCall.FormOf(["planId"], ("decision", "Approve")),
            ("id", new(w.RightWithPlan)), ("planId", AccessArg.Body(w.PlanId)))], Handler: "Decide"),
        new("POST", "/rights/{id:guid}", SignedIn, w => [Call(Whose.HolderA, AccessCall.FormOf(["planId"], ("passed", "true"), ("reviewedOn", "2025-03-01"), ("panel", "专家组"), ("findings", "可行")),
            ("id", new(w.RightWithPlan)), ("planId", AccessArg.Body(w.PlanId)))], Handler: "ExpertReview"),
        new("POST", "/rights/{id:guid}", SignedIn, w => [Call(Whose.HolderA, AccessCall.FormOf([], ("installment", "1"), ("amount", "1"), ("paidOn", "2025-04-01"), ("reference", "P-STRANGER")),
            ("id", new(w.ContractRight)))], Handler: "Pay"),
        new("POST", "/rights/{id:guid}", SignedIn, w => [Call(Whose.HolderA, AccessCall.FormOf([], ("year", "2025"), ("revenue", "1000000")), ("id", new(w.ContractRight)))], Handler: "Declare"),
        new("POST", "/rights/{id:guid}", SignedIn, w => [Call(Whose.HolderA, j => ClaimForm(j["duties"]), ("id", new(w.ContractRight)), ("duties", AccessArg.Body(w.UnclaimedDuty)))], Handler: "Claim"),
        // The listing office: a stranger's form on A's block, contract or right is the page an unknown one gets; an empty new block or plan is refused.
        new("POST", "/listing/blocks/new", [Authority], _ => [Call(Whose.Nobody, AccessCall.FormOf([]))], Stranger: (_, _) => 400, Handler: "Add"),
        new("POST", "/listing/plans", [Authority], _ => [Call(Whose.Nobody, AccessCall.FormOf([]))], Stranger: (_, _) => 400, Handler: "Set"),
        new("POST", "/listing/blocks/{id:guid}", [Authority], w => w.Blocks.Select(b => Call(Whose.Officers, AccessCall.FormOf([], ("year", "2026")), ("id", new(b)))), Handler: "Plan"),
        new("POST", "/listing/blocks/{id:guid}", [Authority], w => w.Blocks.Select(b => Call(Whose.Officers,
            AccessCall.FormOf([], ("method", "Auction"), ("reservePrice", "1"), ("contact", "冒名")), ("id", new(b)))), Handler: "Announce"),
        new("POST", "/listing/blocks/{id:guid}", [Authority], w => w.Blocks.Select(b => Call(Whose.Officers,
            AccessCall.FormOf(["holderId"], ("price", "1000000"), ("reason", "冒名申请")), ("id", new(b)), ("holderId", AccessArg.Body(w.HolderA.Id.ToString(), owned: false)))), Handler: "Agreement"),
        new("POST", "/listing/blocks/{id:guid}", [Authority], w => w.Blocks.Select(b => Call(Whose.Officers,
            AccessCall.FormOf(["holderId"], ("price", "1000000")), ("id", new(b)), ("holderId", AccessArg.Body(w.HolderA.Id.ToString(), owned: false)))), Handler: "Transact"),
        new("POST", "/listing/blocks/{id:guid}", [Authority], w => [Call(Whose.Officers,
            AccessCall.FormOf([], ("objector", "冒名者"), ("grounds", "无"), ("receivedOn", "2025-04-02")), ("id", new(w.AgreementBlock)))], Handler: "Object"),
        new("POST", "/listing/blocks/{id:guid}", [Authority], w => [Call(Whose.Officers,
            AccessCall.FormOf([], ("decision", "Dismissed"), ("reasons", "无")), ("id", new(w.AgreementBlock)), ("objectionId", new(w.ObjectionId)))], Handler: "DecideObjection"),
        new("POST", "/listing/blocks/{id:guid}", [Authority], w => w.Blocks.Select(b => Call(Whose.Officers,
            AccessCall.FormOf([], ("number", "CT-STRANGER"), ("collection", "Amount"), ("totalIncome", "800000"), ("installments", "2025-05-10, 800000")), ("id", new(b)))), Handler: "SignContract"),
        new("POST", "/listing/blocks/{id:guid}", [Authority], w => w.Blocks.Select(b => Call(Whose.Officers,
            AccessCall.FormOf([], ("licenseNumber", "T99990000000000001"), ("projectName", "冒名"), ("expiresOn", "2028-04-01")), ("id", new(b)))), Handler: "Register"),
        new("POST", "/listing/blocks/{id:guid}", [Authority], w => w.Blocks.SelectMany(b => w.OfficersInstances.Select(i => Call(Whose.Officers, AccessCall.FormOf(["instanceId"], ("signal", i.Signal)),
            ("id", new(b)), ("instanceId", AccessArg.Body(i.Id))))), Handler: "Signal"),
        new("POST", "/contracts/{id:guid}", [Authority], w => [Call(Whose.Officers,
            AccessCall.FormOf([], ("installment", "1"), ("amount", "60000"), ("paidOn", "2025-04-01"), ("reference", "P-STRANGER")), ("id", new(w.ContractId)))], Handler: "Pay"),
        new("POST", "/contracts/{id:guid}", [Authority], w => [Call(Whose.Officers,
            AccessCall.FormOf([], ("reason", "冒名变更"), ("clauses", "9.9 | Other | 冒名 | Forged")), ("id", new(w.ContractId)))], Handler: "Amend"),
        new("POST", "/rights/{id:guid}/contract", [Authority], w => [Call(Whose.Officers,
            AccessCall.FormOf([], ("number", "CT-STRANGER-OLD"), ("signedOn", "2020-01-01"), ("collection", "Amount"), ("totalIncome", "1000")), ("id", new(w.OldRight)))], Handler: "Enter"),
        new("POST", "/cases/{id:guid}", SignedIn, w => [Call(Whose.HolderA, AccessCall.FormOf(["instanceId"], ("signal", w.CaseInstance.Signal)),
            ("id", new(w.CaseId)), ("instanceId", AccessArg.Body(w.CaseInstance.Id)))], Handler: "Signal"),
        new("POST", "/workflows/instances/{id:guid}", SignedIn, w => w.AllInstances.Select(i => Call(i.Whose, j => AccessCall.Form(("instanceId", j["id"]), ("signal", i.Signal)),
            ("id", new(i.Id)))), Handler: "Signal"),
        new("POST", "/imports", Deciding, _ => [Call(Whose.Nobody, _ => Imports.RegisterFile.Form(Imports.RegisterFile.Csv([Imports.RegisterFile.Row(1, "access")]), fields: ("mode", "dry-run")))],
            Stranger: (_, _) => 403),
        new("POST", "/policies/add", AdminOnly, _ => [Call(Whose.Nobody, AccessCall.FormOf([]))]),
        new("POST", "/admin", AdminOnly, w => [Call(Whose.HolderA, AccessCall.FormOf(["id"]), ("id", AccessArg.Body(w.Deadlines[0])))], Handler: "RetryDeadline"),
        new("POST", "/admin", AdminOnly, w => [Call(Whose.HolderA, AccessCall.FormOf(["id"]), ("id", AccessArg.Body(w.NotificationId)))], Handler: "RetryNotice"),
        new("POST", "/admin", AdminOnly, w => [Call(Whose.HolderA, AccessCall.FormOf(["id"], ("locked", "true")), ("id", AccessArg.Body(w.AccountOfA)))], Handler: "Lock"),
        new("POST", "/admin", AdminOnly, _ => [Call(Whose.Nobody, AccessCall.FormOf([], ("advanceDays", "1")))], Handler: "Clock"),
        new("POST", "/admin", AdminOnly, _ => [Call(Whose.Nobody, AccessCall.FormOf([], ("Account.UserName", "made-by-a-stranger-page"), ("password", ServiceFactory.Password), ("Account.Role", Admin)))],
            Handler: "CreateAccount"),
        // A stranger naming A by its credit code: an officer elsewhere does not find the holder (400), nor registers it again (409).
        new("POST", "/rights/new", Deciding, w => [Call(Whose.Nobody, AccessCall.FormOf([], ("HolderCode", w.CreditCodeOfA), ("LicenseNumber", "T62092300000STRANGER"), ("Kind", "Exploration"),
            ("ProjectName", "冒名勘查"), ("Minerals", "金"), ("AreaKm2", "1"), ("County", County), ("Authority", Province), ("TransferMode", "Listing"), ("RegisteredOn", "2025-03-01"),
            ("ExpiresOn", "2030-03-01")))], Stranger: (_, _) => 400, Handler: "Register"),
        new("POST", "/holders/new", Deciding, w => [Call(Whose.Nobody, AccessCall.FormOf([], ("CreditCode", w.CreditCodeOfA), ("NameZh", "冒名矿业有限公司"), ("NameEn", "Impostor Mining Co., Ltd."),
            ("Language", "en"), ("Contacts", "impostor@holders.test")))], Stranger: (_, _) => 409, Handler: "Register"),
        new("POST", "/deadlines/{id:guid}/extension", Deciding,
            w => [Call(Whose.HolderA, AccessCall.FormOf([], ("DueOn", "2026-12-31"), ("Reason", "不可抗力"), ("RuleId", "GS-10b")), ("id", new(w.Deadlines[0])))], Handler: "Extend"),
        new("POST", "/holder/deadlines", HolderOnly, _ => [Call(Whose.Nobody, AccessCall.FormOf([]))], Stranger: (_, _) => 302, Handler: "Rotate"),
        new("POST", "/password", SignedIn, _ => [Call(Whose.Nobody, AccessCall.FormOf([], ("currentPassword", "wrong"), ("newPassword", "x")))], Stranger: (_, _) => 400),
        new("POST", "/language", Public, _ => [Call(Whose.Nobody, AccessCall.FormOf([], ("language", "en"), ("returnUrl", "/")))]),
        new("POST", "/sign-in", Public, _ => [Call(Whose.Nobody, AccessCall.FormOf([]))]),
        new("POST", "/sign-out", SignedIn, _ => [Call(Whose.Nobody, AccessCall.FormOf([]))], Stranger: (_, _) => 302, EndsSession: true),
    ];

    private static AccessCall Call(Whose whose, params (string Name, AccessArg Arg)[] args) =>
        new(args.ToDictionary(a => a.Name, a => a.Arg), null, whose, string.Join(", ", args.Select(a => a.Name)));

    private static AccessCall Call(Whose whose, Func<IReadOnlyDictionary<string, string>, HttpContent> body, params (string Name, AccessArg Arg)[] args) =>
        new(args.ToDictionary(a => a.Name, a => a.Arg), body, whose, string.Join(", ", args.Select(a => a.Name)));

    private static AccessCall Call(Whose whose, Func<IReadOnlyDictionary<string, string>, object> body, params (string Name, AccessArg Arg)[] args) =>
        new(args.ToDictionary(a => a.Name, a => a.Arg), j => body(j) is var made && made is HttpContent content ? content : AccessCall.Json(made), whose, string.Join(", ", args.Select(a => a.Name)));
}
