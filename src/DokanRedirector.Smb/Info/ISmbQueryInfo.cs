// MS-SMB2 2.2.37 QUERY_INFO Request, 2.2.38 QUERY_INFO Response
namespace DokanRedirector.Smb.Info;

/// <summary>
/// An information class a QUERY_INFO response carries, so a caller can write
/// <c>QueryInfoAsync&lt;FileBasicInformation&gt;()</c>: the type names its InfoType, its class, how many bytes
/// to ask for, and decodes the output buffer.
/// </summary>
public interface ISmbQueryInfo<TSelf> : ISmbInfoClass
    where TSelf : ISmbQueryInfo<TSelf>
{
    /// <summary>The OutputBufferLength to request: the fixed size, or the fixed part plus the longest name.</summary>
    static abstract int MaxOutputLength { get; }

    /// <summary>Decodes the output buffer; a bad length or value raises <see cref="SmbProtocolException"/>.</summary>
    static abstract TSelf Read(ReadOnlySpan<byte> buffer);
}
