using CommitteeCloud.Domain.Training;

namespace CommitteeCloud.Web.Features.Training;

public sealed record TrainingCourseDto(
    Guid Id, string Title, TrainingKind Kind, DateOnly StartsOn, DateOnly EndsOn, string? Place, string? Organizer, int Attendees, string? Note, uint Version)
{
    public static TrainingCourseDto From(TrainingCourse c) =>
        new(c.Id, c.Title, c.Kind, c.StartsOn, c.EndsOn, c.Place, c.Organizer, c.Attendees, c.Note, c.Version);
}

/// <summary>A course as the form sends it; missing fields are refused by the validator, not defaulted.</summary>
public sealed record TrainingCourseInput(
    string? Title, TrainingKind? Kind, DateOnly? StartsOn, DateOnly? EndsOn, string? Place = null, string? Organizer = null, int? Attendees = null,
    string? Note = null)
{
    public TrainingCourseFields ToFields() => new(Title!, Kind!.Value, StartsOn!.Value, EndsOn!.Value, Place, Organizer, Attendees!.Value, Note);
}

public sealed class TrainingCourseInputValidator : AbstractValidator<TrainingCourseInput>
{
    public TrainingCourseInputValidator()
    {
        RuleFor(x => x.Title).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("Hãy nhập tên lớp.")
            .MaximumLength(TrainingCourse.TitleMaxLength).WithMessage($"Tên lớp tối đa {TrainingCourse.TitleMaxLength} ký tự.");
        RuleFor(x => x.Kind).Cascade(CascadeMode.Stop).NotNull().WithMessage("Hãy chọn loại lớp.").IsInEnum().WithMessage("Loại lớp không hợp lệ.");
        RuleFor(x => x.StartsOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("Hãy nhập ngày bắt đầu.")
            .Must(d => d!.Value.Year is >= 2000 and <= 2100).WithMessage("Ngày bắt đầu không hợp lệ.");
        RuleFor(x => x.EndsOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("Hãy nhập ngày kết thúc.")
            .GreaterThanOrEqualTo(x => x.StartsOn).When(x => x.StartsOn is not null).WithMessage("Ngày kết thúc phải từ ngày bắt đầu trở đi.");
        RuleFor(x => x.Attendees).Cascade(CascadeMode.Stop).NotNull().WithMessage("Hãy nhập số người tham dự.")
            .InclusiveBetween(0, TrainingCourse.MaxAttendees).WithMessage("Số người tham dự không hợp lệ.");
        RuleFor(x => x.Place).MaximumLength(TrainingCourse.TextMaxLength).WithMessage($"Địa điểm tối đa {TrainingCourse.TextMaxLength} ký tự.");
        RuleFor(x => x.Organizer).MaximumLength(TrainingCourse.TextMaxLength).WithMessage($"Đơn vị tổ chức tối đa {TrainingCourse.TextMaxLength} ký tự.");
        RuleFor(x => x.Note).MaximumLength(TrainingCourse.NoteMaxLength).WithMessage($"Ghi chú tối đa {TrainingCourse.NoteMaxLength} ký tự.");
    }
}

public static class TrainingCourses
{
    public static async Task<TrainingCourse> FindCourseAsync(this AppDbContext db, Guid id, CancellationToken ct) =>
        await db.TrainingCourses.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("course");
}
