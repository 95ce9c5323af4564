using ConnectingNer.Domain.Common;
using FluentValidation;
using FluentValidation.Results;

namespace ConnectingNer.Application.Common.Behaviors;

/// <summary>Builds a failed response of type <typeparamref name="TResponse"/>, resolved once per type.</summary>
internal static class FailureFactory<TResponse>
{
    private static readonly Func<IReadOnlyList<Error>, TResponse> Factory = Build();

    public static TResponse Create(IReadOnlyList<Error> errors) => Factory(errors);

    private static Func<IReadOnlyList<Error>, TResponse> Build()
    {
        var type = typeof(TResponse);
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IFailureFactory<>)))
        {
            var method = typeof(FailureFactory<TResponse>)
                .GetMethod(nameof(FromFactory), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                .MakeGenericMethod(type);
            return method.CreateDelegate<Func<IReadOnlyList<Error>, TResponse>>();
        }

        return errors => throw new ValidationException(
            errors.Select(e => new ValidationFailure(e.Field, e.Message) { ErrorCode = e.Code }));
    }

    private static T FromFactory<T>(IReadOnlyList<Error> errors) where T : IFailureFactory<T> => T.FromErrors(errors);
}
