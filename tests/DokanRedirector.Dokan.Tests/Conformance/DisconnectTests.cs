namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>
/// A forced disconnect with handles open: every later callback on an old handle answers
/// STATUS_CONNECTION_DISCONNECTED, and once the volume is gone (Dokan sends no CloseFile for these handles)
/// no handle or structure is left in the core.
/// </summary>
public sealed class DisconnectTests : SambaFixture
{
    [Test]
    public async Task ForcedDisconnect_InTheCoreFirst_EveryLaterCallbackAnswersDisconnected_AndNothingLeaks()
    {
        var name = Unique("held");
        var folder = Unique("folder");
        Directory.CreateDirectory(OnDisk(folder));
        var file = Io.Open(name, NtCreateDisposition.Create);
        Io.Write(file, "kept"u8.ToArray(), 0, out _);
        var directory = Io.OpenDirectory(folder);

        var forced = await Drive.Redirector.DisconnectAsync(SambaDrive.LocalName, force: true);
        var answers = EveryHandleCallback(file, directory);

        Io.FileSystem.Unmounted(ref file.Info);
        var released = await Drive.FileSystem.ReleaseHandlesAsync();
        await Drive.Redirector.ScavengeAsync();
        await Drive.Redirector.ScavengeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(forced.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(forced.Value!.Select(f => f.Handle), Is.EquivalentTo(new[] { file.Handle, directory.Handle }));
            foreach (var (callback, status) in answers)
            {
                Assert.That(status, Is.EqualTo(NtStatus.ConnectionDisconnected), callback);
            }
            Assert.That(File.ReadAllText(OnDisk(name)), Is.EqualTo("kept"), "the acknowledged write is on the server");
            Assert.That(released, Is.EqualTo(2), "both handles released without a CloseFile");
            Assert.That(Drive.FileSystem.OpenHandleCount, Is.Zero);
            Assert.That(Drive.Redirector.HandleCount, Is.Zero);
            Assert.That(Drive.Redirector.GetStatus(), Is.Empty, "every SrvCall, NetRoot and VNetRoot finalized");
        }
    }

    [Test]
    public async Task ForcedUnmount_InTheFrontEndFirst_AnswersDisconnected_ThenTheCoreDisconnectsCleanly()
    {
        var name = Unique("open");
        var file = Io.Open(name, NtCreateDisposition.Create);

        Drive.FileSystem.Disconnect(); // what DokanMount.UnmountAsync(force: true) does before DokanRemoveMountPoint
        var answers = EveryHandleCallback(file, file);
        var (create, _) = Io.Create(Unique("late"), NtCreateDisposition.Create);
        var released = await Drive.FileSystem.ReleaseHandlesAsync();
        var disconnected = await Drive.Redirector.DisconnectAsync(SambaDrive.LocalName, force: true);
        await Drive.Redirector.ScavengeAsync();
        await Drive.Redirector.ScavengeAsync();

        using (Assert.EnterMultipleScope())
        {
            foreach (var (callback, status) in answers)
            {
                Assert.That(status, Is.EqualTo(NtStatus.ConnectionDisconnected), callback);
            }
            Assert.That(create, Is.EqualTo(NtStatus.ConnectionDisconnected), "a new open on the unmounting drive");
            Assert.That(released, Is.EqualTo(1));
            Assert.That(disconnected.Status, Is.EqualTo(NtStatus.Success));
            Assert.That(disconnected.Value, Is.Empty, "no handle left for the core to orphan");
            Assert.That(Drive.Redirector.HandleCount, Is.Zero);
            Assert.That(Drive.Redirector.GetStatus(), Is.Empty);
        }
    }

    /// <summary>Every callback that works on an open handle, as the I/O manager would send it next.</summary>
    private List<(string Callback, NtStatus Status)> EveryHandleCallback(FakeOpen file, FakeOpen directory)
    {
        var fs = Io.FileSystem;
        var name = file.FileName;
        var answers = new List<(string, NtStatus)>
        {
            ("ReadFile", Io.Read(file, 0, 4).Status),
            ("WriteFile", Io.Write(file, "lost"u8.ToArray(), 4, out _)),
            ("FlushFileBuffers", fs.FlushFileBuffers(name, ref file.Info)),
            ("GetFileInformation", fs.GetFileInformation(name, out _, ref file.Info)),
            ("FindFilesWithPattern", Io.Find(directory, "*").Status),
            ("SetFileAttributes", fs.SetFileAttributes(name, NtFileAttributes.Hidden, ref file.Info)),
            ("SetFileTime", fs.SetFileTime(name, null, null, DateTime.UtcNow.ToFileTimeUtc(), ref file.Info)),
            ("SetEndOfFile", fs.SetEndOfFile(name, 1, ref file.Info)),
            ("SetAllocationSize", fs.SetAllocationSize(name, 1, ref file.Info)),
            ("LockFile", fs.LockFile(name, 0, 1, ref file.Info)),
            ("UnlockFile", fs.UnlockFile(name, 0, 1, ref file.Info)),
            ("MoveFile", fs.MoveFile(name, name + "-moved", false, ref file.Info)),
        };
        file.Info.DeletePending = 1;
        answers.Add(("DeleteFile", fs.DeleteFile(name, ref file.Info)));
        file.Info.DeletePending = 0;
        return answers;
    }
}
