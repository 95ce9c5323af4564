using ConnectingNer.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Infrastructure.Customers;

/// <summary>The customers' encrypted rows, as the context's set.</summary>
public static class CustomerData
{
    extension(AppDbContext db)
    {
        public DbSet<CustomerRecord> Customers => db.Set<CustomerRecord>();
    }
}
