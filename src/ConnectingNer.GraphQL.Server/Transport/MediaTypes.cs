namespace ConnectingNer.GraphQL.Server.Transport;

/// <summary>Content negotiation of the GraphQL over HTTP spec, matched by hand: ASP.NET's matcher would take
/// <c>application/graphql-response+json</c> for a subtype of <c>application/json</c>.</summary>
public static class MediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response type for an Accept header, or null when nothing acceptable is offered.
    /// No header, <c>*/*</c> and <c>application/*</c> get <c>application/json</c>, which every client understands.
    /// </summary>
    public static string? Negotiate(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept)) return Json;
        if (accept is Json or GraphQLResponseJson) return accept; // what clients send, without splitting it up

        string? best = null;
        var bestQuality = 0.0;
        foreach (var part in accept.Split(','))
        {
            var segments = part.Split(';');
            var type = segments[0].Trim().ToLowerInvariant();
            var quality = 1.0;
            var charsetOk = true;
            foreach (var parameter in segments.Skip(1))
            {
                var pair = parameter.Split('=', 2);
                if (pair.Length != 2) continue;
                var name = pair[0].Trim().ToLowerInvariant();
                var value = pair[1].Trim().Trim('"');
                if (name == "q" && double.TryParse(value, System.Globalization.NumberStyles.Float,
                        System.Globalization.CultureInfo.InvariantCulture, out var q)) quality = q;
                if (name == "charset" && !value.Equals("utf-8", StringComparison.OrdinalIgnoreCase)) charsetOk = false;
            }

            var match = type switch
            {
                GraphQLResponseJson => GraphQLResponseJson,
                Json or "application/*" or "*/*" => Json,
                _ => null,
            };
            if (match is null || !charsetOk || quality <= 0) continue;
            if (quality > bestQuality) (best, bestQuality) = (match, quality);
        }

        return best;
    }

    /// <summary>True for a JSON request body in UTF-8 (the only encoding JSON allows on the wire here).</summary>
    public static bool IsJsonContent(string? contentType, out bool charsetSupported)
    {
        charsetSupported = true;
        if (string.IsNullOrWhiteSpace(contentType)) return false;
        if (contentType is Json or "application/json; charset=utf-8") return true;
        var segments = contentType.Split(';');
        var type = segments[0].Trim().ToLowerInvariant();
        foreach (var parameter in segments.Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase)
                && !pair[1].Trim().Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
                charsetSupported = false;
        }

        return type is Json or "application/graphql+json";
    }
}
