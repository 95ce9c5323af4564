namespace ConnectingNer.GraphQL.Server.Errors;

/// <summary>Every stable <c>extensions.code</c> the server itself produces (clients may switch on them): declared here and only here.</summary>
public static class ErrorCodes
{
    public const string InvalidJson = "HTTP_INVALID_JSON";
    public const string InvalidRequest = "HTTP_INVALID_REQUEST";
    public const string UnsupportedMediaType = "HTTP_UNSUPPORTED_MEDIA_TYPE";
    public const string NotAcceptable = "HTTP_NOT_ACCEPTABLE";
    public const string MethodNotAllowed = "HTTP_METHOD_NOT_ALLOWED";
    public const string RequestTooLarge = "HTTP_REQUEST_TOO_LARGE";
    public const string BatchingNotSupported = "HTTP_BATCHING_NOT_SUPPORTED";
    public const string NotAuthenticated = "AUTH_NOT_AUTHENTICATED";
    public const string NotAuthorized = "AUTH_NOT_AUTHORIZED";
    public const string InvalidPagingArgument = "PAGING_INVALID_ARGUMENT";
    public const string InvalidCursor = "PAGING_INVALID_CURSOR";
    public const string InvalidId = "NODE_INVALID_ID";
    public const string NotFound = "NOT_FOUND";
    public const string Timeout = "EXECUTION_TIMEOUT";
    public const string Internal = "INTERNAL_SERVER_ERROR";
    public const string IntrospectionDisabled = "INTROSPECTION_DISABLED";
    public const string SyntaxError = "SYNTAX_ERROR";

    /// <summary>A use case refused its input and the field has no payload to carry the errors.</summary>
    public const string ValidationFailed = "VALIDATION_FAILED";

    // The data arguments (`where`, `order`): a condition or key the type does not offer, and the filter limits.
    public const string FilterInvalid = "FILTER_INVALID";
    public const string FilterInTooLarge = "FILTER_IN_TOO_LARGE";
    public const string FilterTooDeep = "FILTER_TOO_DEEP";

    // The document limits (GraphQL Armor's, on by default).
    public const string TooManyAliases = "MAX_ALIASES_EXCEEDED";
    public const string FieldRepeated = "MAX_FIELD_REPEATS_EXCEEDED";
    public const string TooManyFields = "MAX_FIELDS_EXCEEDED";
    public const string TooManyDirectives = "MAX_DIRECTIVES_EXCEEDED";
    public const string TooManyTokens = "MAX_TOKENS_EXCEEDED";
    public const string IntrospectionTooDeep = "MAX_INTROSPECTION_DEPTH_EXCEEDED";
    public const string TooDeep = "MAX_DEPTH_EXCEEDED";
}
