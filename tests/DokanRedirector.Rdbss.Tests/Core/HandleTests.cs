using System.Text;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Tests.Support;

namespace DokanRedirector.Rdbss.Tests.Core;

public class HandleTests
{
    [Test]
    public async Task WriteThenRead_ThroughHandles_RoundTrips()
    {
        await using var h = new Harness();
        var handle = await h.OpenAsync(Harness.Unc(@"\\s\sh\f.txt"));
        var written = await h.Redirector.WriteAsync(handle, 0, Encoding.UTF8.GetBytes("hello"));
        var buffer = new byte[16];
        var read = await h.Redirector.ReadAsync(handle, 0, buffer);
        var info = await h.Redirector.QueryInformationAsync(handle);

        Assert.Multiple(() =>
        {
            Assert.That(written.Value, Is.EqualTo(5));
            Assert.That(Encoding.UTF8.GetString(buffer, 0, read.Value), Is.EqualTo("hello"));
            Assert.That(info.Value.EndOfFile, Is.EqualTo(5));
        });
    }

    [Test]
    public async Task OperationsOnAClosedOrUnknownHandle_FailWithInvalidHandle()
    {
        await using var h = new Harness();
        var handle = await h.OpenAsync(Harness.Unc(@"\\s\sh\f"));
        Assert.That(await h.Redirector.CloseAsync(handle), Is.EqualTo(NtStatus.Success));

        Assert.Multiple(async () =>
        {
            Assert.That(await h.Redirector.CloseAsync(handle), Is.EqualTo(NtStatus.InvalidHandle));
            Assert.That((await h.Redirector.ReadAsync(handle, 0, new byte[1])).Status, Is.EqualTo(NtStatus.InvalidHandle));
            Assert.That((await h.Redirector.ReadAsync(12345, 0, new byte[1])).Status, Is.EqualTo(NtStatus.InvalidHandle));
        });
    }

    [Test]
    public async Task OpenOfAMissingFile_FailsWithTheMiniRedirectorsStatus_AndLeaksNothing()
    {
        await using var h = new Harness();
        var missing = await h.Redirector.CreateAsync(Harness.Unc(@"\\s\sh\missing"),
            new CreateParameters(NtAccessMask.GenericRead, NtCreateDisposition.Open));
        Assert.That(missing.Status, Is.EqualTo(NtStatus.ObjectNameNotFound));
        Assert.That(h.Redirector.GetStatus().Single().NetRoots.Single().Fcbs, Is.EqualTo(0));
    }

    [Test]
    public async Task TwoOpensOfOneFile_ShareOneFcb_WhatEverTheCase()
    {
        await using var h = new Harness();
        var a = await h.OpenAsync(Harness.Unc(@"\\s\sh\Dir\File"));
        var b = await h.OpenAsync(Harness.Unc(@"\\s\sh\dir\file"));
        Assert.That(h.Redirector.GetStatus().Single().NetRoots.Single().Fcbs, Is.EqualTo(1));
        await h.Redirector.CloseAsync(a);
        await h.Redirector.CloseAsync(b);
        Assert.That(h.Redirector.GetStatus().Single().NetRoots.Single().Fcbs, Is.EqualTo(0));
    }

    [Test]
    public async Task HandleOperations_ReachTheMiniRedirector()
    {
        await using var h = new Harness();
        var handle = await h.OpenAsync(Harness.Unc(@"\\s\sh\f"));
        Assert.Multiple(async () =>
        {
            Assert.That(await h.Redirector.FlushAsync(handle), Is.EqualTo(NtStatus.Success));
            Assert.That(await h.Redirector.LockAsync(handle, 0, 10, exclusive: true, failImmediately: true), Is.EqualTo(NtStatus.Success));
            Assert.That(await h.Redirector.UnlockAsync(handle, 0, 10), Is.EqualTo(NtStatus.Success));
            Assert.That(await h.Redirector.SetInformationAsync(handle, new SetEndOfFile(0)), Is.EqualTo(NtStatus.Success));
            Assert.That((await h.Redirector.QueryDirectoryAsync(handle)).Value, Has.Count.EqualTo(1));
            Assert.That((await h.Redirector.QueryVolumeAsync(Harness.Unc(@"\\s\sh"))).Value!.FileSystemName, Is.EqualTo("NTFS"));
        });
    }
}
