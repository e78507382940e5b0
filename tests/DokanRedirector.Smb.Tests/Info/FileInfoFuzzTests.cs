using DokanRedirector.Smb.Info;

namespace DokanRedirector.Smb.Tests.Info;

public class FileInfoFuzzTests
{
    private const int Runs = 5000;

    private static readonly object[] Decoders =
    [
        Case("FileBasicInformation", FsccBuffers.Basic(), b => FileBasicInformation.Read(b)),
        Case("FileStandardInformation", FsccBuffers.Standard(), b => FileStandardInformation.Read(b)),
        Case("FileNetworkOpenInformation", FsccBuffers.NetworkOpen(), b => FileNetworkOpenInformation.Read(b)),
        Case("FileInternalInformation", new byte[8], b => FileInternalInformation.Read(b)),
        Case("FileAllInformation", FsccBuffers.All(@"dir\file.txt"), b => FileAllInformation.Read(b)),
        Case("FileFsSizeInformation", FsccBuffers.FsSize(), b => FileFsSizeInformation.Read(b)),
        Case("FileFsFullSizeInformation", FsccBuffers.FsFullSize(), b => FileFsFullSizeInformation.Read(b)),
        Case("FileFsAttributeInformation", FsccBuffers.FsAttribute(), b => FileFsAttributeInformation.Read(b)),
        Case("FileFsVolumeInformation", FsccBuffers.FsVolume(), b => FileFsVolumeInformation.Read(b)),
    ];

    [TestCaseSource(nameof(Decoders))]
    public void Read_ThousandsOfMutations_OnlyEverThrowsSmbProtocolException(byte[] seed, Action<byte[]> read)
    {
        var outcome = Fuzz.Run(seed.Length, Runs, [seed], read);

        Fuzz.AssertBothOutcomes(outcome, Runs);
    }

    private static TestCaseData Case(string name, byte[] seed, Action<byte[]> read) =>
        new TestCaseData(seed, read).SetName($"{name}_ThousandsOfMutations_OnlyEverThrowsSmbProtocolException");
}
