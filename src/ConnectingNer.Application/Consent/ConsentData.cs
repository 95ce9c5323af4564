using ConnectingNer.Application.Common.Interfaces;
using ConnectingNer.Domain.Consent;
using Microsoft.EntityFrameworkCore;

namespace ConnectingNer.Application.Consent;

/// <summary>The consent tables, as the unit of work's sets.</summary>
public static class ConsentData
{
    extension(IApplicationDbContext db)
    {
        public DbSet<ConsentPurpose> ConsentPurposes => db.Set<ConsentPurpose>();

        public DbSet<ConsentRecord> ConsentRecords => db.Set<ConsentRecord>();

        public DbSet<PrivacyPolicyVersion> PrivacyPolicyVersions => db.Set<PrivacyPolicyVersion>();

        public DbSet<NewsletterSubscriber> NewsletterSubscribers => db.Set<NewsletterSubscriber>();

        public DbSet<GuardianConsent> GuardianConsents => db.Set<GuardianConsent>();
    }
}
