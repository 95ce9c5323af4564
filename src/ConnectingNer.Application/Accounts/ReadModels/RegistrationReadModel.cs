namespace ConnectingNer.Application.Accounts.ReadModels;

/// <summary>What a registration answers: the same whether or not the address already had an account.</summary>
public sealed record RegistrationReadModel(string Email, string NextStep);
