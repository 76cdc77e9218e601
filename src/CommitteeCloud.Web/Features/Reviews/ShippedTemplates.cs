using CommitteeCloud.Domain.Reviews;
using CommitteeCloud.Web.Features.Dialogues;
using CommitteeCloud.Web.Features.LeaderAssignments;
using CommitteeCloud.Web.Features.Tasks;

namespace CommitteeCloud.Web.Features.Reviews;

/// <summary>A template shipped with the product as an example: every tenant may view it and copy it into its own templates.</summary>
public sealed record ShippedTemplate(string Key, string Name, string Description, CriteriaSheet Sheet);

/// <summary>
/// The two example sheets, worded after the directives the product serves (Kết luận 114-KL/TW, Quyết định 290-QĐ/TW,
/// the provincial Chỉ thị on mass-mobilization work of state agencies and its criteria for ranking agencies): a
/// 100-point sheet of 10 criteria with bonus and deduction points, and the "90 points self-scored, 10 awarded by the
/// level above" shape. New instances each call, so that a caller may change its copy freely.
/// </summary>
public static class ShippedTemplates
{
    public const string HundredPoints = "100-diem-10-tieu-chi";
    public const string NinetyPlusTen = "90-tu-cham-10-cap-tren";

    public static IReadOnlyList<ShippedTemplate> All => [Hundred(), NinetyTen()];

    public static ShippedTemplate? Find(string key) => All.FirstOrDefault(t => t.Key == key);

    private static Criterion C(string code, string title, decimal max, string guidance, string evidence, LiveBinding? live = null, bool self = true) =>
        new() { Code = code, Title = title, MaxPoints = max, Guidance = guidance, RequiredEvidence = evidence, Live = live, SelfScored = self };

