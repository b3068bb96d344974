namespace MiningRights.Web.Apis;

/// <summary>One page of a list, with the total so a client can page on.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

/// <summary>Checks paging parameters and turns them into skip and take.</summary>
public static class Paging
{
    public static (int Skip, int Take) Window(int? page, int? pageSize)
    {
        var size = pageSize ?? 20;
        var number = page ?? 1;
        if (size is < 1 or > 200)
        {
            throw RefusalException.Invalid("pageSize", "pageSize must be between 1 and 200.");
        }

        if (number < 1)
        {
            throw RefusalException.Invalid("page", "page must be 1 or more.");
        }

        return ((number - 1) * size, size);
    }
}
