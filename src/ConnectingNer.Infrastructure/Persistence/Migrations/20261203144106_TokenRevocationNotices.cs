using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ConnectingNer.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Every node keeps the access tokens it validated (AccessTokenCache); these triggers tell every node, at commit and
    /// whichever code made the change, that a valid token or authorization stopped being valid or was deleted. The
    /// channel and payloads are AccessTokenCache.Channel, TokenPrefix and AuthorizationPrefix.
    /// </summary>
    public partial class TokenRevocationNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_token_revocation() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('token_revocations', TG_ARGV[0] || ':' || OLD.id);
                    RETURN NULL;
                END $$;

                CREATE TRIGGER openiddict_tokens_revoked AFTER UPDATE OF status ON openiddict_tokens
                    FOR EACH ROW WHEN (OLD.status = 'valid' AND NEW.status IS DISTINCT FROM 'valid')
                    EXECUTE FUNCTION notify_token_revocation('t');
                CREATE TRIGGER openiddict_tokens_deleted AFTER DELETE ON openiddict_tokens
                    FOR EACH ROW WHEN (OLD.status = 'valid')
                    EXECUTE FUNCTION notify_token_revocation('t');
                CREATE TRIGGER openiddict_authorizations_revoked AFTER UPDATE OF status ON openiddict_authorizations
                    FOR EACH ROW WHEN (OLD.status = 'valid' AND NEW.status IS DISTINCT FROM 'valid')
                    EXECUTE FUNCTION notify_token_revocation('a');
                CREATE TRIGGER openiddict_authorizations_deleted AFTER DELETE ON openiddict_authorizations
                    FOR EACH ROW WHEN (OLD.status = 'valid')
                    EXECUTE FUNCTION notify_token_revocation('a');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER openiddict_authorizations_deleted ON openiddict_authorizations;
                DROP TRIGGER openiddict_authorizations_revoked ON openiddict_authorizations;
                DROP TRIGGER openiddict_tokens_deleted ON openiddict_tokens;
                DROP TRIGGER openiddict_tokens_revoked ON openiddict_tokens;
                DROP FUNCTION notify_token_revocation();
                """);
        }
    }
}
