using Microsoft.EntityFrameworkCore;
using MiningRights.Data;

namespace MiningRights.Accounts;

/// <summary>
/// Reference data: the provinces of the two notices with a selection of their cities and counties, by six-digit
/// administrative division code. Added at start when missing; existing rows are left alone.
/// </summary>
public static class JurisdictionCatalog
{
    private static readonly (string Code, string? Parent, JurisdictionLevel Level, string Zh, string En)[] Nodes =
    [
        ("100000", null, JurisdictionLevel.Ministry, "自然资源部", "Ministry of Natural Resources"),
        ("620000", "100000", JurisdictionLevel.Province, "甘肃省", "Gansu Province"),
        ("620100", "620000", JurisdictionLevel.City, "兰州市", "Lanzhou"),
        ("620102", "620100", JurisdictionLevel.County, "城关区", "Chengguan District"),
        ("620103", "620100", JurisdictionLevel.County, "七里河区", "Qilihe District"),
        ("620123", "620100", JurisdictionLevel.County, "榆中县", "Yuzhong County"),
        ("620300", "620000", JurisdictionLevel.City, "金昌市", "Jinchang"),
        ("620302", "620300", JurisdictionLevel.County, "金川区", "Jinchuan District"),
        ("620321", "620300", JurisdictionLevel.County, "永昌县", "Yongchang County"),
        ("620400", "620000", JurisdictionLevel.City, "白银市", "Baiyin"),
        ("620402", "620400", JurisdictionLevel.County, "白银区", "Baiyin District"),
        ("620422", "620400", JurisdictionLevel.County, "会宁县", "Huining County"),
        ("620900", "620000", JurisdictionLevel.City, "酒泉市", "Jiuquan"),
        ("620902", "620900", JurisdictionLevel.County, "肃州区", "Suzhou District"),
        ("620923", "620900", JurisdictionLevel.County, "肃北蒙古族自治县", "Subei Mongol Autonomous County"),
        ("620924", "620900", JurisdictionLevel.County, "阿克塞哈萨克族自治县", "Aksay Kazakh Autonomous County"),
        ("623000", "620000", JurisdictionLevel.City, "甘南藏族自治州", "Gannan Tibetan Autonomous Prefecture"),
        ("623001", "623000", JurisdictionLevel.County, "合作市", "Hezuo"),
        ("623024", "623000", JurisdictionLevel.County, "迭部县", "Diebu County"),
        ("330000", "100000", JurisdictionLevel.Province, "浙江省", "Zhejiang Province"),
        ("330100", "330000", JurisdictionLevel.City, "杭州市", "Hangzhou"),
        ("330106", "330100", JurisdictionLevel.County, "西湖区", "Xihu District"),
        ("330127", "330100", JurisdictionLevel.County, "淳安县", "Chun'an County"),
        ("330500", "330000", JurisdictionLevel.City, "湖州市", "Huzhou"),
        ("330522", "330500", JurisdictionLevel.County, "长兴县", "Changxing County"),
        ("330900", "330000", JurisdictionLevel.City, "舟山市", "Zhoushan"),
        ("330922", "330900", JurisdictionLevel.County, "嵊泗县", "Shengsi County"),
    ];

    /// <summary>A division's names by its code; null for a code the catalogue does not hold.</summary>
    public static (string Zh, string En)? Name(string code) =>
        Array.FindIndex(Nodes, n => n.Code == code) is var i and >= 0 ? (Nodes[i].Zh, Nodes[i].En) : null;

    public static async Task EnsureAsync(MiningRightsDbContext db, CancellationToken ct)
    {
        var existing = await db.Jurisdictions.ToDictionaryAsync(j => j.Code, ct);
        foreach (var node in Nodes)
        {
            if (!existing.TryGetValue(node.Code, out var known))
            {
                db.Jurisdictions.Add(new Jurisdiction { Code = node.Code, ParentCode = node.Parent, Level = node.Level, NameZh = node.Zh, NameEn = node.En });
            }
            else if (known.ParentCode is null && node.Parent is not null)
            {
                // Provinces were roots before the Ministry was a node; they sit under it now.
                known.ParentCode = node.Parent;
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
