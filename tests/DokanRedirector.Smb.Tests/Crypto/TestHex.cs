namespace DokanRedirector.Smb.Tests.Crypto;

/// <summary>Hex test vectors as printed in RFCs and specs: case-insensitive, whitespace ignored.</summary>
internal static class TestHex
{
    public static byte[] Parse(string hex) =>
        Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes);
}
