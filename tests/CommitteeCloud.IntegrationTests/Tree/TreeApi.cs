using System.Text.Json;

namespace CommitteeCloud.IntegrationTests.Tree;

/// <summary>Small helpers over the tree endpoints, shared by the tree tests.</summary>
internal static class TreeApi
{
    public static async Task<JsonElement[]> SubtreeAsync(this HttpClient client, string tenant, string? search = null) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/t/{tenant}/api/tree{(search is null ? "" : "?search=" + Uri.EscapeDataString(search))}")).EnumerateArray()];

    public static async Task<JsonElement[]> SubtreeEventuallyAsync(this HttpClient client, string tenant, Func<JsonElement[], bool> done) =>
        await Eventually.ValueAsync(() => client.SubtreeAsync(tenant), done);

    public static string[] Codes(this IEnumerable<JsonElement> nodes) => [.. nodes.Select(n => n.GetProperty("code").GetString()!)];

    public static async Task<HttpResponseMessage> ProvisionAsync(this HttpClient client, string tenant, object body) =>
        await client.PostAsJsonAsync($"/t/{tenant}/api/tenants", body);
}
