using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Server.Paging;

namespace ConnectingNer.GraphQL.Catalog.Types;

public sealed class ProductsConnectionType() : ConnectionGraphType<ProductType, ProductReadModel>("ProductsConnection", "A product.");
