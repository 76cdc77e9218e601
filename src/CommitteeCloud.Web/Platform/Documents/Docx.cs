using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CommitteeCloud.Web.Platform.Documents;

/// <summary>
/// The pieces every Word document of the product is made of (biên bản, báo cáo, phiếu chấm điểm): Times New Roman runs
/// with the party's administrative sizes, paragraphs, the borderless two-column header and signer blocks, section
/// numbers in Roman numerals.
/// </summary>
public static class Docx
{
    /// <summary>A run of text; <paramref name="size"/> in half-points (26 = 13 pt, 28 = 14 pt).</summary>
    public static Run Text(string text, bool bold = false, bool italic = false, bool underline = false, int size = 26)
    {
        var props = new RunProperties(new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" });
        if (bold) props.Append(new Bold());
        if (italic) props.Append(new Italic());
        if (underline) props.Append(new Underline { Val = UnderlineValues.Single });
        props.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new Run(props, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    public static Paragraph Para(JustificationValues align, params Run[] runs)
    {
        var p = new Paragraph(new ParagraphProperties(new Justification { Val = align }, new SpacingBetweenLines { After = "60" }));
        p.Append(runs);
        return p;
    }

    /// <summary>A borderless table of two cells side by side; widths in fiftieths of a percent (5000 in all).</summary>
    public static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right, int leftWidth = 2000)
    {
        var none = new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        return new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, none),
            new TableRow(
                new TableCell([new TableCellProperties(new TableCellWidth { Width = leftWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }), .. left]),
                new TableCell([new TableCellProperties(new TableCellWidth { Width = (5000 - leftWidth).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct }), .. right])));
    }

    /// <summary>Section numbers: I, II, … X, then digits.</summary>
    public static string Roman(int n) => n switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", 10 => "X",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}
