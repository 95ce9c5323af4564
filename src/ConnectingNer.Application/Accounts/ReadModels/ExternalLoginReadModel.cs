namespace ConnectingNer.Application.Accounts.ReadModels;

/// <summary>A sign-in provider linked to an account (Google, Facebook).</summary>
public sealed record ExternalLoginReadModel(string Provider, string ProviderDisplayName);
