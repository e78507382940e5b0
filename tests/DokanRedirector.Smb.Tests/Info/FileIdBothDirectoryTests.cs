using System.Buffers.Binary;
using System.Text;
using DokanRedirector.Smb.Info;

namespace DokanRedirector.Smb.Tests.Info;

public class FileIdBothDirectoryTests
{
    private const int Fixed = 104;

    [Test]
    public void Enumerate_WalksAlignedEntries_AndDecodesEveryField()
    {
        var buffer = Listing(Entry(".", fileId: 1, attributes: 0x10), Entry("report.docx", "REPORT~1.DOC", fileId: 42, endOfFile: 12345));

        var entries = Collect(buffer);

        Assert.That(entries, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(entries[0].FileName, Is.EqualTo("."));
            Assert.That(entries[0].FileAttributes, Is.EqualTo(NtFileAttributes.Directory));
            Assert.That(entries[0].ShortName, Is.Empty);
            Assert.That(entries[1], Is.EqualTo(new FileIdBothDirectoryInformation(
                7, FsccBuffers.Created, FsccBuffers.Accessed, FsccBuffers.Written, FsccBuffers.Changed,
                12345, 16384, NtFileAttributes.Archive, 0, "REPORT~1.DOC", 42, "report.docx")));
        });
    }

    [Test]
    public void Enumerate_AnEmptyBuffer_YieldsNothing()
    {
        Assert.That(Collect([]), Is.Empty);
    }

    [Test]
    public void Enumerate_StopsAtAZeroNextEntryOffset_IgnoringTrailingPadding()
    {
        byte[] buffer = [.. Entry("only"), .. new byte[16]];

        Assert.That(Collect(buffer).Select(e => e.FileName), Is.EqualTo(new[] { "only" }));
    }

    [TestCase(0xFFFFFFF8u, TestName = "NextEntryOffset_ThatWouldWrapBackwards_IsRejected")]
    [TestCase(8u, TestName = "NextEntryOffset_InsideTheEntry_IsRejected")]
    [TestCase(116u, TestName = "NextEntryOffset_Unaligned_IsRejected")]
    [TestCase(4096u, TestName = "NextEntryOffset_PastTheBuffer_IsRejected")]
    public void BadNextEntryOffset(uint nextEntryOffset)
    {
        var buffer = Listing(Entry("a"), Entry("b"));
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, nextEntryOffset);

        Assert.That(() => Collect(buffer), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("NextEntryOffset"));
    }

    [Test]
    public void BadEntries_AreProtocolErrors()
    {
        var truncated = Entry("name")[..(Fixed - 1)];
        var nameTooLong = Entry("name");
        BinaryPrimitives.WriteUInt32LittleEndian(nameTooLong.AsSpan(60), 10);
        var emptyName = Entry("name");
        BinaryPrimitives.WriteUInt32LittleEndian(emptyName.AsSpan(60), 0);
        var shortNameTooLong = Entry("name");
        shortNameTooLong[68] = 26;
        var negativeSize = Entry("name", endOfFile: -5);

        Assert.Multiple(() =>
        {
            Assert.That(() => Collect(truncated), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("fixed part"));
            Assert.That(() => Collect(nameTooLong), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("FileName"));
            Assert.That(() => Collect(emptyName), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("empty"));
            Assert.That(() => Collect(shortNameTooLong), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("ShortNameLength"));
            Assert.That(() => Collect(negativeSize), Throws.TypeOf<SmbProtocolException>().With.Message.Contains("EndOfFile"));
        });
    }

    [Test]
    public void Enumerate_ThousandsOfMutatedListings_EndWithEntriesOrAProtocolError_NeverAHang()
    {
        byte[][] seeds = [Listing(Entry("."), Entry(".."), Entry("a.txt", "A.TXT"), Entry("long file name.bin", "LONGFI~1.BIN"))];
        var maxEntries = 0;

        var outcome = Fuzz.Run(37, 20000, seeds, buffer =>
        {
            var count = 0;
            foreach (var entry in FileIdBothDirectoryInformation.Enumerate(buffer))
            {
                count++;
                Assert.That(count, Is.LessThanOrEqualTo(buffer.Length / Fixed), "each entry takes at least its fixed part");
            }
            maxEntries = Math.Max(maxEntries, count);
        });

        Fuzz.AssertBothOutcomes(outcome, 20000);
        Assert.That(maxEntries, Is.EqualTo(4));
    }

    private static List<FileIdBothDirectoryInformation> Collect(byte[] buffer)
    {
        var entries = new List<FileIdBothDirectoryInformation>();
        foreach (var entry in FileIdBothDirectoryInformation.Enumerate(buffer))
        {
            entries.Add(entry);
        }
        return entries;
    }

    // Chains entries: each but the last padded to 8 bytes, with NextEntryOffset set to its padded length.
    private static byte[] Listing(params byte[][] entries)
    {
        var buffer = new List<byte>();
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (i < entries.Length - 1)
            {
                var padded = (entry.Length + 7) & ~7;
                BinaryPrimitives.WriteInt32LittleEndian(entry, padded);
                Array.Resize(ref entry, padded);
            }
            buffer.AddRange(entry);
        }
        return [.. buffer];
    }

    // MS-FSCC 2.4.21: one entry with NextEntryOffset 0.
    private static byte[] Entry(string name, string shortName = "", long fileId = 9, uint attributes = 0x20, long endOfFile = 100)
    {
        var nameBytes = Encoding.Unicode.GetBytes(name);
        var e = new byte[Fixed + nameBytes.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(e.AsSpan(4), 7); // FileIndex
        FsccBuffers.Times(e, 8);
        BinaryPrimitives.WriteInt64LittleEndian(e.AsSpan(40), endOfFile);
        BinaryPrimitives.WriteInt64LittleEndian(e.AsSpan(48), 16384); // AllocationSize
        BinaryPrimitives.WriteUInt32LittleEndian(e.AsSpan(56), attributes);
        BinaryPrimitives.WriteInt32LittleEndian(e.AsSpan(60), nameBytes.Length);
        e[68] = (byte)Encoding.Unicode.GetByteCount(shortName);
        Encoding.Unicode.GetBytes(shortName, e.AsSpan(70));
        BinaryPrimitives.WriteInt64LittleEndian(e.AsSpan(96), fileId);
        nameBytes.CopyTo(e, Fixed);
        return e;
    }
}
