using System.Xml.Linq;

namespace CommitteeCloud.UnitTests.Platform;

/// <summary>Vietnamese first, English available: a string added in one language only would show its key in the other.</summary>
public sealed class UiStringsShould
{
    private static readonly string Resources = Path.Combine(FindRoot(), "src", "CommitteeCloud.Web", "Resources");

    [Fact]
    public void Hold_the_same_keys_in_Vietnamese_and_English_each_once()
    {
        var vi = Keys("Ui.resx");
        var en = Keys("Ui.en.resx");
        Assert.Empty(vi.Except(en));
        Assert.Empty(en.Except(vi));
        Assert.Equal(vi.Count, vi.Distinct().Count());
        Assert.Equal(en.Count, en.Distinct().Count());
        Assert.All(XDocument.Load(Path.Combine(Resources, "Ui.resx")).Root!.Elements("data"),
            d => Assert.False(string.IsNullOrWhiteSpace(d.Element("value")?.Value), $"{d.Attribute("name")?.Value} has no Vietnamese text"));
    }

    private static List<string> Keys(string file) =>
        [.. XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data").Select(d => d.Attribute("name")!.Value)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CommitteeCloud.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
