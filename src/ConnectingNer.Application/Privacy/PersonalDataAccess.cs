using ConnectingNer.Application.Common.Security;

namespace ConnectingNer.Application.Privacy;

/// <summary>Decides, per request, what the caller may see of a subject's personal data.</summary>
public interface IPersonalDataAccess
{
    DataAccess For(string category, Guid subjectId);

    /// <summary>True when the caller is the subject (their own data: no disclosure to record).</summary>
    bool IsSubject(Guid subjectId);
}

/// <summary>The grant table applied to the request's caller.</summary>
public sealed class PersonalDataAccess(ICurrentUser caller) : IPersonalDataAccess
{
    public DataAccess For(string category, Guid subjectId) => Grants.For(caller, category, subjectId);

    public bool IsSubject(Guid subjectId) => Grants.IsSubject(caller, subjectId);
}
