using DokanRedirector.Fuse.FileSystem;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.Tests.FileSystem;

public sealed class ConnectionTuningTests
{
    [Test]
    public void Apply_WantsReaddirPlusAlways_AndOneMebibyteWrites()
    {
        var connection = new FuseConnInfo
        {
            Capable = uint.MaxValue,
            Want = FuseCapabilities.ReaddirPlusAuto | FuseCapabilities.SpliceRead,
            MaxWrite = 128 * 1024,
        };

        ConnectionTuning.Apply(ref connection);

        Assert.That(connection.Want & FuseCapabilities.ReaddirPlus, Is.Not.Zero);
        Assert.That(connection.Want & FuseCapabilities.AsyncRead, Is.Not.Zero);
        Assert.That(connection.Want & FuseCapabilities.ParallelDirOps, Is.Not.Zero);
        Assert.That(connection.Want & FuseCapabilities.AutoInvalData, Is.Not.Zero);
        Assert.That(connection.Want & (FuseCapabilities.ReaddirPlusAuto | FuseCapabilities.SpliceRead | FuseCapabilities.WritebackCache), Is.Zero);
        Assert.That(connection.MaxWrite, Is.EqualTo(1 << 20));
    }

    [Test]
    public void Apply_AsksForTheReadaheadTheMountSets()
    {
        // The kernel keeps the smaller of read_ahead_kb and init's answer; it offers 128 KiB.
        var connection = new FuseConnInfo { MaxReadahead = 128 * 1024 };

        ConnectionTuning.Apply(ref connection);

        Assert.That(connection.MaxReadahead, Is.EqualTo(16u << 20));
    }

    [Test]
    public void Apply_WantsNothingTheKernelCannotDo()
    {
        var connection = new FuseConnInfo { Capable = FuseCapabilities.AsyncRead };

        ConnectionTuning.Apply(ref connection);

        Assert.That(connection.Want, Is.EqualTo(FuseCapabilities.AsyncRead));
    }
}
