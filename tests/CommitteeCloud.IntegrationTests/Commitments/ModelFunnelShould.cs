using System.Text.Json;
using CommitteeCloud.IntegrationTests.Tasks;

namespace CommitteeCloud.IntegrationTests.Commitments;

/// <summary>Models of a cell go through the funnel by the decisions of the units above; a sibling never sees them.</summary>
public sealed class ModelFunnelShould(AppFixture app)
{
    [Fact]
    public async Task Count_each_step_of_the_funnel_over_the_subtree()
    {
        var tree = await app.CreateTreeAsync();
        using var root = await app.ClientForAsync(tree.RootSecretary);
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var a1 = await app.ClientForAsync(tree.A1Member);
        using var bClient = await app.ClientForAsync(tree.BSecretary);

        var road = await a1.RegisterModelAsync(tree.GrandchildA1, "Dân vận khéo trong xây dựng đường giao thông nông thôn");
        var clean = await a1.RegisterModelAsync(tree.GrandchildA1, "Khu dân cư xanh - sạch - đẹp", "CultureSociety");
        var own = await aClient.RegisterModelAsync(tree.ChildA, "Tiếp công dân lắng nghe", "PoliticalSystem");
        Assert.Equal("Registered", road.Str("stage"));

        // The commune (parent) surveys and recognizes the road model; the province names it typical and proposes it.
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/models/{road.Id()}/survey",
            new { date = "2026-06-15", findings = "Đã bê tông hóa 1,2 km; 100% hộ đồng thuận", assessment = "Đạt yêu cầu" });
        var recognized = await aClient.PostOkAsync($"/t/{tree.ChildA}/api/models/{road.Id()}/decision", new { decision = "recognize", level = "Commune" });
        Assert.Equal("Commune", recognized.Str("recognitionLevel"));
        await root.PostOkAsync($"/t/{tree.Root}/api/models/{road.Id()}/decision", new { decision = "typical" });
        var proposed = await root.PostOkAsync($"/t/{tree.Root}/api/models/{road.Id()}/decision",
            new { decision = "propose", comment = "Đề nghị tặng Bằng khen của Ủy ban nhân dân tỉnh" });
        Assert.Equal("Proposed", proposed.Str("stage"));
        // Recognizing before a survey is refused, with the field; a unit does not recognize its own model (404).
        var early = await (await aClient.PostAsJsonAsync($"/t/{tree.ChildA}/api/models/{clean.Id()}/decision", new { decision = "recognize", level = "Unit" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(early.FieldErrors("level"));
        await (await aClient.PostAsJsonAsync($"/t/{tree.ChildA}/api/models/{own.Id()}/decision", new { decision = "typical" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await aClient.PostOkAsync($"/t/{tree.ChildA}/api/models/{clean.Id()}/survey", new { date = "2026-06-20", findings = "Mới triển khai", assessment = "Cần tiếp tục theo dõi" });

        var funnel = await root.GetFromJsonAsync<JsonElement>($"/t/{tree.Root}/api/models/funnel?year=2026");
        Assert.Equal([3, 2, 1, 1, 1], new[] { "registered", "surveyed", "recognized", "typical", "proposed" }.Select(k => funnel.GetProperty(k).GetInt32()).ToArray());
        var aFunnel = await aClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildA}/api/models/funnel?year=2026");
        Assert.Equal(3, aFunnel.GetProperty("registered").GetInt32());
        var bFunnel = await bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/models/funnel?year=2026");
        Assert.Equal(0, bFunnel.GetProperty("registered").GetInt32());

        // The cell sees its model as recognized and typical, with the survey in its journal.
        var cellView = await a1.GetFromJsonAsync<JsonElement>($"/t/{tree.GrandchildA1}/api/models/{road.Id()}");
        Assert.True(cellView.GetProperty("isTypical").GetBoolean());
        Assert.Contains(cellView.GetProperty("journal").EnumerateArray(), e => e.Str("kind") == "Surveyed" && e.Str("assessment") == "Đạt yêu cầu");

        // A sibling can neither read nor act on it.
        Assert.Equal(HttpStatusCode.NotFound, (await bClient.GetAsync($"/t/{tree.ChildB}/api/models/{road.Id()}")).StatusCode);
        await (await bClient.PostAsJsonAsync($"/t/{tree.ChildB}/api/models/{road.Id()}/decision", new { decision = "typical" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var bSubtree = await bClient.GetFromJsonAsync<JsonElement>($"/t/{tree.ChildB}/api/models?scope=Subtree");
        Assert.Equal(0, bSubtree.GetArrayLength());
    }

    [Fact]
    public async Task Continue_a_model_into_next_year_and_show_its_replication_to_the_original_unit()
    {
        var tree = await app.CreateTreeAsync();
        using var aClient = await app.ClientForAsync(tree.ASecretary);
        using var a1 = await app.ClientForAsync(tree.A1Member);
        var model = await a1.RegisterModelAsync(tree.GrandchildA1, "Chi bộ ba gương mẫu");

        var replica = await aClient.PostOkAsync($"/t/{tree.ChildA}/api/models/{model.Id()}/replicate", new { year = 2026 });
        Assert.Equal(model.Id(), replica.GetProperty("originalModelId").GetGuid());
        Assert.True(replica.GetProperty("own").GetBoolean());
        var original = await Eventually.ValueAsync(() => a1.GetFromJsonAsync<JsonElement>($"/t/{tree.GrandchildA1}/api/models/{model.Id()}"),
            m => m.GetProperty("replications").GetArrayLength() == 1);
        Assert.Equal($"Đảng ủy xã A {tree.Suffix}", original.GetProperty("replications")[0].Str("unitName"));

        var continued = await a1.PostOkAsync($"/t/{tree.GrandchildA1}/api/models/{model.Id()}/continue");
        Assert.Equal("Continued", continued.Str("status"));
        var next = continued.GetProperty("nextModelId").GetGuid();
        var nextModel = await a1.GetFromJsonAsync<JsonElement>($"/t/{tree.GrandchildA1}/api/models/{next}");
        Assert.Equal(2027, nextModel.GetProperty("year").GetInt32());
        Assert.Equal(model.Id(), nextModel.GetProperty("previousModelId").GetGuid());
    }
}
