using ConnectingNer.Application.Common.Behaviors;
using ConnectingNer.Domain.Common;
using FluentValidation;

namespace ConnectingNer.Application.Tests.Behaviors;

public sealed class ValidationBehaviorTests
{
    private sealed class NameRequired<T> : AbstractValidator<T>
    {
        public NameRequired(Func<T, string> name) =>
            RuleFor(m => name(m)).NotEmpty().OverridePropertyName("Name").WithErrorCode("thing.name_required").WithMessage("A name is required.");
    }

    private sealed class ShortName : AbstractValidator<OpenCommand>
    {
        public ShortName() => RuleFor(c => c.Name).MaximumLength(3).WithErrorCode("thing.name_too_long").WithMessage("At most 3.");
    }

    [Fact]
    public async Task Failures_BecomePayloadErrors_WithCodeMessageAndCamelCasedField_AndTheHandlerNeverRuns()
    {
        var next = new Handler<OpenCommand, Result<string>>(c => Result.Success(c.Name));
        var behavior = new ValidationBehavior<OpenCommand, Result<string>>(
            [new NameRequired<OpenCommand>(c => c.Name), new ShortName()]);

        var result = await behavior.Handle(new OpenCommand(""), next.Next, default);

        var error = Assert.Single(result.Errors);
        Assert.Equal(new Error("thing.name_required", "A name is required.", "name"), error);
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task EveryValidatorsFailures_AreReportedTogether()
    {
        var next = new Handler<OpenCommand, Result<string>>(c => Result.Success(c.Name));
        var behavior = new ValidationBehavior<OpenCommand, Result<string>>([new ShortName(), new ShortName()]);

        var result = await behavior.Handle(new OpenCommand("toolong"), next.Next, default);

        Assert.Equal(["thing.name_too_long", "thing.name_too_long"], result.Errors.Select(e => e.Code));
    }

    [Fact]
    public async Task ValidInput_ReachesTheHandler()
    {
        var next = new Handler<OpenCommand, Result<string>>(c => Result.Success(c.Name));
        var behavior = new ValidationBehavior<OpenCommand, Result<string>>([new ShortName()]);

        var result = await behavior.Handle(new OpenCommand("tea"), next.Next, default);

        Assert.Equal("tea", result.Value);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task AResponseThatIsNotAResult_FailsWithAValidationException()
    {
        var next = new Handler<PlainQuery, string>(q => q.Name);
        var behavior = new ValidationBehavior<PlainQuery, string>([new NameRequired<PlainQuery>(q => q.Name)]);

        var thrown = await Assert.ThrowsAsync<ValidationException>(() => behavior.Handle(new PlainQuery(""), next.Next, default).AsTask());

        Assert.Equal("thing.name_required", Assert.Single(thrown.Errors).ErrorCode);
        Assert.Equal(0, next.Calls);
    }
}
