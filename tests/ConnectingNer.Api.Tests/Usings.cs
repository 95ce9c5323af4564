global using ConnectingNer.Api.Tests.Infrastructure;
