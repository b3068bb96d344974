using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace MiningRights.IntegrationTests.Security;

/// <summary>
/// What the access matrix knows of one endpoint and method: who may call it, and the calls that address the world's
/// objects (which object each route parameter, query parameter or body field names).
/// </summary>
/// <param name="Method">GET, POST, ...; for a page handler, POST with <paramref name="Handler"/>.</param>
/// <param name="Pattern">The route pattern as the endpoint list spells it.</param>
/// <param name="Roles">The roles its authorization admits: null for anyone signed in, empty for anyone at all (public).</param>
/// <param name="Calls">The calls that address objects of the world; a call of an endpoint without parameters has no arguments.</param>
/// <param name="Stranger">What a stranger whose role is admitted gets (a status), when not the default: 404 when a call names one of A's objects, 2xx otherwise.</param>
/// <param name="ListsOwn">A list of the caller's own objects: A's answer must name one of A's objects, so that a stranger's answer without them means something.</param>
/// <param name="Handler">A page's POST handler (the <c>handler</c> of the form).</param>
/// <param name="EndsSession">Signing out: it ends the caller's own session and names nothing, so only the pass without a token sends it.</param>
public sealed record AccessRule(
    string Method,
    string Pattern,
    string[]? Roles,
    Func<AccessWorld, IEnumerable<AccessCall>> Calls,
    Func<AccessWorld.Stranger, AccessCall, int?>? Stranger = null,
    bool ListsOwn = false,
    string? Handler = null,
    bool EndsSession = false)
{
    public bool IsPublic => Roles is { Length: 0 };

    public bool IsPage => !Pattern.StartsWith("/api/", StringComparison.Ordinal) && !Pattern.StartsWith("/calendar/", StringComparison.Ordinal)
        && Pattern is not "/health" && !Pattern.StartsWith("/openapi/", StringComparison.Ordinal);

    public string Key => Handler is null ? $"{Method} {Pattern}" : $"{Method} {Pattern}?handler={Handler}";

    public bool Admits(string role) => Roles is null || Roles.Length == 0 || Roles.Contains(role, StringComparer.Ordinal);

    public override string ToString() => Key;
}

/// <summary>
/// One call of an endpoint: its arguments by name (route parameters by the pattern's names, the rest go to the query
/// string unless <see cref="AccessArg.InBody"/>), its body made from the arguments, and whose objects it names.
/// </summary>
public sealed record AccessCall(IReadOnlyDictionary<string, AccessArg> Args, Func<IReadOnlyDictionary<string, string>, HttpContent>? Body, AccessWorld.Whose Whose, string Label)
{
    public bool NamesObjects => Args.Values.Any(a => a.Owned);

    /// <summary>A call without arguments and with a JSON body (or none).</summary>
    public static AccessCall Plain(object? json = null, string label = "") =>
        new(new Dictionary<string, AccessArg>(), json is null ? null : _ => Json(json), AccessWorld.Whose.Nobody, label);

    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    public static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    /// <summary>A page's form of the call's body arguments, with <paramref name="fields"/> besides.</summary>
    public static Func<IReadOnlyDictionary<string, string>, HttpContent> FormOf(IEnumerable<string> bodyArgs, params (string Name, string Value)[] fields) =>
        args => Form([.. bodyArgs.Select(a => (a, args[a])), .. fields]);

    public static MultipartFormDataContent Pdf(string field, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent("%PDF-1.4 a stranger's document"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, field, "stranger.pdf");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }
}

/// <summary>
/// An argument: its real value, and whether it names an object of the world (then the matrix also calls with an id
/// nobody has in its place, and expects the same answer).
/// </summary>
public sealed record AccessArg(string Value, bool Owned = true, bool InBody = false)
{
    /// <summary>A value from a catalogue (a province, a definition, a signal, a job): the same in both calls.</summary>
    public static AccessArg Catalogue(string value) => new(value, Owned: false);

    /// <summary>An object's id that only the body carries.</summary>
    public static AccessArg Body(string value, bool owned = true) => new(value, owned, InBody: true);
}