    private static ShippedTemplate Hundred() => new(HundredPoints,
        "Bộ tiêu chí 100 điểm (10 tiêu chí, có điểm thưởng, điểm trừ)",
        "Đánh giá, xếp loại công tác dân vận của cơ quan nhà nước hằng năm theo Kết luận 114-KL/TW: 10 tiêu chí, mỗi tiêu chí 10 điểm; điểm thưởng tối đa 10 điểm; điểm trừ tối đa 10 điểm.",
        new CriteriaSheet
        {
            Total = 100,
            Groups =
            [
                new CriterionGroup { Name = "I. Công tác lãnh đạo, chỉ đạo", Criteria =
                [
                    C("1", "Ban hành kế hoạch công tác dân vận năm ngay từ đầu năm, cụ thể hóa Kết luận 114-KL/TW", 10,
                        "Có kế hoạch trước 31/01: 10 điểm; ban hành muộn: 5 điểm; không ban hành: 0 điểm.", "Kế hoạch công tác dân vận năm"),
                    C("2", "Phân công lãnh đạo phụ trách công tác dân vận bằng văn bản theo Quyết định 290-QĐ/TW", 10,
                        "Có quyết định phân công còn hiệu lực: 10 điểm (tự động từ sổ phân công lãnh đạo).", "Quyết định phân công",
                        new LiveBinding { IndicatorCode = LeaderAssignmentIndicators.AssignmentInForce, Kind = LiveBindingKind.AtLeast, Threshold = 1 }),
                    C("3", "Quán triệt, tuyên truyền Nghị quyết 25-NQ/TW, Kết luận 114-KL/TW đến cán bộ, công chức, viên chức", 10,
                        "Tỷ lệ cán bộ, công chức được quán triệt đạt 100%: 10 điểm; từ 80%: 7 điểm; dưới 80%: 3 điểm.", "Biên bản hội nghị quán triệt, danh sách tham dự"),
                ]},
                new CriterionGroup { Name = "II. Thực hiện nhiệm vụ công tác dân vận", Criteria =
                [
                    C("4", "Thực hiện Quy chế dân chủ ở cơ sở; tổ chức hội nghị cán bộ, công chức, viên chức hằng năm", 10,
                        "Tổ chức hội nghị đúng quy định, có nghị quyết: 10 điểm.", "Nghị quyết hội nghị cán bộ, công chức"),
                    C("5", "Người đứng đầu đối thoại với cán bộ, công chức, viên chức ít nhất 01 lần/năm", 10,
                        "Có ít nhất 01 cuộc đối thoại trong năm: 10 điểm (tự động từ sổ đối thoại).", "Biên bản đối thoại",
                        new LiveBinding { IndicatorCode = DialogueIndicators.HeldWithStaff, Kind = LiveBindingKind.AtLeast, Threshold = 1 }),
                    C("6", "Tiếp công dân, đối thoại với Nhân dân, doanh nghiệp; giải quyết kịp thời khiếu nại, tố cáo", 10,
                        "Giải quyết đúng hạn 100% đơn thư thuộc thẩm quyền: 10 điểm; từ 90%: 7 điểm.", "Báo cáo tiếp công dân, giải quyết đơn thư"),
                    C("7", "Cải cách hành chính, nâng cao các chỉ số PAR INDEX, SIPAS, PAPI, PCI", 10,
                        "Chỉ số tăng so với năm trước: 10 điểm; giữ nguyên: 7 điểm; giảm: 3 điểm.", "Kết quả công bố các chỉ số"),
                    C("8", "Xây dựng, nhân rộng mô hình \"Dân vận khéo\" (01-02 mô hình/năm)", 10,
                        "Có ít nhất 01 mô hình được đăng ký và triển khai: 10 điểm.", "Đăng ký mô hình, báo cáo kết quả"),
                ]},
                new CriterionGroup { Name = "III. Kết quả thực hiện nhiệm vụ và chế độ báo cáo", Criteria =
                [
                    C("9", "Hoàn thành đúng hạn các nhiệm vụ công tác dân vận được giao", 10,
                        "Điểm bằng tỷ lệ nhiệm vụ hoàn thành đúng hạn nhân với 10 (tự động từ theo dõi nhiệm vụ).", "Danh mục nhiệm vụ",
                        new LiveBinding { IndicatorCode = TaskIndicators.OnTimeRate, Kind = LiveBindingKind.Percentage }),
                    C("10", "Thực hiện chế độ thông tin, báo cáo định kỳ; bồi dưỡng, tập huấn nghiệp vụ công tác dân vận", 10,
                        "Báo cáo đầy đủ, đúng hạn và có cán bộ dự tập huấn: 10 điểm.", "Báo cáo định kỳ, danh sách tập huấn"),
                ]},
            ],
            Bonuses =
            [
                new BonusRule { Code = "T1", Title = "Mô hình \"Dân vận khéo\" được công nhận cấp tỉnh trở lên", MaxPoints = 5 },
                new BonusRule { Code = "T2", Title = "Được cấp có thẩm quyền khen thưởng về công tác dân vận", MaxPoints = 5 },
            ],
            BonusCap = 10,
            Deductions =
            [
                new DeductionRule { Code = "D1", Title = "Mỗi nhiệm vụ quá hạn chưa hoàn thành: trừ 1 điểm", PointsEach = 1, MaxPoints = 5, IndicatorCode = TaskIndicators.Overdue },
                new DeductionRule { Code = "D2", Title = "Để xảy ra khiếu kiện đông người, vượt cấp thuộc trách nhiệm", PointsEach = 5, MaxPoints = 5 },
            ],
            DeductionCap = 10,
            Bands =
            [
                new ScoreBand { Name = "Hoàn thành xuất sắc nhiệm vụ", MinScore = 90 },
                new ScoreBand { Name = "Hoàn thành tốt nhiệm vụ", MinScore = 70 },
                new ScoreBand { Name = "Hoàn thành nhiệm vụ", MinScore = 50 },
                new ScoreBand { Name = "Không hoàn thành nhiệm vụ", MinScore = 0 },
            ],
        });

