using CommitteeCloud.Domain.Common;
using CommitteeCloud.Web.Platform.Cqrs;
using CommitteeCloud.Web.Platform.Errors;
using CommitteeCloud.Web.Platform.Persistence;
using FluentValidation;
using FluentValidation.Results;

namespace CommitteeCloud.UnitTests.Platform;

public sealed class ProblemClassificationShould
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new ValidationException([new ValidationFailure("Email", "bad")]), 400 },
        { new DomainRuleException("roles", "bad"), 400 },
        { new TenantRequiredException(), 400 },
        { new UnauthenticatedException(), 401 },
        { new ForbiddenException("x"), 403 },
        { new NotFoundException("x"), 404 },
        { new TenantIsolationException("x"), 404 },
        { new ConflictException("x"), 409 },
        { new Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException("x"), 409 },
        { new System.Text.Json.JsonException("x"), 400 },
        { new InvalidOperationException("a real bug"), 500 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Map_each_failure_to_its_status(Exception exception, int status) =>
        Assert.Equal(status, ProblemExceptionHandler.Classify(exception).Status);

    [Fact]
    public void Key_field_errors_in_camel_case()
    {
        var (_, _, errors) = ProblemExceptionHandler.Classify(new ValidationException([new ValidationFailure("InitialPassword", "short")]));
        Assert.Equal(["short"], errors!["initialPassword"]);
    }

    [Fact]
    public void Answer_a_cross_tenant_write_as_not_found_so_it_reveals_nothing()
    {
        var (status, title, _) = ProblemExceptionHandler.Classify(new TenantIsolationException("TenantRole of another tenant"));
        Assert.Equal(404, status);
        Assert.Equal(ProblemText.NotFound, title);
    }
}
