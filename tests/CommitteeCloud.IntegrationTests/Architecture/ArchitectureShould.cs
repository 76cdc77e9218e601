using CommitteeCloud.Domain.Common;
using CommitteeCloud.Web.Platform.Cqrs;
using CommitteeCloud.Web.Platform.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CommitteeCloud.IntegrationTests.Architecture;

/// <summary>Rules a forgotten line would otherwise break silently.</summary>
public sealed class ArchitectureShould(AppFixture app)
{
    private static readonly Type[] Messages = [.. typeof(CommitteeCloud.Web.CommitteeCloudApp).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t))];

    [Fact]
    public void Classify_every_entity_as_tenant_owned_or_explicitly_global()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        var frameworkTables = new[] { "user_claims", "user_logins", "user_tokens", "data_protection_keys" };
        // Owned types (a thread entry's files, stored as JSON in its row) belong to their owner's row.
        var unclassified = model.GetEntityTypes().Where(t => !t.IsOwned())
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && !typeof(IGlobalEntity).IsAssignableFrom(t.ClrType)
                        && !typeof(ISubtreeReadModel).IsAssignableFrom(t.ClrType))
            .Where(t => !frameworkTables.Contains(t.GetTableName()))
            .Select(t => t.ClrType.Name)
            .ToList();
        Assert.Empty(unclassified);
    }

    [Fact]
    public void Lead_every_tenant_owned_key_and_unique_index_with_tenant_id()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<AppDbContext>().Model;
        foreach (var type in model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            Assert.Equal("TenantId", type.FindPrimaryKey()!.Properties[0].Name);
            Assert.True(type.GetDeclaredQueryFilters().Count > 0, $"{type.ClrType.Name} has no query filter");
            foreach (var index in type.GetIndexes().Where(i => i.IsUnique))
                Assert.True(index.Properties[0].Name == "TenantId", $"unique index {index.GetDatabaseName()} of {type.ClrType.Name} does not start with tenant_id");
        }
    }

    [Fact]
    public void Declare_exactly_one_access_rule_on_every_request()
    {
        Assert.NotEmpty(Messages);
        foreach (var message in Messages)
        {
            var rules = new[] { typeof(RequirePermissionAttribute), typeof(PersonalRequestAttribute), typeof(PlatformRequestAttribute) }
                .Count(a => Attribute.IsDefined(message, a));
            Assert.True(rules == 1, $"{message.Name} declares {rules} access rules");
        }
    }

    [Fact]
    public void Give_every_command_with_input_a_validator()
    {
        var validated = typeof(CommitteeCloud.Web.CommitteeCloudApp).Assembly.GetTypes()
            .SelectMany(t => t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>) ? [b.GetGenericArguments()[0]] : Array.Empty<Type>())
            .ToHashSet();
        var commands = Messages.Where(m => typeof(IBaseCommand).IsAssignableFrom(m))
            .Where(m => m.GetProperties().Any(p => p.PropertyType == typeof(string) || p.PropertyType == typeof(string[])));
        foreach (var command in commands)
            Assert.True(validated.Contains(command), $"{command.Name} has no validator");
    }
}
