using System.Security.Cryptography;
using ConnectingNer.Application.Common.Behaviors;
using ConnectingNer.Application.Common.Idempotency;
using ConnectingNer.Application.Tests.Support;
using ConnectingNer.Domain.Common;

namespace ConnectingNer.Application.Tests.Behaviors;

public sealed class IdempotencyBehaviorTests
{
    /// <summary>The store's contract in memory: records by (subject, operation, key), stored only on commit.</summary>
    private sealed class MemoryStore : IIdempotencyStore
    {
        public Dictionary<(string, string, string), IdempotencyRecord> Records { get; } = [];

        public int Commits { get; private set; }

        public int Rollbacks { get; private set; }

        /// <summary>Simulates a concurrent request with the same key committing between our read and our write.</summary>
        public IdempotencyRecord? CommitsFirst { get; set; }

        public Task<IdempotencyRecord?> FindAsync(string subject, string operation, string key, CancellationToken cancellationToken) =>
            Task.FromResult(Records.GetValueOrDefault((subject, operation, key)));

        public Task<IIdempotentTransaction> BeginAsync(CancellationToken cancellationToken) => Task.FromResult<IIdempotentTransaction>(new Tx(this));

        private sealed class Tx(MemoryStore store) : IIdempotentTransaction
        {
            private IdempotencyRecord? _pending;

            public Task StoreAsync(IdempotencyRecord record, CancellationToken cancellationToken)
            {
                if (store.CommitsFirst is { } winner)
                {
                    store.Records[(winner.Subject, winner.Operation, winner.Key)] = winner;
                    throw new IdempotencyKeyTakenException();
                }

                if (store.Records.ContainsKey((record.Subject, record.Operation, record.Key))) throw new IdempotencyKeyTakenException();
                _pending = record;
                return Task.CompletedTask;
            }

            public Task CommitAsync()
            {
                store.Commits++;
                if (_pending is { } r) store.Records[(r.Subject, r.Operation, r.Key)] = r;
                return Task.CompletedTask;
            }

            public Task RollbackAsync()
            {
                store.Rollbacks++;
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed class Sha256 : IRequestFingerprint
    {
        public string Of(ReadOnlySpan<byte> request) => Convert.ToHexString(SHA256.HashData(request));
    }

    private readonly MemoryStore _store = new();
    private int _created;

    private IdempotencyBehavior<CreateThing, Result<string>> Behavior(FakeCaller? caller = null) =>
        new(_store, caller ?? FakeCaller.Person(Alice), TimeProvider.System, new Sha256());

    private static readonly Guid Alice = Guid.Parse("0a0a0a0a-0000-0000-0000-000000000001");

    private Handler<CreateThing, Result<string>> Creates() => new(c => Result.Success($"{c.Name}#{++_created}"));

    [Fact]
    public async Task WithoutAKey_TheCommandJustRuns_AndNothingIsStored()
    {
        var next = Creates();

        await Behavior().Handle(new CreateThing("tea", null), next.Next, default);
        await Behavior().Handle(new CreateThing("tea", null), next.Next, default);

        Assert.Equal(2, next.Calls);
        Assert.Empty(_store.Records);
    }

    [Fact]
    public async Task ARetryWithTheSameKeyAndInput_AnswersAsTheFirstTime_AndCreatesNothing()
    {
        var next = Creates();

        var first = await Behavior().Handle(new CreateThing("tea", "k1"), next.Next, default);
        var retry = await Behavior().Handle(new CreateThing("tea", "k1"), next.Next, default);

        Assert.Equal("tea#1", first.Value);
        Assert.Equal("tea#1", retry.Value);
        Assert.Equal(1, next.Calls);
        Assert.Equal(1, _store.Commits);
    }

    [Fact]
    public async Task TheSameKeyWithOtherInput_IsRefused()
    {
        var next = Creates();
        await Behavior().Handle(new CreateThing("tea", "k1"), next.Next, default);

        var other = await Behavior().Handle(new CreateThing("coffee", "k1"), next.Next, default);

        Assert.Equal("idempotency.key_reused", Assert.Single(other.Errors).Code);
        Assert.Equal(1, next.Calls);
    }

    [Fact]
    public async Task KeysBelongToTheirCaller()
    {
        var next = Creates();

        await Behavior().Handle(new CreateThing("tea", "k1"), next.Next, default);
        var bob = await Behavior(FakeCaller.Person(Guid.NewGuid())).Handle(new CreateThing("tea", "k1"), next.Next, default);
        var anonymous = await Behavior(FakeCaller.Anonymous).Handle(new CreateThing("tea", "k1"), next.Next, default);

        Assert.Equal("tea#2", bob.Value);
        Assert.Equal("tea#3", anonymous.Value);
        Assert.Contains(_store.Records.Keys, k => k.Item1 == "anonymous");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(IdempotencyErrors.KeyMaxLength + 1)]
    public async Task AKeyOfTheWrongLength_IsAnInputError_AndTheCommandDoesNotRun(int length)
    {
        var next = Creates();

        var result = await Behavior().Handle(new CreateThing("tea", new string('k', length)), next.Next, default);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("idempotency.key_invalid", "idempotencyKey"), (error.Code, error.Field));
        Assert.Equal(0, next.Calls);
    }

    [Fact]
    public async Task AKeyOfTheLongestLength_IsAccepted()
    {
        var next = Creates();

        var result = await Behavior().Handle(new CreateThing("tea", new string('k', IdempotencyErrors.KeyMaxLength)), next.Next, default);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task AFailedCommand_IsRolledBack_AndNotStored_SoARetryRunsAgain()
    {
        var fails = new Handler<CreateThing, Result<string>>(_ => new Error("thing.out_of_stock", "None left."));

        var first = await Behavior().Handle(new CreateThing("tea", "k1"), fails.Next, default);
        var retry = await Behavior().Handle(new CreateThing("tea", "k1"), fails.Next, default);

        Assert.Equal("thing.out_of_stock", Assert.Single(first.Errors).Code);
        Assert.Equal("thing.out_of_stock", Assert.Single(retry.Errors).Code);
        Assert.Equal(2, fails.Calls);
        Assert.Equal(2, _store.Rollbacks);
        Assert.Empty(_store.Records);
    }

    [Fact]
    public async Task LosingARaceOnTheKey_AnswersWithTheWinnersAnswer()
    {
        var next = Creates();
        var winner = await Behavior().Handle(new CreateThing("tea", "k1"), next.Next, default);
        var stored = _store.Records.Values.Single();
        _store.Records.Clear();
        _store.CommitsFirst = stored;

        var loser = await Behavior().Handle(new CreateThing("tea", "k1"), next.Next, default);

        Assert.Equal(winner.Value, loser.Value);
        Assert.Equal(1, _store.Rollbacks);
    }

    [Fact]
    public async Task AFailedCommand_WhoseKeyAConcurrentRequestCommitted_AnswersWithThatRequestsAnswer()
    {
        var next = Creates();
        await Behavior().Handle(new CreateThing("tea", "k1"), next.Next, default);
        var stored = _store.Records.Values.Single();
        _store.Records.Clear();
        // The concurrent request commits while ours runs and then fails on the data it created (a unique SKU, say).
        var failsAfterTheWinner = new Handler<CreateThing, Result<string>>(_ =>
        {
            _store.Records[(stored.Subject, stored.Operation, stored.Key)] = stored;
            return new Error("thing.duplicate", "Exists.");
        });

        var answer = await Behavior().Handle(new CreateThing("tea", "k1"), failsAfterTheWinner.Next, default);

        Assert.Equal("tea#1", answer.Value);
    }
}
