using CommitteeCloud.Domain.Directives;

namespace CommitteeCloud.UnitTests.Directives;

public sealed class DirectivePointsShould
{
    // The shape of Công văn 1866-CV/TU: a preamble, points 1–6, a second paragraph of point 3, a footnote numbered
    // again from 1 in the middle, and the "Nơi nhận" block.
    private const string Body = """
        Để tiếp tục thực hiện tốt công tác dân vận của cơ quan Nhà nước các cấp trong thời gian tới, Ban Thường vụ Tỉnh ủy yêu cầu:

        1. Tiếp tục tăng cường sự lãnh đạo, chỉ đạo của các cấp uỷ đảng, chính quyền; đẩy mạnh công tác tuyên truyền.

        2. Thực hiện tốt nội dung “*Năm dân vận chính quyền*”, tạo chuyển biến tích cực.

        3. Tiếp tục thực hiện hiệu quả công tác cải cách hành chính.

        Tăng cường kỷ luật, kỷ cương, nâng cao trách nhiệm, đạo đức công vụ.

        1. Trọng tâm là Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương khóa XI.

        4. Tiếp tục chỉ đạo thực hiện tốt Quy chế dân chủ ở cơ sở.

        5. Thường xuyên kiểm tra, giám sát việc thực hiện công tác dân vận.

        6. Ban Dân vận Tỉnh ủy chủ trì, phối hợp với Ban cán sự đảng Ủy ban nhân dân tỉnh thường xuyên theo dõi, kiểm tra, đôn đốc.

        Nơi nhận:

        - Ban Dân vận Trung ương (b/c),
        """;

    [Fact]
    public void Find_the_six_numbered_points_of_a_letter_in_order()
    {
        var points = DirectivePoints.Split(Body);
        Assert.Equal([1, 2, 3, 4, 5, 6], points.Select(p => p.Number).ToArray());
        Assert.Equal("Tiếp tục tăng cường sự lãnh đạo, chỉ đạo của các cấp uỷ đảng, chính quyền", points[0].Title);
        Assert.Equal("Thực hiện tốt nội dung “Năm dân vận chính quyền”, tạo chuyển biến tích cực", points[1].Title);
    }

    [Fact]
    public void Keep_later_paragraphs_and_a_footnote_with_the_point_before_them()
    {
        var third = DirectivePoints.Split(Body)[2];
        Assert.Contains("Tăng cường kỷ luật, kỷ cương", third.Content);
        Assert.Contains("Trọng tâm là Nghị quyết số 25-NQ/TW", third.Content);
        Assert.DoesNotContain("Ban Dân vận Trung ương", DirectivePoints.Split(Body)[5].Content);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Không có điểm đánh số nào.")]
    [InlineData("2. Bắt đầu từ hai thì không phải danh sách.")]
    public void Find_nothing_where_there_is_no_list(string? body) => Assert.Empty(DirectivePoints.Split(body));

    [Fact]
    public void Shorten_a_long_title_on_a_word_boundary()
    {
        var title = DirectivePoints.TitleOf(string.Join(' ', Enumerable.Repeat("công tác dân vận", 40)));
        Assert.True(title.Length <= DirectivePoints.TitleMaxLength);
        Assert.EndsWith("…", title);
        Assert.DoesNotContain("  ", title);
    }
}
