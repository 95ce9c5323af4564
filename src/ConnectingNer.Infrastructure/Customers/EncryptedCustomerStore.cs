using System.Text.Json;
using ConnectingNer.Application.Customers;
using ConnectingNer.Application.Customers.ReadModels;
using ConnectingNer.Infrastructure.Privacy;
using ConnectingNer.Domain.Customers;
using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Customers;

/// <summary>Customers stored as one ciphertext each, under their own data key (see <see cref="PersonalDataCipher"/>).</summary>
public sealed class EncryptedCustomerStore(AppDbContext db, PersonalDataCipher cipher, CustomerKeyRing keys, TimeProvider clock) : ICustomerStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Customer?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        (await FindManyAsync([id], cancellationToken)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<Guid, Customer>> FindManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return new Dictionary<Guid, Customer>();
        var rows = await (
            from c in db.Customers.AsNoTracking()
            join k in db.CustomerKeys.AsNoTracking() on c.Id equals k.CustomerId
            where ids.Contains(c.Id)
            select new { c.Id, c.CreatedAt, c.PersonalData, k.MasterKeyId, k.WrappedKey }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => Open(r.Id, r.CreatedAt, r.PersonalData, r.MasterKeyId, r.WrappedKey));
    }

    /// <summary>A customer from their row and key, read by the caller in its own query (see <see cref="CustomerReader"/>).</summary>
    internal Customer Open(Guid id, DateTimeOffset createdAt, byte[] personalData, string masterKeyId, byte[] wrappedKey)
    {
        var dataKey = cipher.Unwrap(masterKeyId, wrappedKey, id);
        keys.Remember(id, dataKey);
        var document = JsonSerializer.Deserialize<ProfileDocument>(PersonalDataCipher.Open(dataKey, id, personalData), Json)!;
        return document.ToCustomer(id, createdAt);
    }

    public async Task AddAsync(Customer customer, CancellationToken cancellationToken)
    {
        var (dataKey, wrapped) = cipher.NewDataKey(customer.Id);
        keys.Remember(customer.Id, dataKey);
        var now = clock.GetUtcNow();
        db.CustomerKeys.Add(new CustomerKey { CustomerId = customer.Id, MasterKeyId = cipher.CurrentMasterKeyId, WrappedKey = wrapped, CreatedAt = now });
        db.Customers.Add(new CustomerRecord
        {
            Id = customer.Id, CreatedAt = customer.CreatedAt, UpdatedAt = now, PersonalData = Seal(dataKey, customer),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task UpdateAsync(Customer customer, CancellationToken cancellationToken)
    {
        if (!keys.TryGet(customer.Id, out var dataKey))
        {
            var key = await db.CustomerKeys.AsNoTracking().SingleAsync(k => k.CustomerId == customer.Id, cancellationToken);
            keys.Remember(customer.Id, dataKey = cipher.Unwrap(key.MasterKeyId, key.WrappedKey, customer.Id));
        }

        var sealedData = Seal(dataKey, customer);
        var now = clock.GetUtcNow();
        await db.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(
            set => set.SetProperty(c => c.PersonalData, sealedData).SetProperty(c => c.UpdatedAt, now), cancellationToken);
    }

    public Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) => Exists(db, id, cancellationToken);

    /// <summary>Compiled once: per request EF Core builds no query tree and looks up no cache for it.</summary>
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<bool>> Exists = EF.CompileAsyncQuery(
        (AppDbContext db, Guid id, CancellationToken _) =>
            db.Set<CustomerRecord>().AsNoTracking().Any(c => c.Id == id && db.Users.Any(u => u.Id == c.Id)));

    public IQueryable<CustomerIndexRow> Index =>
        from c in db.Customers.AsNoTracking()
        join u in db.Users.AsNoTracking() on c.Id equals u.Id
        select new CustomerIndexRow { Id = c.Number, SubjectId = c.Id, CreatedAt = c.CreatedAt, EmailIndex = u.NormalizedEmail, EmailConfirmed = u.EmailConfirmed };

    public string EmailIndex(string email) => cipher.EmailIndex(email);

    public async Task LockAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM customers WHERE id = {id} FOR UPDATE", cancellationToken);

    private static byte[] Seal(byte[] dataKey, Customer customer) =>
        PersonalDataCipher.Seal(dataKey, customer.Id, JsonSerializer.SerializeToUtf8Bytes(ProfileDocument.From(customer), Json));

    /// <summary>The encrypted document: every personal field of the customer.</summary>
    private sealed record ProfileDocument(
        string Email, string? Name, string? Phone, DateOnly? BirthDate, bool LegalAgeAffirmed, string? GuardianName,
        DateTimeOffset? GuardianConsentAt, List<Address> Addresses)
    {
        public static ProfileDocument From(Customer c) =>
            new(c.Email, c.Name, c.Phone, c.BirthDate, c.LegalAgeAffirmed, c.GuardianName, c.GuardianConsentAt, [.. c.Addresses]);

        public Customer ToCustomer(Guid id, DateTimeOffset createdAt) =>
            Customer.Restore(id, Email, createdAt, Name, Phone, BirthDate, LegalAgeAffirmed, GuardianName, GuardianConsentAt, Addresses);
    }
}
