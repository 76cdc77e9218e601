using CommitteeCloud.Domain.Common;
using CommitteeCloud.Domain.Files;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Domain.Tasks;
using CommitteeCloud.Web.Features.Files;
using CommitteeCloud.Web.Features.Indicators;
using CommitteeCloud.Web.Features.Tasks;
using CommitteeCloud.Web.Platform.Outbox;
using CommitteeCloud.Web.Platform.Realtime;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>One line as the unit scores it: the points, and evidence files (uploaded first) or a written explanation.</summary>
public sealed record SelfScoreInput(string? Code, decimal? Score, string? Explanation, Guid[]? FileIds);

/// <summary>Lưu điểm tự chấm (a draft): refused once submitted (withdraw first) and after the deadline.</summary>
[RequirePermission(Permissions.ReviewsSelfAssess)]
public sealed record SaveSelfAssessmentCommand(Guid Id, SelfScoreInput[] Lines, uint? Version = null) : ICommand<SelfAssessmentDetail>;

/// <summary>
/// Nộp bản tự đánh giá (optionally saving lines first). The submission is copied up to the parent's
/// <see cref="UnitReview"/> in the same transaction, acting in the parent's tenant (ADR 0009), with the evidence
/// recorded there against the same stored bytes, so the appraisers read it without reading the unit's rows.
/// </summary>
[RequirePermission(Permissions.ReviewsSelfAssess)]
public sealed record SubmitSelfAssessmentCommand(Guid Id, SelfScoreInput[]? Lines = null, uint? Version = null) : ICommand<SelfAssessmentDetail>;

/// <summary>Rút lại bản đã nộp, to edit it again before the deadline; the parent's copy goes back to "not submitted".</summary>
[RequirePermission(Permissions.ReviewsSelfAssess)]
public sealed record WithdrawSelfAssessmentCommand(Guid Id, uint? Version = null) : ICommand<SelfAssessmentDetail>;

internal static class SelfScoreRules
{
    public static void Check<T>(SelfScoreInput[]? input, ValidationContext<T> context)
        {
            if (input is null) return;
            for (var i = 0; i < input.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(input[i].Code)) context.AddFailure($"lines[{i}].code", "Thiếu mã tiêu chí.");
                if (input[i].Score is < 0) context.AddFailure($"lines[{i}].score", "Điểm tự chấm không được âm.");
                if (input[i].Explanation is { Length: > UnitReview.ReasonMaxLength }) context.AddFailure($"lines[{i}].explanation", "Giải trình quá dài (tối đa 2000 ký tự).");
                if (input[i].FileIds is { Length: > 20 }) context.AddFailure($"lines[{i}].fileIds", "Tối đa 20 tệp minh chứng mỗi tiêu chí.");
            }
        }
}

public sealed class SaveSelfAssessmentValidator : AbstractValidator<SaveSelfAssessmentCommand>
{
    public SaveSelfAssessmentValidator() => RuleFor(x => x.Lines).Custom(SelfScoreRules.Check);
}

public sealed class SubmitSelfAssessmentValidator : AbstractValidator<SubmitSelfAssessmentCommand>
{
    public SubmitSelfAssessmentValidator() => RuleFor(x => x.Lines).Custom(SelfScoreRules.Check);
}

public sealed class WithdrawSelfAssessmentValidator : AbstractValidator<WithdrawSelfAssessmentCommand>;

