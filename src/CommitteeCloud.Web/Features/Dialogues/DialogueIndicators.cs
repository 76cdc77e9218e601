using CommitteeCloud.Domain.Dialogues;
using CommitteeCloud.Web.Features.Indicators;

namespace CommitteeCloud.Web.Features.Dialogues;

/// <summary>
/// The unit's dialogue figures for a period: dialogues held (by kind; the staff conference counts as neither kind
/// but in the total), and the questions raised at those held in the period, and how many were answered.
/// </summary>
public sealed class DialogueIndicators(AppDbContext db) : IIndicatorSource
{
    public const string Held = "dialogues.held";
    public const string HeldWithStaff = "dialogues.held_with_staff";
    public const string HeldWithCitizens = "dialogues.held_with_citizens";
    public const string ConferencesHeld = "dialogues.conferences_held";
    public const string Questions = "dialogues.questions";
    public const string QuestionsAnswered = "dialogues.questions_answered";

    public IReadOnlyList<IndicatorDefinition> Indicators { get; } =
    [
        new(Held, "Cuộc đối thoại, hội nghị đã tổ chức", "cuộc"),
        new(HeldWithStaff, "Cuộc đối thoại với cán bộ, công chức, viên chức", "cuộc"),
        new(HeldWithCitizens, "Cuộc đối thoại với Nhân dân, doanh nghiệp", "cuộc"),
        new(ConferencesHeld, "Hội nghị cán bộ, công chức, viên chức đã tổ chức", "hội nghị"),
        new(Questions, "Ý kiến, câu hỏi tại đối thoại", "ý kiến"),
        new(QuestionsAnswered, "Ý kiến, câu hỏi đã được trả lời", "ý kiến"),
    ];

    public async Task<IReadOnlyDictionary<string, decimal>> CountAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var held = db.Dialogues.Where(d => (d.Status == DialogueStatus.Held || d.Status == DialogueStatus.MinutesIssued) && d.Date >= from && d.Date <= to);
        var byKind = await held.GroupBy(d => d.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var questions = await db.DialogueQuestions.Where(q => held.Any(d => d.Id == q.DialogueId))
            .GroupBy(_ => 1).Select(g => new { All = g.Count(), Answered = g.Count(q => q.Answer != null) }).FirstOrDefaultAsync(ct);
        int Of(DialogueKind kind) => byKind.FirstOrDefault(k => k.Key == kind)?.Count ?? 0;
        return new Dictionary<string, decimal>
        {
            [Held] = byKind.Sum(k => k.Count),
            [HeldWithStaff] = Of(DialogueKind.WithStaff),
            [HeldWithCitizens] = Of(DialogueKind.WithCitizens),
            [ConferencesHeld] = Of(DialogueKind.StaffConference),
            [Questions] = questions?.All ?? 0,
            [QuestionsAnswered] = questions?.Answered ?? 0,
        };
    }
}