    private static ShippedTemplate NinetyTen() => new(NinetyPlusTen,
        "Bộ tiêu chí 90 điểm tự chấm + 10 điểm cấp trên đánh giá",
        "Đơn vị tự chấm 90 điểm (30 điểm tiêu chí chung, 60 điểm kết quả thực hiện nhiệm vụ); cấp trên chấm 10 điểm. Trừ 0,5 điểm mỗi nhiệm vụ quá hạn, tối đa 5 điểm.",
        new CriteriaSheet
        {
            Total = 100,
            Groups =
            [
                new CriterionGroup { Name = "I. Tiêu chí chung (30 điểm)", Criteria =
                [
                    C("A1", "Cấp ủy, người đứng đầu lãnh đạo, chỉ đạo công tác dân vận; có kế hoạch năm", 10, "Đủ văn bản lãnh đạo, chỉ đạo: 10 điểm.", "Kế hoạch, văn bản chỉ đạo"),
                    C("A2", "Phân công lãnh đạo phụ trách công tác dân vận theo Quyết định 290-QĐ/TW", 10, "Có quyết định còn hiệu lực: 10 điểm.", "Quyết định phân công",
                        new LiveBinding { IndicatorCode = LeaderAssignmentIndicators.AssignmentInForce, Kind = LiveBindingKind.AtLeast, Threshold = 1 }),
                    C("A3", "Quán triệt, học tập các chỉ thị, nghị quyết về công tác dân vận", 10, "Tổ chức quán triệt đầy đủ: 10 điểm.", "Biên bản hội nghị"),
                ]},
                new CriterionGroup { Name = "II. Kết quả thực hiện nhiệm vụ (60 điểm)", Criteria =
                [
                    C("B1", "Hoàn thành đúng hạn nhiệm vụ được giao", 20, "Điểm theo tỷ lệ nhiệm vụ hoàn thành đúng hạn.", "Danh mục nhiệm vụ",
                        new LiveBinding { IndicatorCode = TaskIndicators.OnTimeRate, Kind = LiveBindingKind.Percentage }),
                    C("B2", "Đối thoại giữa người đứng đầu với cán bộ, công chức và với Nhân dân", 15, "Có đối thoại với cán bộ, công chức trong năm: 15 điểm.", "Biên bản đối thoại",
                        new LiveBinding { IndicatorCode = DialogueIndicators.HeldWithStaff, Kind = LiveBindingKind.AtLeast, Threshold = 1 }),
                    C("B3", "Thực hiện Quy chế dân chủ ở cơ sở, hội nghị cán bộ, công chức", 10, "Đúng quy định: 10 điểm.", "Nghị quyết hội nghị"),
                    C("B4", "Mô hình \"Dân vận khéo\" và phong trào thi đua", 15, "Có mô hình triển khai hiệu quả: 15 điểm.", "Báo cáo mô hình"),
                ]},
                new CriterionGroup { Name = "III. Cấp trên đánh giá (10 điểm)", Criteria =
                [
                    C("C1", "Đánh giá của Ban Dân vận cấp trên về chất lượng, hiệu quả công tác dân vận", 10,
                        "Do Ban Dân vận cấp trên chấm, căn cứ kết quả theo dõi, kiểm tra, giám sát trong năm.", "", self: false),
                ]},
            ],
            Deductions =
            [
                new DeductionRule { Code = "D1", Title = "Mỗi nhiệm vụ quá hạn chưa hoàn thành: trừ 0,5 điểm", PointsEach = 0.5m, MaxPoints = 5, IndicatorCode = TaskIndicators.Overdue },
            ],
            DeductionCap = 5,
            Bands =
            [
                new ScoreBand { Name = "Tốt", MinScore = 85 },
                new ScoreBand { Name = "Khá", MinScore = 70 },
                new ScoreBand { Name = "Trung bình", MinScore = 50 },
                new ScoreBand { Name = "Yếu", MinScore = 0 },
            ],
        });
}
