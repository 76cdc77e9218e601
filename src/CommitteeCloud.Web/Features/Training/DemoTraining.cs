using CommitteeCloud.Domain.Training;
using CommitteeCloud.Web.Features.Demo;
using CommitteeCloud.Web.Features.Directives;

namespace CommitteeCloud.Web.Features.Training;

/// <summary>
/// A few courses the demo province held in 2026 (the plan's "Tập huấn, bồi dưỡng nghiệp vụ công tác dân vận"),
/// recorded by the Ban Dân vận's officer through the app's own commands. Idempotent: nothing is done when the unit
/// already has a 2026 course.
/// </summary>
public static class DemoTraining
{
    private const string Officer = "canbo.danvan";
    private const int Year = 2026;

    private static readonly TrainingCourseInput[] Courses =
    [
        new("Hội nghị quán triệt Kết luận số 114-KL/TW và Công văn số 1866-CV/TU", TrainingKind.Briefing, new DateOnly(Year, 1, 20), new DateOnly(Year, 1, 20),
            "Hội trường Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", 320, "Trực tuyến đến 65 điểm cầu cấp xã."),
        new("Tập huấn nghiệp vụ công tác dân vận năm 2026", TrainingKind.Training, new DateOnly(Year, 4, 14), new DateOnly(Year, 4, 16),
            "Trường Chính trị Hoàng Văn Thụ", "Ban Dân vận Tỉnh ủy", 145, "Cán bộ làm công tác dân vận các xã, phường."),
        new("Bồi dưỡng kỹ năng dân vận cho cán bộ, công chức tiếp dân", TrainingKind.Refresher, new DateOnly(Year, 6, 9), new DateOnly(Year, 6, 10),
            "Trung tâm Phục vụ hành chính công tỉnh", "Ban Dân vận Tỉnh ủy", 90, null),
        new("Tập huấn xây dựng mô hình \"Dân vận khéo\"", TrainingKind.Training, new DateOnly(Year, 9, 22), new DateOnly(Year, 9, 22),
            "Hội trường Ủy ban nhân dân tỉnh", "Ban Dân vận Tỉnh ủy", 110, null),
    ];

    public static async Task<int> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var province = await services.GetRequiredService<TenantStore>().FindByCodeAsync(DemoCascade.Province, ct);
        var officer = await new DemoActors(services, "demo-training").FindUserIdAsync(Officer);
        return province is null || officer is null ? 0 : await SeedInAsync(services, province, officer.Value, ct);
    }

    public static async Task<int> SeedInAsync(IServiceProvider services, TenantInfo tenant, Guid userId, CancellationToken ct)
    {
        var actors = new DemoActors(services, "demo-training");
        var existing = await actors.AsAsync(tenant, userId, sp => sp.GetRequiredService<IMediator>().Send(new ListTrainingCoursesQuery(Year), ct));
        if (existing.Count > 0) return 0;
        foreach (var course in Courses)
            await actors.AsAsync(tenant, userId, sp => sp.GetRequiredService<IMediator>().Send(new RecordTrainingCourseCommand(course), ct));
        return Courses.Length;
    }
}
