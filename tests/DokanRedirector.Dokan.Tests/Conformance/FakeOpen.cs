namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>One file object as the kernel holds it: its name, its DOKAN_FILE_INFO, and whether it asked for
/// FILE_DELETE_ON_CLOSE (the kernel then sets DeletePending at its Cleanup).</summary>
internal sealed class FakeOpen(string fileName, bool deleteOnClose)
{
    public string FileName { get; } = fileName;

    public bool DeleteOnClose { get; } = deleteOnClose;

    public DokanFileInfo Info;

    public long Handle => (long)Info.Context;
}
