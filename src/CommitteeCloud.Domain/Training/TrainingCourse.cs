using CommitteeCloud.Domain.Common;

namespace CommitteeCloud.Domain.Training;

/// <summary>Loại lớp: what reports count as "training courses" (tập huấn, bồi dưỡng, hội nghị quán triệt).</summary>
public enum TrainingKind
{
    /// <summary>Tập huấn: a practical course on a skill or a task.</summary>
    Training,
    /// <summary>Bồi dưỡng: a course to raise knowledge (kiến thức, kỹ năng công tác dân vận).</summary>
    Refresher,
    /// <summary>Hội nghị quán triệt: a conference to study and carry out a resolution or directive.</summary>
    Briefing,
}

/// <summary>
/// Một lớp tập huấn, bồi dưỡng hoặc hội nghị quán triệt the unit organized or took part in: reports ask how many were
/// held and how many people attended, counted by the day a course began.
/// </summary>
public sealed class TrainingCourse : Entity, ITenantOwned, IVersioned
{
    public const int TitleMaxLength = 512;
    public const int TextMaxLength = 256;
    public const int NoteMaxLength = 4000;
    public const int MaxAttendees = 1_000_000;

    private TrainingCourse() { }

    public TrainingCourse(TrainingCourseFields fields)
    {
        Apply(fields);
        Raise(new TrainingCourseChanged(Id));
    }

    public Guid TenantId { get; private set; }
    public string Title { get; private set; } = "";
    public TrainingKind Kind { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string? Place { get; private set; }

    /// <summary>Đơn vị tổ chức ("Ban Dân vận Tỉnh ủy").</summary>
    public string? Organizer { get; private set; }
    public int Attendees { get; private set; }
    public string? Note { get; private set; }
    public uint Version { get; private set; }

    public void Edit(TrainingCourseFields fields)
    {
        Apply(fields);
        Raise(new TrainingCourseChanged(Id));
    }

    /// <summary>Called before the row is removed, so open pages hear of it.</summary>
    public void Discard() => Raise(new TrainingCourseChanged(Id));

    private void Apply(TrainingCourseFields f)
    {
        if (string.IsNullOrWhiteSpace(f.Title)) throw new DomainRuleException("title", "Hãy nhập tên lớp.");
        if (f.EndsOn < f.StartsOn) throw new DomainRuleException("endsOn", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
        if (f.Attendees is < 0 or > MaxAttendees) throw new DomainRuleException("attendees", "Số người tham dự không hợp lệ.");
        Title = f.Title.Trim();
        Kind = f.Kind;
        StartsOn = f.StartsOn;
        EndsOn = f.EndsOn;
        Place = Clean(f.Place);
        Organizer = Clean(f.Organizer);
        Attendees = f.Attendees;
        Note = Clean(f.Note);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A course was recorded, changed or removed in its unit: the training page reloads.</summary>
public sealed record TrainingCourseChanged(Guid CourseId) : IDomainEvent;

public sealed record TrainingCourseFields(
    string Title, TrainingKind Kind, DateOnly StartsOn, DateOnly EndsOn, string? Place, string? Organizer, int Attendees, string? Note);
