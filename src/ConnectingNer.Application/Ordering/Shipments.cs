using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Application.Common.Security;
using ConnectingNer.Application.Ordering.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Ordering;

/// <summary>Shipments as the calling partner may see them: its own only.</summary>
internal static class Shipments
{
    public static IQueryable<ShipmentReadModel> Mine(IApplicationDbContext db, ICurrentUser user)
    {
        var partner = user.PartnerId ?? "";
        return db.Shipments.AsNoTracking().Where(s => s.PartnerId == partner)
            .Join(db.Orders.AsNoTracking(), s => s.OrderId, o => o.Id, ShipmentReadModel.FromEntity);
    }
}
