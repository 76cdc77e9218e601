using System.Text.RegularExpressions;

namespace CommitteeCloud.Domain.Directives;

/// <summary>One numbered point of a directive's body: what becomes a task.</summary>
public sealed record DirectivePoint(int Number, string Title, string Content);

/// <summary>
/// Splits a directive's body into its numbered points ("1. Tiếp tục tăng cường ..."), as officers would by hand:
/// points run 1, 2, 3 ... in order; a paragraph that does not start the next number (a second paragraph, a
/// footnote numbered again from 1) belongs to the point before it; the preamble and the "Nơi nhận" block are not
/// points.
/// </summary>
public static partial class DirectivePoints
{
    public const int TitleMaxLength = 200;

    public static IReadOnlyList<DirectivePoint> Split(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return [];
        var points = new List<(int Number, List<string> Paragraphs)>();
        foreach (var raw in body.Replace("\r\n", "\n").Split('\n'))
        {
            var paragraph = raw.Trim();
            if (paragraph.Length == 0) continue;
            if (Closing().IsMatch(paragraph)) break;
            var numbered = Numbered().Match(paragraph);
            if (numbered.Success && int.Parse(numbered.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) == points.Count + 1)
            {
                points.Add((points.Count + 1, [numbered.Groups[2].Value.Trim()]));
                continue;
            }
            if (points.Count > 0) points[^1].Paragraphs.Add(paragraph);
        }
        return [.. points.Select(p => new DirectivePoint(p.Number, TitleOf(p.Paragraphs[0]), string.Join("\n\n", p.Paragraphs)))];
    }

    /// <summary>The point's first sentence, shortened on a word boundary: what lists show.</summary>
    public static string TitleOf(string text)
    {
        var plain = text.Replace("*", "", StringComparison.Ordinal).Trim();
        var end = FirstSentenceEnd().Match(plain);
        var sentence = end.Success ? plain[..end.Index] : plain;
        if (sentence.Length <= TitleMaxLength) return sentence.TrimEnd('.', ';', ',', ':');
        var cut = sentence.LastIndexOf(' ', TitleMaxLength - 1);
        return sentence[..(cut > 40 ? cut : TitleMaxLength - 1)].TrimEnd('.', ';', ',', ':') + "…";
    }

    [GeneratedRegex(@"^(\d{1,2})\s*[\.\)]\s+(.+)$", RegexOptions.Singleline)]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(Nơi nhận|Noi nhan)\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex Closing();

    [GeneratedRegex(@"[\.;](\s|$)")]
    private static partial Regex FirstSentenceEnd();
}