/// <summary>What the three self-assessment commands share: loading, applying the unit's lines, reaching the parent's copy.</summary>
public sealed class SelfAssessmentSteps(AppDbContext db, ITenantContext context, FileAttachments attachments, TenantStore tenants,
    IEnumerable<IIndicatorSource> sources, TaskAudience audience, AfterCommit afterCommit, LivePush push, TimeProvider clock)
{
    public async Task<SelfAssessment> LoadAsync(Guid id, uint? version, CancellationToken ct)
    {
        var s = await db.SelfAssessments.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("self-assessment");
        db.ExpectVersion(s, version);
        return s;
    }

    public async Task ScoreAsync(SelfAssessment s, SelfScoreInput[] input, CancellationToken ct)
    {
        var lines = new List<ScoreLine>();
        for (var i = 0; i < input.Length; i++)
        {
            IReadOnlyList<StoredFile> files;
            try { files = await attachments.RequireAsync(input[i].FileIds ?? [], ct); }
            catch (DomainRuleException e) { throw new DomainRuleException($"lines[{i}].fileIds", e.Message); }
            lines.Add(new ScoreLine
            {
                Code = input[i].Code!.Trim(), SelfScore = input[i].Score, Explanation = input[i].Explanation,
                Evidence = [.. files.Select(f => new AttachedFile { FileId = f.Id, Sha256 = f.Sha256, Size = f.Size, ContentType = f.ContentType, FileName = f.FileName })],
            });
        }
        s.Score(lines, clock.Today());
    }

    public async Task PrefillAsync(SelfAssessment s, CancellationToken ct) => s.Prefill(await LiveFigures.ForAsync(s, sources, clock.Today(), ct));

    /// <summary>
    /// Acts in the parent's tenant, in this transaction, on the one <see cref="UnitReview"/> that names this unit and
    /// this assessment: nothing else of the parent is read or written.
    /// </summary>
    public async Task OnParentSideAsync(SelfAssessment s, Func<UnitReview, string, Task> change, CancellationToken ct)
    {
        var current = context.Tenant!;
        if (current.ParentId != s.ParentTenantId)
            throw new DomainRuleException("state", "Đơn vị không còn trực thuộc đơn vị đã mở đợt đánh giá.");
        var parent = await tenants.FindByIdAsync(s.ParentTenantId, ct) ?? throw new NotFoundException("parent");
        var unitName = current.Name;
        await using (await db.ActInTenantAsync(parent, ct))
        {
            var review = await db.UnitReviews.FirstOrDefaultAsync(u => u.Id == s.UnitReviewId && u.AssessmentId == s.Id && u.ChildTenantId == current.Id, ct)
                ?? throw new NotFoundException("unit review");
            await change(review, unitName);
            afterCommit.Add(() => push.ToTenantAsync(new LiveTenantEvent(parent.Id, ReviewEvents.Changed, review.CycleId)));
        }
    }

    /// <summary>The unit's evidence recorded in the parent's tenant against the same bytes (once per file per unit).</summary>
    public IReadOnlyList<ScoreLine> CopyUp(SelfAssessment s, UnitReview review, string actor)
    {
        var known = review.Lines.SelectMany(l => l.Evidence).GroupBy(e => e.Sha256).ToDictionary(g => g.Key, g => g.First());
        var now = clock.GetUtcNow();
        return [.. s.Lines.Select(line =>
        {
            var copy = line.Clone();
            copy.Evidence = [.. line.Evidence.Select(e =>
            {
                if (!known.TryGetValue(e.Sha256, out var there))
                {
                    var stored = attachments.CopyToCurrentTenant(new FileMeta(Guid.Empty, e.Sha256, e.Size, e.ContentType, e.FileName, Guid.Empty, actor, now));
                    there = new AttachedFile { FileId = stored.Id, Sha256 = e.Sha256, Size = e.Size, ContentType = e.ContentType, FileName = stored.FileName };
                    known[e.Sha256] = there;
                }
                return new AttachedFile { FileId = there.FileId, Sha256 = e.Sha256, Size = e.Size, ContentType = e.ContentType, FileName = e.FileName };
            })];
            return copy;
        })];
    }

    public Task NotifyParentAsync(UnitReview review, string kind, string title, CancellationToken ct) =>
        audience.NotifyAsync(Permissions.ReviewsAppraise, null, kind, title, null,
            $"/t/{context.Tenant!.Code}/reviews/cycles/{review.CycleId}/units/{review.Id}", $"{kind}:{review.Id:N}:{review.Submissions}:{clock.GetUtcNow().ToUnixTimeMilliseconds()}", ct);

    public async Task<string> ActorAsync(CancellationToken ct) => await db.ActorNameAsync(context, ct);

    public SelfAssessmentDetail Detail(SelfAssessment s) => SelfAssessmentMapping.ToDetail(s, clock.Today());
}

