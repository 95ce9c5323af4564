using System.Text.Json;
using ConnectingNer.Application.PrivacyRequests;
using ConnectingNer.Infrastructure.Persistence;
using ConnectingNer.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.PrivacyRequests;

/// <summary>Seals a nominee's details with the customer's data key (see <see cref="PersonalDataCipher"/>); erased with it.</summary>
internal sealed class NomineeVault(AppDbContext db, PersonalDataCipher cipher) : INomineeVault
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<byte[]> SealAsync(Guid customerId, NomineeDetails nominee, CancellationToken cancellationToken) =>
        PersonalDataCipher.Seal(await DataKeyAsync(customerId, cancellationToken)
            ?? throw new InvalidOperationException("The customer has no data key."), customerId, JsonSerializer.SerializeToUtf8Bytes(nominee, Json));

    public async Task<NomineeDetails?> OpenAsync(Guid customerId, byte[] sealedNominee, CancellationToken cancellationToken) =>
        await DataKeyAsync(customerId, cancellationToken) is { } key
            ? JsonSerializer.Deserialize<NomineeDetails>(PersonalDataCipher.Open(key, customerId, sealedNominee), Json)
            : null;

    public string EmailIndex(string email) => cipher.EmailIndex(email);

    private async Task<byte[]?> DataKeyAsync(Guid customerId, CancellationToken cancellationToken) =>
        await db.CustomerKeys.AsNoTracking().SingleOrDefaultAsync(k => k.CustomerId == customerId, cancellationToken) is { } key
            ? cipher.Unwrap(key.MasterKeyId, key.WrappedKey, customerId)
            : null;
}
