using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CommitteeCloud.Domain.Memberships;
using CommitteeCloud.Domain.Tenants;

namespace CommitteeCloud.Web.Features.TenantTrees;

/// <summary>
/// Writes a large, realistic tenant tree for benchmarks: one province committee, then commune/ward committees and
/// the party committees of provincial agencies, then their cells, each with its own people (a secretary, a unit
/// reporter, staff). The same count, size and seed always give the same file, so measurements can be compared.
/// </summary>
public static class TenantTreeGenerator
{
    public const string Password = "DanVan@2026";

    /// <summary>About one commune or agency for every eight tenants; the rest are their cells.</summary>
    private const int TenantsPerUnit = 8;

    private static readonly string[] Families =
        ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
         "Lý", "Nông", "Lương", "Hà", "Triệu", "Lục", "Vi", "Đinh", "Mã", "Chu", "Tô", "Đàm", "Bế", "La", "Lăng"];
    private static readonly string[] MenMiddles = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Thành"];
    private static readonly string[] WomenMiddles = ["Thị", "Ngọc", "Thu", "Hồng", "Thanh", "Minh", "Kim", "Phương"];
    private static readonly string[] MenGivens =
        ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Khoa", "Long", "Nam", "Phong", "Phúc",
         "Quân", "Sơn", "Tài", "Thắng", "Trung", "Tuấn", "Việt", "Vinh"];
    private static readonly string[] WomenGivens =
        ["Anh", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Quyên", "Tâm",
         "Thảo", "Trang", "Vân", "Xuân", "Yến"];
    private static readonly string[] Syllables =
        ["Tân", "An", "Phú", "Hòa", "Bình", "Thạnh", "Long", "Hưng", "Thịnh", "Lộc", "Phước", "Thuận", "Đông", "Tây", "Nam",
         "Bắc", "Quang", "Minh", "Đồng", "Hợp", "Thành", "Vĩnh", "Xuân", "Mỹ", "Tiến", "Kim", "Hải", "Sơn", "Trung", "Lạc"];
    private static readonly string[] Hamlets = ["Thôn", "Bản", "Khối", "Tổ dân phố", "Ấp"];
    private static readonly string[] Agencies =
        ["Sở Nội vụ", "Sở Tài chính", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Sở Công Thương", "Sở Tư pháp",
         "Sở Nông nghiệp và Môi trường", "Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ", "Thanh tra tỉnh",
         "Bệnh viện Đa khoa tỉnh", "Trường Chính trị tỉnh", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Kho bạc Nhà nước tỉnh"];
    private static readonly string[] Offices = ["Văn phòng", "Phòng Tổ chức", "Phòng Kế hoạch", "Phòng Nghiệp vụ", "Phòng Thanh tra"];

    /// <summary>
    /// <paramref name="prefix"/> starts every code and user name, so that several generated trees (or test runs)
    /// can live in one database.
    /// </summary>
    public static TenantTreeFile Generate(int count, int peoplePerTenant = 20, int seed = 42, string prefix = "sim")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(peoplePerTenant, 1);
        var random = new Random(seed);
        var people = new List<PersonSpec>();
        var tenants = new List<TenantSpec>();
        var province = Place(random);
        var root = new TenantSpec($"{prefix}-tinh", $"Tỉnh ủy {province}", TenantKind.PartyCommittee, "Tỉnh", null,
            Members(random, prefix, people, peoplePerTenant, "Bí thư Tỉnh ủy"));
        tenants.Add(root);

        var remaining = count - 1;
        var units = remaining == 0 ? 0 : Math.Max(1, remaining / TenantsPerUnit);
        var cells = remaining - units;
        for (var u = 0; u < units; u++)
        {
            var agency = u % 5 == 4;
            string unitName, unitCode, level;
            TenantKind kind;
            if (agency)
            {
                var name = Agencies[u / 5 % Agencies.Length];
                unitName = $"Đảng ủy {name}";
                unitCode = $"{prefix}-{Slug(name)}-{u + 1}";
                level = "Sở, ngành";
                kind = TenantKind.StateAgency;
            }
            else
            {
                var ward = random.Next(4) == 0;
                var place = Place(random);
                unitName = ward ? $"Đảng ủy phường {place}" : $"Đảng ủy xã {place}";
                unitCode = $"{prefix}-{(ward ? "phuong" : "xa")}-{Slug(place)}-{u + 1}";
                level = ward ? "Phường" : "Xã";
                kind = TenantKind.GrassrootsCommittee;
            }
            tenants.Add(new TenantSpec(unitCode, unitName, kind, level, root.Code,
                Members(random, prefix, people, peoplePerTenant, "Bí thư Đảng ủy")));

            var own = cells / units + (u < cells % units ? 1 : 0);
            for (var c = 1; c <= own; c++)
            {
                var cellName = agency
                    ? $"Chi bộ {Offices[(c - 1) % Offices.Length]}{(c > Offices.Length ? $" {(c - 1) / Offices.Length + 1}" : "")}"
                    : $"Chi bộ {Hamlets[random.Next(Hamlets.Length)]} {Place(random)}";
                tenants.Add(new TenantSpec($"{unitCode}-cb{c}", cellName, TenantKind.Cell, "Chi bộ", unitCode,
                    Members(random, prefix, people, peoplePerTenant, "Bí thư Chi bộ")));
            }
        }
        return new TenantTreeFile(people, tenants);
    }

    /// <summary>The file as people write them: indented, Vietnamese unescaped, pointing at the schema.</summary>
    public static async Task WriteAsync(TenantTreeFile file, string path, CancellationToken ct)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            Converters = { new JsonStringEnumConverter() },
        };
        var body = JsonSerializer.SerializeToNode(file, options)!.AsObject();
        var document = new JsonObject { ["$schema"] = "./tenant-tree.schema.json" };
        foreach (var name in body.Select(p => p.Key).ToList())
        {
            var value = body[name];
            body.Remove(name);
            document[name] = value;
        }
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(path, document.ToJsonString(options) + "\n", new UTF8Encoding(false), ct);
    }

    private static List<MemberSpec> Members(Random random, string prefix, List<PersonSpec> people, int size, string secretary)
    {
        var members = new List<MemberSpec>(size);
        for (var i = 0; i < size; i++)
        {
            var person = Person(random, prefix, people.Count + 1);
            people.Add(person);
            var (role, position) = i switch
            {
                0 => (DefaultRoles.Secretary, secretary),
                1 => (DefaultRoles.UnitReporter, "Cán bộ đầu mối công tác dân vận"),
                _ => (DefaultRoles.StaffMember, random.Next(3) == 0 ? "Cán bộ, công chức" : "Đảng viên"),
            };
            members.Add(new MemberSpec(person.UserName, [role], position));
        }
        return members;
    }

    private static PersonSpec Person(Random random, string prefix, int number)
    {
        var woman = random.Next(2) == 0;
        var family = Families[random.Next(Families.Length)];
        var middle = (woman ? WomenMiddles : MenMiddles)[random.Next(MenMiddles.Length)];
        var given = (woman ? WomenGivens : MenGivens)[random.Next(woman ? WomenGivens.Length : MenGivens.Length)];
        var userName = $"{prefix}.{Slug(given)}.{Slug(family)}{number.ToString(CultureInfo.InvariantCulture)}";
        return new PersonSpec(userName, $"{family} {middle} {given}", $"{userName}@{prefix}.committeecloud.vn", Password);
    }

    private static string Place(Random random)
    {
        var first = Syllables[random.Next(Syllables.Length)];
        string second;
        do second = Syllables[random.Next(Syllables.Length)]; while (second == first);
        return $"{first} {second}";
    }

    /// <summary>"Sở Giáo dục và Đào tạo" → "so-giao-duc-va-dao-tao": codes and user names are ASCII.</summary>
    public static string Slug(string text)
    {
        var ascii = new StringBuilder(text.Length);
        foreach (var ch in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            ascii.Append(char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-');
        }
        var slug = ascii.ToString();
        while (slug.Contains("--", StringComparison.Ordinal)) slug = slug.Replace("--", "-", StringComparison.Ordinal);
        return slug.Trim('-');
    }
}
