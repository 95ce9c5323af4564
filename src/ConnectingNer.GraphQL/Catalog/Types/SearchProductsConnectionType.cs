using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Server.Paging;

namespace ConnectingNer.GraphQL.Catalog.Types;

public sealed class SearchProductsConnectionType() : ConnectionGraphType<ProductType, ProductReadModel>("SearchProductsConnection", "A matching product.");
