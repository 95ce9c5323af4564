global using ConnectingNer.Api.Tests.Infrastructure;
global using ConnectingNer.Application.Catalog;
global using ConnectingNer.Infrastructure.Persistence;
global using ConnectingNer.Infrastructure.Customers;
global using ConnectingNer.Infrastructure.Privacy;
