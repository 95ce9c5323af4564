using ConnectingNer.Application.Catalog.ReadModels;
using ConnectingNer.GraphQL.Common;

namespace ConnectingNer.GraphQL.Catalog.Types;

public sealed class CreateProductPayloadType()
    : PayloadType<ProductType, ProductReadModel>("CreateProductPayload", "product", "The result of `createProduct`.");

public sealed class UpdateProductPayloadType()
    : PayloadType<ProductType, ProductReadModel>("UpdateProductPayload", "product", "The result of `updateProduct`.");

public sealed class SetProductStockPayloadType()
    : PayloadType<ProductType, ProductReadModel>("SetProductStockPayload", "product", "The result of `setProductStock`.");
