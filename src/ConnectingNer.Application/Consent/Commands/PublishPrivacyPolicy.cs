using ConnectingNer.Application.Common.Exceptions;
using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Consent.ReadModels;
using ConnectingNer.Domain.Common;
using ConnectingNer.Domain.Consent;
using Mediator;

namespace ConnectingNer.Application.Consent.Commands;

/// <summary>
/// The privacy officer publishes a new version of the privacy policy, in force at once. A material version suspends
/// every consent given under an older one until the person confirms it (<c>acceptPrivacyPolicy</c>).
/// </summary>
[Authorize(Policies.PrivacyOfficer)]
public sealed record PublishPrivacyPolicyCommand(string Version, string Text, string? Summary, bool Material) : ICommand<Result<PrivacyPolicyReadModel>>;

public sealed class PublishPrivacyPolicyCommandHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<PublishPrivacyPolicyCommand, Result<PrivacyPolicyReadModel>>
{
    public async ValueTask<Result<PrivacyPolicyReadModel>> Handle(PublishPrivacyPolicyCommand command, CancellationToken cancellationToken)
    {
        var published = PrivacyPolicyVersion.Publish(command.Version, command.Text, command.Summary, command.Material, clock.GetUtcNow());
        if (!published.IsSuccess) return Result<PrivacyPolicyReadModel>.FromErrors(published.Errors);
        db.PrivacyPolicyVersions.Add(published.Value);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintException)
        {
            return ConsentErrors.PolicyVersionTaken();
        }

        return Result.Success(PrivacyPolicyReadModel.From(published.Value));
    }
}
