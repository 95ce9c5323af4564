using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace ConnectingNer.Infrastructure.Identity;

/// <summary>
/// The Data Protection key ring of every node, in PostgreSQL's <c>data_protection_keys</c> (created and migrated by
/// <c>AppDbContext</c>, which maps it). Plain SQL rather than an EF Core context: the ring is read while the host starts,
/// and a context costs its model, its internal services and a query compilation first — about half a second of a
/// launch's CPU on two cores, for one table of a few rows. Data Protection reads and writes it synchronously, which a
/// multiplexed pool refuses: it has connections of its own (<see cref="DependencyInjection.Unshared"/>).
/// </summary>
public sealed class PostgresKeyRepository(string connectionString) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys WHERE xml IS NOT NULL ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read()) elements.Add(XElement.Parse(reader.GetString(0)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2)", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = friendlyName });
        command.Parameters.Add(new NpgsqlParameter { Value = element.ToString(SaveOptions.DisableFormatting) });
        command.ExecuteNonQuery();
    }
}
