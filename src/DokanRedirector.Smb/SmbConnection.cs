using System.Collections.Concurrent;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

/// <summary>
/// One negotiated SMB2/3 connection to a server: many requests in flight over one socket, matched to
/// their responses by MessageId in a single receive loop, paced by the server's credits. Split by concern:
/// <c>.Send.cs</c>, <c>.Receive.cs</c>, <c>.Negotiate.cs</c>, <c>.Breaks.cs</c>.
/// </summary>
public sealed partial class SmbConnection : IAsyncDisposable
{
    private readonly DirectTcpTransport _transport;
    private readonly SmbClientOptions _options;
    private readonly CreditWindow _credits;
    private readonly ConcurrentDictionary<ulong, PendingRequest> _pending = new();
    private readonly ConcurrentDictionary<ulong, SmbSession> _sessions = new();
    private readonly Timer _expirationTimer;
    private Task _receiveLoop = Task.CompletedTask;
    private SmbException? _breakReason;
    private bool _closing;

    private SmbConnection(DirectTcpTransport transport, string host, int port, SmbClientOptions options)
    {
        _transport = transport;
        _options = options;
        Host = host;
        Port = port;
        _credits = new CreditWindow(options.TargetCredits);
        // The timer checks deadlines and idleness a few times per the shorter of the two; infinite is -1 ms.
        var shortest = Math.Min(Finite(options.RequestTimeout), Finite(options.KeepAliveInterval));
        var period = TimeSpan.FromMilliseconds(Math.Clamp(shortest / 4, 50, 1000));
        _expirationTimer = new Timer(static state => ((SmbConnection)state!).ExpireRequests(), this, period, period);
    }

    private static double Finite(TimeSpan timeout) => timeout == Timeout.InfiniteTimeSpan ? 4000 : timeout.TotalMilliseconds;

    /// <summary>The server name as the caller gave it; used in messages and in UNC paths.</summary>
    public string Host { get; }

    public int Port { get; }

    /// <summary>Why the connection broke, or null while it is usable.</summary>
    public SmbException? BreakReason => Volatile.Read(ref _breakReason);

    public bool IsBroken => BreakReason is not null;

    /// <summary>Credits in hand, for diagnostics.</summary>
    public int AvailableCredits => _credits.Available;

    /// <summary>Requests sent and not yet answered, for diagnostics.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Connects to <paramref name="host"/> on the SMB port, 445.</summary>
    public static Task<SmbConnection> ConnectAsync(string host, SmbClientOptions? options, CancellationToken ct) =>
        ConnectAsync(host, SmbClientOptions.DefaultPort, options, ct);

    /// <summary>
    /// Opens a TCP connection to <paramref name="host"/>:<paramref name="port"/> and negotiates the highest
    /// dialect both sides allow within the options' range.
    /// </summary>
    public static async Task<SmbConnection> ConnectAsync(string host, int port, SmbClientOptions? options, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        options ??= SmbClientOptions.Default;
        if (options.MinDialect > options.MaxDialect)
        {
            throw new ArgumentException($"MinDialect {options.MinDialect} is above MaxDialect {options.MaxDialect}.", nameof(options));
        }
        var transport = await DirectTcpTransport.ConnectAsync(host, port, options.ConnectTimeout, options.SocketBufferSize, ct).ConfigureAwait(false);
        var connection = new SmbConnection(transport, host, port, options);
        connection._receiveLoop = Task.Run(connection.ReceiveLoopAsync, CancellationToken.None);
        try
        {
            await connection.NegotiateAsync(ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Records the first reason the connection failed, closes the socket and fails every pending request
    /// and credit waiter. Returns the exception to throw, so callers write <c>throw Break(...)</c>.
    /// </summary>
    internal SmbException Break(Exception reason)
    {
        var exception = reason as SmbException
            ?? new SmbException($"The connection to {_transport.Endpoint} failed: {reason.Message}", isTransient: true, reason);
        if (Interlocked.CompareExchange(ref _breakReason, exception, null) is { } first)
        {
            return first;
        }
        if (Volatile.Read(ref _closing))
        {
            Log.Closed(_options.Logger, _transport.Endpoint);
        }
        else
        {
            Log.Broken(_options.Logger, _transport.Endpoint, exception.Message);
        }
        _expirationTimer.Dispose();
        _credits.Break(exception);
        _transport.Dispose();
        foreach (var pending in _pending.Values)
        {
            FailPending(pending, exception);
        }
        foreach (var session in _sessions.Values)
        {
            session.Invalidate();
        }
        ForgetOpens();
        return exception;
    }

    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _closing, true);
        Break(new SmbException($"The connection to {_transport.Endpoint} was closed by this client.", isTransient: false));
        await _receiveLoop.ConfigureAwait(false);
        _preauthHash?.Dispose();
    }

    private void FailPending(PendingRequest pending, SmbException reason)
    {
        if (_pending.TryRemove(pending.MessageId, out _))
        {
            pending.TryFail(new SmbException(
                $"{pending.Command} (MessageId {pending.MessageId}) failed: {reason.Message}", reason.IsTransient, reason));
        }
    }

    private SmbStatusException StatusError(SmbResponse response, SmbCommand command, string? target) =>
        new(response.Status, command, Host, target);
}
