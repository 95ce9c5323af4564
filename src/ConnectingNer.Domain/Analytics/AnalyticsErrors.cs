using ConnectingNer.Domain.Common;

namespace ConnectingNer.Domain.Analytics;

/// <summary>Stable error codes of events and recommendations.</summary>
public static class AnalyticsErrors
{
    public static Error NoEvents(string field = "events") => new("events.none", "Send at least one event.", field);

    public static Error TooManyEvents(int max, string field = "events") =>
        new("events.too_many", $"Send at most {max} events at a time.", field);

    public static Error InTheFuture(string field) => new("events.in_the_future", "An event cannot have happened in the future.", field);

    public static Error TooOld(string field) => new("events.too_old", "Events older than a day are not accepted: send them as they happen.", field);

    public static Error ProductRequired(string field) => new("events.product_required", "This type of event names a product.", field);

    public static Error ProductUnknown(string field) => new("events.product_unknown", "No product has this id.", field);

    public static Error QueryInvalid(int max, string field) =>
        new("events.query_invalid", $"A search event carries what was searched for, 1 to {max} characters.", field);

    public static Error SubjectRequired(string field = "deviceId") =>
        new("events.subject_required", "Send the device's id, or sign in.", field);
}
