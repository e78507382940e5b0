// MS-SMB2 3.2.4.2.2.2 (SMB2-only NEGOTIATE), 3.2.5.2 (Receiving an SMB2 NEGOTIATE Response)
using System.Security.Cryptography;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    private const int Smb202MaxIoSize = 65536;

    private static readonly SmbDialect[] AllDialects =
        [SmbDialect.Smb202, SmbDialect.Smb210, SmbDialect.Smb300, SmbDialect.Smb302, SmbDialect.Smb311];

    private const SmbCapabilities ClientCapabilities = SmbCapabilities.LargeMtu | SmbCapabilities.Encryption;

    // What the NEGOTIATE request offered, for FSCTL_VALIDATE_NEGOTIATE_INFO to repeat.
    private SmbDialect[] _offeredDialects = [];

    // 3.1.1: NEGOTIATE request and response folded in; each session forks it.
    private PreauthIntegrityHash? _preauthHash;

    public SmbDialect Dialect { get; private set; }

    public Guid ServerGuid { get; private set; }

    public SmbSecurityMode ServerSecurityMode { get; private set; }

    public SmbCapabilities ServerCapabilities { get; private set; }

    public int MaxTransactSize { get; private set; }

    public int MaxReadSize { get; private set; }

    public int MaxWriteSize { get; private set; }

    /// <summary>The cipher the server chose (3.1.1), AES-128-CCM for 3.0/3.0.2 with encryption, else None.</summary>
    public SmbCipher Cipher { get; private set; }

    public SmbSigningAlgorithm SigningAlgorithm { get; private set; }

    /// <summary>The server's GSS token of the NEGOTIATE response (SPNEGO NegTokenInit2 hints).</summary>
    internal byte[] ServerSecurityBuffer { get; private set; } = [];

    /// <summary>The connection's preauth integrity hash after NEGOTIATE (3.1.1 only), for a session to fork.</summary>
    internal PreauthIntegrityHash? PreauthHash => _preauthHash;

    internal SmbSecurityMode ClientSecurityMode =>
        _options.RequireSigning ? SmbSecurityMode.SigningEnabled | SmbSecurityMode.SigningRequired : SmbSecurityMode.SigningEnabled;

    private async Task NegotiateAsync(CancellationToken ct)
    {
        var dialects = Array.FindAll(AllDialects, d => d >= _options.MinDialect && d <= _options.MaxDialect);
        if (dialects.Length == 0)
        {
            throw new ArgumentException($"No dialect this client knows lies between {_options.MinDialect} and {_options.MaxDialect}.");
        }
        var offers311 = Array.IndexOf(dialects, SmbDialect.Smb311) >= 0;
        var preauth = offers311 ? new PreauthIntegrityHash() : null;
        var request = new NegotiateRequest(
            dialects,
            ClientSecurityMode,
            ClientCapabilities,
            _options.ClientGuid,
            RandomNumberGenerator.GetBytes(NegotiateContexts.SaltSize));
        _offeredDialects = dialects;
        try
        {
            using var response = await SendAsync(request, SmbMessageContext.None, preauth, ct).ConfigureAwait(false);
            if (response.Status.IsError)
            {
                throw StatusError(response, SmbCommand.Negotiate, null);
            }
            var negotiated = NegotiateResponse.Read(response.Message);
            if (Array.IndexOf(dialects, negotiated.DialectRevision) < 0)
            {
                throw Break(new SmbProtocolException(
                    $"{Host}:{Port} chose dialect 0x{(ushort)negotiated.DialectRevision:X4}, which this client did not offer ({string.Join(", ", dialects)})."));
            }
            Dialect = negotiated.DialectRevision;
            if (Dialect == SmbDialect.Smb311)
            {
                if (negotiated.PreauthHashAlgorithm != NegotiateContexts.HashSha512)
                {
                    throw Break(new SmbProtocolException($"{Host}:{Port} negotiated 3.1.1 without the SHA-512 preauth integrity context."));
                }
                preauth!.Update(response.Message);
                _preauthHash = preauth;
                preauth = null;
            }
            Apply(negotiated);
            Log.Negotiated(_options.Logger, _transport.Endpoint, Dialect, SigningAlgorithm, Cipher, MaxReadSize, MaxWriteSize);
        }
        finally
        {
            preauth?.Dispose();
        }
    }

    private void Apply(in NegotiateResponse negotiated)
    {
        ServerGuid = negotiated.ServerGuid;
        ServerSecurityMode = negotiated.SecurityMode;
        ServerCapabilities = negotiated.Capabilities;
        ServerSecurityBuffer = negotiated.SecurityBuffer;
        SupportsMultiCredit = Dialect != SmbDialect.Smb202 && (negotiated.Capabilities & SmbCapabilities.LargeMtu) != 0;
        // Without multi-credit support a single request moves at most 64 KiB (MS-SMB2 3.2.5.2).
        var cap = SupportsMultiCredit ? int.MaxValue : Smb202MaxIoSize;
        MaxTransactSize = (int)Math.Min(negotiated.MaxTransactSize, (uint)cap);
        MaxReadSize = (int)Math.Min(negotiated.MaxReadSize, (uint)cap);
        MaxWriteSize = (int)Math.Min(negotiated.MaxWriteSize, (uint)cap);
        SigningAlgorithm = Dialect == SmbDialect.Smb311 ? negotiated.SigningAlgorithm : Dialect.DefaultSigningAlgorithm();
        Cipher = Dialect == SmbDialect.Smb311 ? negotiated.Cipher
            : Dialect.IsSmb3() && (negotiated.Capabilities & SmbCapabilities.Encryption) != 0 ? SmbCipher.Aes128Ccm
            : SmbCipher.None;
        // Headroom over the largest payload for the header, the READ response and a compound around it.
        var largest = Math.Max(MaxTransactSize, Math.Max(MaxReadSize, MaxWriteSize));
        _transport.MaxFrameSize = (int)Math.Min(DirectTcpTransport.MaxFrameLimit, (long)largest + (64 * 1024));
    }
}