public sealed class SaveSelfAssessmentHandler(AppDbContext db, SelfAssessmentSteps steps) : ICommandHandler<SaveSelfAssessmentCommand, SelfAssessmentDetail>
{
    public async ValueTask<SelfAssessmentDetail> Handle(SaveSelfAssessmentCommand command, CancellationToken ct)
    {
        var s = await steps.LoadAsync(command.Id, command.Version, ct);
        await steps.ScoreAsync(s, command.Lines, ct);
        await db.SaveChangesAsync(ct);
        return steps.Detail(s);
    }
}

public sealed class SubmitSelfAssessmentHandler(AppDbContext db, SelfAssessmentSteps steps, TimeProvider clock)
    : ICommandHandler<SubmitSelfAssessmentCommand, SelfAssessmentDetail>
{
    public async ValueTask<SelfAssessmentDetail> Handle(SubmitSelfAssessmentCommand command, CancellationToken ct)
    {
        var s = await steps.LoadAsync(command.Id, command.Version, ct);
        if (command.Lines is { Length: > 0 } lines) await steps.ScoreAsync(s, lines, ct);
        await steps.PrefillAsync(s, ct);
        s.Submit(clock.Today(), clock.GetUtcNow());
        var actor = await steps.ActorAsync(ct);
        await db.SaveChangesAsync(ct);
        await steps.OnParentSideAsync(s, async (review, unit) =>
        {
            review.ReceiveSubmission(steps.CopyUp(s, review, actor), clock.GetUtcNow());
            await steps.NotifyParentAsync(review, ReviewEvents.Submitted, $"{unit} đã nộp bản tự đánh giá, xếp loại công tác dân vận", ct);
        }, ct);
        return steps.Detail(s);
    }
}

public sealed class WithdrawSelfAssessmentHandler(AppDbContext db, SelfAssessmentSteps steps, TimeProvider clock)
    : ICommandHandler<WithdrawSelfAssessmentCommand, SelfAssessmentDetail>
{
    public async ValueTask<SelfAssessmentDetail> Handle(WithdrawSelfAssessmentCommand command, CancellationToken ct)
    {
        var s = await steps.LoadAsync(command.Id, command.Version, ct);
        s.Withdraw(clock.Today());
        await db.SaveChangesAsync(ct);
        await steps.OnParentSideAsync(s, async (review, unit) =>
        {
            review.Withdraw();
            await steps.NotifyParentAsync(review, ReviewEvents.Withdrawn, $"{unit} đã rút lại bản tự đánh giá để chỉnh sửa", ct);
        }, ct);
        return steps.Detail(s);
    }
}

public sealed class SelfAssessEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPut("/self-assessments/{id:guid}", (Guid id, SelfAssessmentBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SaveSelfAssessmentCommand(id, body.Lines ?? [], body.Version), ct))
            .WithTags("Reviews").WithSummary("Save the unit's self-scores (draft)").Produces<SelfAssessmentDetail>().WithCommandProblems();
        api.MapPost("/self-assessments/{id:guid}/submit", (Guid id, SelfAssessmentBody? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SubmitSelfAssessmentCommand(id, body?.Lines, body?.Version), ct))
            .WithTags("Reviews").WithSummary("Submit the self-assessment to the parent (optionally saving lines first)").Produces<SelfAssessmentDetail>().WithCommandProblems();
        api.MapPost("/self-assessments/{id:guid}/withdraw", (Guid id, SelfAssessmentBody? body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new WithdrawSelfAssessmentCommand(id, body?.Version), ct))
            .WithTags("Reviews").WithSummary("Withdraw the submission to edit it again before the deadline").Produces<SelfAssessmentDetail>().WithCommandProblems();
    }
}

public sealed record SelfAssessmentBody(SelfScoreInput[]? Lines, uint? Version);
