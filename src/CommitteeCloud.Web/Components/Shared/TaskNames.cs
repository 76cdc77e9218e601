using CommitteeCloud.Domain.Directives;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Platform.Cqrs;
using MudBlazor;

namespace CommitteeCloud.Web.Components.Shared;

/// <summary>How tasks and directives are called and coloured on screen (the register's Vietnamese words).</summary>
public static class TaskNames
{
    public static readonly Timeliness[] TimelinessOrder =
        [Timeliness.Overdue, Timeliness.DueSoon, Timeliness.OnTime, Timeliness.NoDeadline, Timeliness.CompletedOnTime, Timeliness.CompletedLate];

    public static string Of(Timeliness t) => t switch
    {
        Timeliness.Overdue => "Quá hạn",
        Timeliness.DueSoon => "Sắp đến hạn",
        Timeliness.OnTime => "Trong hạn",
        Timeliness.NoDeadline => "Không thời hạn",
        Timeliness.CompletedOnTime => "Hoàn thành đúng hạn",
        _ => "Hoàn thành quá hạn",
    };

    public static Color ColorOf(Timeliness t) => t switch
    {
        Timeliness.Overdue => Color.Error,
        Timeliness.DueSoon => Color.Warning,
        Timeliness.OnTime => Color.Info,
        Timeliness.CompletedOnTime => Color.Success,
        Timeliness.CompletedLate => Color.Secondary,
        _ => Color.Default,
    };

    /// <summary>A row's background for the timeliness that needs attention (red overdue, orange due soon).</summary>
    public static string RowStyle(Timeliness t) => t switch
    {
        Timeliness.Overdue => "background-color:#fdecea;",
        Timeliness.DueSoon => "background-color:#fff4e5;",
        _ => "",
    };

    public static int CountOf(Features.Tasks.TimelinessCounts c, Timeliness t) => t switch
    {
        Timeliness.Overdue => c.Overdue,
        Timeliness.DueSoon => c.DueSoon,
        Timeliness.OnTime => c.OnTime,
        Timeliness.NoDeadline => c.NoDeadline,
        Timeliness.CompletedOnTime => c.CompletedOnTime,
        _ => c.CompletedLate,
    };

    public static string Of(HandoffRole? role) => role switch
    {
        HandoffRole.Lead => "Chủ trì",
        HandoffRole.Coordinating => "Phối hợp",
        _ => "",
    };

    public static string Of(TaskUpdateKind kind) => kind switch
    {
        TaskUpdateKind.Created => "Tạo nhiệm vụ",
        TaskUpdateKind.Assigned => "Giao nhiệm vụ",
        TaskUpdateKind.Acknowledged => "Tiếp nhận",
        TaskUpdateKind.Progress => "Cập nhật tiến độ",
        TaskUpdateKind.ResultReported => "Báo cáo kết quả",
        TaskUpdateKind.Accepted => "Nghiệm thu",
        TaskUpdateKind.Returned => "Trả lại",
        TaskUpdateKind.Rejected => "Từ chối",
        TaskUpdateKind.Paused => "Tạm dừng",
        TaskUpdateKind.Resumed => "Tiếp tục",
        TaskUpdateKind.Cancelled => "Hủy",
        TaskUpdateKind.Completed => "Hoàn thành",
        TaskUpdateKind.Comment => "Trao đổi",
        TaskUpdateKind.InternalNote => "Ghi chú nội bộ",
        TaskUpdateKind.ExplanationRequested => "Yêu cầu giải trình",
        TaskUpdateKind.Explanation => "Giải trình",
        TaskUpdateKind.HandedOff => "Giao tiếp cho đơn vị",
        _ => kind.ToString(),
    };

    public static string Of(DeadlineKind kind) => kind switch
    {
        DeadlineKind.None => "Không thời hạn",
        DeadlineKind.OnDate => "Có hạn hoàn thành",
        DeadlineKind.Recurring => "Định kỳ",
        _ => "Thường xuyên",
    };

    public static string Of(Recurrence? r) => r switch
    {
        Recurrence.Monthly => "Hằng tháng",
        Recurrence.Quarterly => "Hằng quý",
        Recurrence.SixMonthly => "6 tháng",
        Recurrence.Yearly => "Hằng năm",
        _ => "",
    };

    public static string Of(TaskPriority p) => p switch
    {
        TaskPriority.High => "Cao",
        TaskPriority.Urgent => "Khẩn",
        _ => "Bình thường",
    };

    public static string Of(DirectiveKind kind) => kind switch
    {
        DirectiveKind.Resolution => "Nghị quyết",
        DirectiveKind.Conclusion => "Kết luận",
        DirectiveKind.Instruction => "Chỉ thị",
        DirectiveKind.Plan => "Kế hoạch",
        DirectiveKind.OfficialLetter => "Công văn",
        DirectiveKind.Guidance => "Hướng dẫn",
        DirectiveKind.Decision => "Quyết định",
        DirectiveKind.Notice => "Thông báo",
        _ => kind.ToString(),
    };

    public static string Of(DirectiveStatus status) => status switch
    {
        DirectiveStatus.Draft => "Dự thảo",
        DirectiveStatus.Issued => "Đã ban hành",
        DirectiveStatus.Withdrawn => "Đã thu hồi",
        DirectiveStatus.Received => "Văn bản đến",
        _ => status.ToString(),
    };

    public static string Date(DateOnly? d) => d?.ToString("dd/MM/yyyy") ?? "";

    public static string Time(DateTimeOffset at) => at.ToOffset(Platform.VietnamTime.Offset).ToString("dd/MM/yyyy HH:mm");

    public static string Percent(decimal p) => $"{decimal.Round(p, 0)}%";

    /// <summary>What went wrong, as the person should read it: the rule's own words when there are some, the title otherwise.</summary>
    public static string Problem(UiSession session, Exception ex)
    {
        if (ex is ConflictException) return ex.Message;
        var (title, errors) = session.Describe(ex);
        var messages = errors.Values.SelectMany(v => v).Distinct().ToList();
        return messages.Count > 0 ? string.Join(" ", messages) : title;
    }
}
