namespace ConnectingNer.Application.Common.Security;

/// <summary>Names of the authorization policies; the host defines what each requires.</summary>
public static class Policies
{
    public const string CatalogWrite = "catalog:write";
}
