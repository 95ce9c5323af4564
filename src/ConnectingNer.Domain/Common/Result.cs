namespace ConnectingNer.Domain.Common;

/// <summary>The outcome of an operation that can fail in expected ways.</summary>
public class Result
{
    protected Result(IReadOnlyList<Error> errors) => Errors = errors;

    public IReadOnlyList<Error> Errors { get; }

    public bool IsSuccess => Errors.Count == 0;

    public static Result Success() => new([]);

    public static Result Failure(params Error[] errors) => new(errors);

    public static Result<T> Success<T>(T value) => Result<T>.Success(value);

    public static implicit operator Result(Error error) => Failure(error);
}

/// <summary>A result that carries a value on success.</summary>
public sealed class Result<T> : Result, IFailureFactory<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, IReadOnlyList<Error> errors) : base(errors) => _value = value;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException("A failed result has no value.");

    public static Result<T> Success(T value) => new(value, []);

    public static new Result<T> Failure(params Error[] errors) => new(default, errors);

    public static Result<T> FromErrors(IReadOnlyList<Error> errors) => new(default, errors);

    public static implicit operator Result<T>(Error error) => Failure(error);
}

/// <summary>Lets generic code (pipeline behaviors) build a failed response without knowing its type.</summary>
public interface IFailureFactory<out TSelf>
{
    static abstract TSelf FromErrors(IReadOnlyList<Error> errors);
}
