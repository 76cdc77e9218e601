using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Suggestions;

namespace CommitteeCloud.Web.Features.Suggestions;

/// <summary>
/// Tra cứu bằng mã: the anonymous sender follows their suggestion (status, answer) with the receipt code. A POST, so
/// the code travels in the body and never in a URL that a log or a browser history would keep. A wrong code is a 404.
/// </summary>
[RequirePermission(Permissions.TenantView)]
public sealed record LookupSuggestionQuery(string ReceiptCode) : IQuery<SuggestionDto>;

public sealed class LookupSuggestionValidator : AbstractValidator<LookupSuggestionQuery>
{
    public LookupSuggestionValidator() =>
        RuleFor(x => x.ReceiptCode).NotEmpty().WithMessage("Hãy nhập mã tra cứu.").MaximumLength(40);
}

public sealed class LookupSuggestionHandler(AppDbContext db) : IQueryHandler<LookupSuggestionQuery, SuggestionDto>
{
    public async ValueTask<SuggestionDto> Handle(LookupSuggestionQuery query, CancellationToken ct)
    {
        var hash = ReceiptCode.Hash(query.ReceiptCode);
        var suggestion = await db.Suggestions.AsNoTracking().FirstOrDefaultAsync(s => s.ReceiptCodeHash == hash, ct)
            ?? throw new NotFoundException("Không tìm thấy góp ý với mã tra cứu này.");
        return SuggestionDto.Public(suggestion);
    }
}

public sealed class LookupSuggestionEndpoint : IEndpoint
{
    public static void Map(IEndpointRouteBuilder api) => api
        .MapPost("/suggestions/lookup", (LookupSuggestionQuery query, IMediator mediator, CancellationToken ct) => mediator.Send(query, ct))
        .WithTags("Suggestions").WithSummary("Follow an anonymous suggestion with its receipt code (404 for a wrong code)")
        .Produces<SuggestionDto>().WithTenantProblems();
}
