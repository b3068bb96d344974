namespace MiningRights.Rights;

public sealed record PlaceView(string Code, string NameZh, string NameEn);
