// MS-FSCC 2.4.42.2 FileRenameInformation for SMB2 (FILE_RENAME_INFORMATION_TYPE_2); MS-SMB2 2.2.39
using System.Text;
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb.Info;

/// <summary>
/// Renames the open file. <see cref="FileName"/> is the full new path relative to the share root, with no
/// leading backslash (<c>dir\new.txt</c>); RootDirectory is always 0 over the network.
/// </summary>
public readonly record struct FileRenameInformation(bool ReplaceIfExists, string FileName) : ISmbSetInfo
{
    private const int FixedLength =
        sizeof(byte) // ReplaceIfExists
        + 7 // Reserved
        + sizeof(ulong) // RootDirectory
        + sizeof(uint); // FileNameLength, then FileName

    // The structure's C size with its one-character FileName and trailing alignment; the spec's Padding field
    // brings shorter buffers up to it, so servers that check the length against sizeof accept a one-letter name.
    private const int MinimumLength = 24;

    public string FileName { get; } = CheckName(FileName);

    public static SmbInfoType InfoType => SmbInfoType.File;

    public static byte InfoClass => (byte)SmbFileInfoClass.FileRenameInformation;

    public int Size => Math.Max(FixedLength + Encoding.Unicode.GetByteCount(FileName), MinimumLength);

    public void Write(Span<byte> destination)
    {
        var w = new SmbWriter(destination);
        var nameLength = Encoding.Unicode.GetByteCount(FileName);
        w.UInt8(ReplaceIfExists ? (byte)1 : (byte)0);
        w.Zeros(7); // Reserved
        w.UInt64(0); // RootDirectory
        w.UInt32((uint)nameLength);
        Encoding.Unicode.GetBytes(FileName, w.Take(nameLength));
        w.Zeros(Size - w.Written); // Padding
        w.AssertWritten(Size);
    }

    private static string CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name[0] == '\\')
        {
            throw new ArgumentException($"The new name '{name}' must be relative to the share root, without a leading backslash.", nameof(name));
        }
        return name;
    }
}
