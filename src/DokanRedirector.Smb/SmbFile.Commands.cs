using DokanRedirector.Smb.Info;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

public sealed partial class SmbFile
{
    private const byte FileIdBothDirectoryInformation = 37; // MS-FSCC 2.4.17

    // One QUERY_DIRECTORY answers with as many entries as fit: a large buffer saves round trips in big directories.
    private const int DirectoryBufferSize = 1024 * 1024;

    /// <summary>Asks the server to write the file's cached data to stable storage (FLUSH).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        using var response = await SendExpectSuccessAsync(FileIdRequest.Flush(FileId), ct).ConfigureAwait(false);
        EmptyRequest.ReadResponse(response.Message, SmbCommand.Flush);
    }

    /// <summary>
    /// Locks a byte range. Without <paramref name="failImmediately"/> the server waits until the range is
    /// free; with it a conflict fails at once with STATUS_LOCK_NOT_GRANTED.
    /// </summary>
    public Task LockAsync(long offset, long length, bool exclusive, bool failImmediately, CancellationToken ct)
    {
        var flags = (exclusive ? SmbLockFlags.Exclusive : SmbLockFlags.Shared) | (failImmediately ? SmbLockFlags.FailImmediately : 0);
        return LockAsync(new SmbLockElement(offset, length, flags), ct);
    }

    /// <summary>Unlocks a range locked before with the same offset and length.</summary>
    public Task UnlockAsync(long offset, long length, CancellationToken ct) =>
        LockAsync(new SmbLockElement(offset, length, SmbLockFlags.Unlock), ct);

    /// <summary>
    /// The next entries of this directory matching <paramref name="pattern"/>, as the raw
    /// FILE_ID_BOTH_DIR_INFORMATION list (MS-FSCC 2.4.17); null once enumeration is done (STATUS_NO_MORE_FILES).
    /// A pattern no entry matches fails on the first call with STATUS_NO_SUCH_FILE.
    /// </summary>
    /// <param name="restart">Start again from the first entry (SMB2_RESTART_SCANS).</param>
    public Task<byte[]?> QueryDirectoryAsync(string pattern, bool restart, CancellationToken ct) =>
        QueryDirectoryAsync(
            FileIdBothDirectoryInformation,
            pattern,
            restart ? SmbQueryDirectoryFlags.RestartScans : SmbQueryDirectoryFlags.None,
            fileIndex: 0,
            Math.Min(DirectoryBufferSize, Connection.MaxTransactSize),
            ct);

    /// <summary>QUERY_DIRECTORY with every field: an MS-FSCC 2.4 directory class, flags, file index and buffer size.</summary>
    /// <returns>The raw output buffer, or null at STATUS_NO_MORE_FILES.</returns>
    public async Task<byte[]?> QueryDirectoryAsync(
        byte fileInformationClass, string pattern, SmbQueryDirectoryFlags flags, uint fileIndex, int outputLength, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var request = new QueryDirectoryRequest(FileId, fileInformationClass, flags, fileIndex, pattern, outputLength);
        using var response = await SendExpectSuccessAsync(request, ct).ConfigureAwait(false);
        // A warning, so not an error to SendAsync; its body is an error response, not a QUERY_DIRECTORY one.
        if (response.Status == NtStatus.NoMoreFiles)
        {
            return null;
        }
        return OutputBufferResponse.Read(response.Message, SmbCommand.QueryDirectory).Output(response.Message).ToArray();
    }

    /// <summary>QUERY_INFO: the raw information of an MS-FSCC 2.4 (file) or 2.5 (file system) class.</summary>
    /// <param name="outputLength">The most the server may return; STATUS_BUFFER_OVERFLOW data is returned truncated.</param>
    public Task<byte[]> QueryInfoAsync(SmbInfoType infoType, byte infoClass, int outputLength, CancellationToken ct) =>
        QueryInfoAsync(infoType, infoClass, outputLength, additionalInformation: 0, ReadOnlyMemory<byte>.Empty, ct);

    /// <summary>QUERY_INFO with AdditionalInformation (security: OWNER 1, GROUP 2, DACL 4, SACL 8) and an input buffer (quota, EAs).</summary>
    public async Task<byte[]> QueryInfoAsync(
        SmbInfoType infoType, byte infoClass, int outputLength, uint additionalInformation, ReadOnlyMemory<byte> input, CancellationToken ct)
    {
        var request = new QueryInfoRequest(FileId, infoType, infoClass, outputLength, additionalInformation, input);
        using var response = await SendExpectSuccessAsync(request, ct).ConfigureAwait(false);
        return OutputBufferResponse.Read(response.Message, SmbCommand.QueryInfo).Output(response.Message).ToArray();
    }

    /// <summary>QUERY_INFO of one typed class, e.g. <c>QueryInfoAsync&lt;FileNetworkOpenInformation&gt;()</c>.</summary>
    public async Task<T> QueryInfoAsync<T>(CancellationToken ct)
        where T : ISmbQueryInfo<T>
    {
        var output = await QueryInfoAsync(T.InfoType, T.InfoClass, T.MaxOutputLength, ct).ConfigureAwait(false);
        return T.Read(output);
    }

    /// <summary>SET_INFO of one typed class, e.g. <c>SetInfoAsync(new FileEndOfFileInformation(0))</c>.</summary>
    public Task SetInfoAsync<T>(T info, CancellationToken ct)
        where T : ISmbSetInfo =>
        SetInfoAsync(T.InfoType, T.InfoClass, info.ToBytes(), ct);

    /// <summary>SET_INFO with an encoded information buffer, e.g. FILE_DISPOSITION_INFORMATION (class 13) to delete.</summary>
    public Task SetInfoAsync(SmbInfoType infoType, byte infoClass, ReadOnlyMemory<byte> buffer, CancellationToken ct) =>
        SetInfoAsync(infoType, infoClass, additionalInformation: 0, buffer, ct);

    /// <summary>SET_INFO with AdditionalInformation (security: which parts of the descriptor the buffer carries).</summary>
    public async Task SetInfoAsync(SmbInfoType infoType, byte infoClass, uint additionalInformation, ReadOnlyMemory<byte> buffer, CancellationToken ct)
    {
        using var response = await SendExpectSuccessAsync(new SetInfoRequest(FileId, infoType, infoClass, additionalInformation, buffer), ct)
            .ConfigureAwait(false);
        SetInfoRequest.ReadResponse(response.Message);
    }

    /// <summary>
    /// Sends the FSCTL <paramref name="ctlCode"/> on this open and returns its output, at most
    /// <paramref name="maxOutput"/> bytes. STATUS_BUFFER_OVERFLOW output (a named pipe with more to read) is
    /// returned as it came.
    /// </summary>
    public async Task<byte[]> IoctlAsync(uint ctlCode, ReadOnlyMemory<byte> input, int maxOutput, CancellationToken ct)
    {
        using var response = await SendExpectSuccessAsync(new IoctlRequest(ctlCode, FileId, input, maxOutput, isFsctl: true), ct).ConfigureAwait(false);
        return IoctlResponse.Read(response.Message).Output(response.Message).ToArray();
    }

    private async Task LockAsync(SmbLockElement element, CancellationToken ct)
    {
        using var response = await SendExpectSuccessAsync(new LockRequest(FileId, new[] { element }), ct).ConfigureAwait(false);
        EmptyRequest.ReadResponse(response.Message, SmbCommand.Lock);
    }
}
