namespace DokanRedirector.Dokan.Tests.Conformance;

/// <summary>Byte-range locks (DOKAN_OPTION_FILELOCK_USER_MODE): held on the server, so a second handle sees them.</summary>
public sealed class LockTests : SambaFixture
{
    [Test]
    public void LockedRange_RefusesAnOverlappingLockOfAnotherHandle_UntilItIsUnlocked()
    {
        var name = Unique("locked");
        File.WriteAllText(OnDisk(name), new string('x', 100));
        var first = Io.Open(name);
        var second = Io.Open(name);

        var locked = Io.FileSystem.LockFile(name, 0, 10, ref first.Info);
        var conflict = Io.FileSystem.LockFile(name, 5, 10, ref second.Info);
        var elsewhere = Io.FileSystem.LockFile(name, 50, 10, ref second.Info);
        var unlocked = Io.FileSystem.UnlockFile(name, 0, 10, ref first.Info);
        var retried = Io.FileSystem.LockFile(name, 5, 10, ref second.Info);
        Io.CloseHandle(first);
        Io.CloseHandle(second);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(locked, Is.EqualTo(NtStatus.Success));
            Assert.That(conflict, Is.EqualTo(NtStatus.LockNotGranted));
            Assert.That(elsewhere, Is.EqualTo(NtStatus.Success), "a range nobody holds");
            Assert.That(unlocked, Is.EqualTo(NtStatus.Success));
            Assert.That(retried, Is.EqualTo(NtStatus.Success));
        }
    }

    [Test]
    public void Unlock_OfARangeNotLocked_AnswersRangeNotLocked()
    {
        var name = Unique("unlocked");
        File.WriteAllText(OnDisk(name), "data");
        var open = Io.Open(name);
        var status = Io.FileSystem.UnlockFile(name, 0, 4, ref open.Info);
        Io.CloseHandle(open);
        Assert.That(status, Is.EqualTo(NtStatus.RangeNotLocked));
    }
}
