namespace CommitteeCloud.Domain.Memberships;

/// <summary>
/// Every permission the product checks. Roles are bundles of these, adjustable per tenant;
/// a request declares the one it needs and the pipeline refuses it (403) otherwise.
/// </summary>
public static class Permissions
{
    public const string TenantView = "tenant.view";
    public const string MembersView = "members.view";
    public const string MembersManage = "members.manage";
    public const string RolesManage = "roles.manage";
    public const string AuditView = "audit.view";

    /// <summary>Provision, rename, suspend, reactivate and move tenants below one's own.</summary>
    public const string TenantsManage = "tenants.manage";

    /// <summary>Read the summaries of every unit below one's own (supervision).</summary>
    public const string SubtreeView = "subtree.view";

    /// <summary>Record the written assignment of the leader in charge of mass-mobilization work.</summary>
    public const string LeadersManage = "leaders.manage";

    /// <summary>Read the unit's directives and tasks (văn bản chỉ đạo, nhiệm vụ).</summary>
    public const string TasksView = "tasks.view";

    /// <summary>Draft, issue and withdraw directives; assign tasks down; accept, return, pause or cancel them.</summary>
    public const string TasksManage = "tasks.manage";

    /// <summary>Work on received tasks: acknowledge, report progress and results, reject, answer explanations.</summary>
    public const string TasksReport = "tasks.report";

    /// <summary>Read the unit's annual plans, commitments, Dân vận khéo models, dialogues and conferences.</summary>
    public const string PlansView = "plans.view";

    /// <summary>
    /// Draft and issue the annual plan and its reviews; open commitment registration for the units below and approve
    /// or return what they register; survey and recognize Dân vận khéo models.
    /// </summary>
    public const string PlansManage = "plans.manage";

    /// <summary>The unit's side towards its parent: register its commitment and its Dân vận khéo models, report their progress.</summary>
    public const string PlansReport = "plans.report";

    /// <summary>Schedule and record dialogues (đối thoại) and the annual staff conference; issue their minutes.</summary>
    public const string DialoguesManage = "dialogues.manage";

    /// <summary>Receive, route, answer and publish what staff send to the suggestion box (hòm thư góp ý).</summary>
    public const string SuggestionsAnswer = "suggestions.answer";

    /// <summary>Read report requests, the unit's reports and the boards of what the units below submitted.</summary>
    public const string ReportsView = "reports.view";

    /// <summary>The parent's side of reporting: define report templates, send requests, return or accept what comes back.</summary>
    public const string ReportsManage = "reports.manage";

    /// <summary>Draft the unit's report (dự thảo báo cáo) and send it up once approved.</summary>
    public const string ReportsSubmit = "reports.submit";

    /// <summary>Approve the unit's draft report before it goes up (the secretary signs it).</summary>
    public const string ReportsApprove = "reports.approve";

    /// <summary>The parent's side of the review cycle: criteria templates, opening and finalizing cycles, publishing the ranking.</summary>
    public const string ReviewsManage = "reviews.manage";

    /// <summary>Self-score the unit against the criteria of an open cycle (tự chấm điểm).</summary>
    public const string ReviewsSelfAssess = "reviews.self_assess";

    /// <summary>Appraise the units below: adjust any score, with a written reason (thẩm định).</summary>
    public const string ReviewsAppraise = "reviews.appraise";

    /// <summary>Reopen a finalized cycle: the secretary alone, and it is audited.</summary>
    public const string ReviewsReopen = "reviews.reopen";

    /// <summary>Record the province's public indices (PAR INDEX, PAPI, SIPAS, PCI) per year.</summary>
    public const string IndicesManage = "indices.manage";

    public static readonly IReadOnlyList<string> All =
        [TenantView, MembersView, MembersManage, RolesManage, AuditView, TenantsManage, SubtreeView, LeadersManage, TasksView, TasksManage, TasksReport,
         PlansView, PlansManage, PlansReport, DialoguesManage, SuggestionsAnswer,
         ReportsView, ReportsManage, ReportsSubmit, ReportsApprove, ReviewsManage, ReviewsSelfAssess, ReviewsAppraise, ReviewsReopen, IndicesManage];

    public static bool IsKnown(string permission) => All.Contains(permission);
}

/// <summary>The role bundles every new tenant starts with; a secretary may adjust them afterwards.</summary>
public static class DefaultRoles
{
    /// <summary>Bí thư, Phó Bí thư thường trực: administers the tenant.</summary>
    public const string Secretary = "Secretary";
    /// <summary>Cán bộ Ban Dân vận, chuyên viên.</summary>
    public const string MassMobilizationOfficer = "MassMobilizationOfficer";
    /// <summary>Cán bộ đầu mối của đơn vị cấp dưới.</summary>
    public const string UnitReporter = "UnitReporter";
    /// <summary>Cán bộ, công chức, viên chức, người lao động.</summary>
    public const string StaffMember = "StaffMember";
    /// <summary>Ban Dân vận cấp trên, Ủy ban Kiểm tra.</summary>
    public const string Supervisor = "Supervisor";

    public static readonly IReadOnlyDictionary<string, (string DisplayName, string[] Permissions)> Bundles =
        new Dictionary<string, (string, string[])>
        {
            [Secretary] = ("Bí thư", [.. Memberships.Permissions.All]),
            [MassMobilizationOfficer] = ("Cán bộ dân vận", [Memberships.Permissions.TenantView, Memberships.Permissions.MembersView, Memberships.Permissions.AuditView, Memberships.Permissions.SubtreeView, Memberships.Permissions.LeadersManage, Memberships.Permissions.TasksView, Memberships.Permissions.TasksManage, Memberships.Permissions.TasksReport,
                Memberships.Permissions.PlansView, Memberships.Permissions.PlansManage, Memberships.Permissions.PlansReport, Memberships.Permissions.DialoguesManage, Memberships.Permissions.SuggestionsAnswer,
                Memberships.Permissions.ReportsView, Memberships.Permissions.ReportsManage, Memberships.Permissions.ReportsSubmit, Memberships.Permissions.ReviewsManage, Memberships.Permissions.ReviewsSelfAssess, Memberships.Permissions.ReviewsAppraise, Memberships.Permissions.IndicesManage]),
            [UnitReporter] = ("Cán bộ đầu mối", [Memberships.Permissions.TenantView, Memberships.Permissions.MembersView, Memberships.Permissions.TasksView, Memberships.Permissions.TasksReport,
                Memberships.Permissions.PlansView, Memberships.Permissions.PlansReport, Memberships.Permissions.ReportsView, Memberships.Permissions.ReportsSubmit, Memberships.Permissions.ReviewsSelfAssess]),
            [StaffMember] = ("Cán bộ, công chức", [Memberships.Permissions.TenantView, Memberships.Permissions.TasksView, Memberships.Permissions.PlansView]),
            [Supervisor] = ("Giám sát cấp trên", [Memberships.Permissions.TenantView, Memberships.Permissions.MembersView, Memberships.Permissions.AuditView, Memberships.Permissions.SubtreeView, Memberships.Permissions.TasksView, Memberships.Permissions.PlansView,
                Memberships.Permissions.ReportsView, Memberships.Permissions.ReviewsAppraise]),
        };
}
