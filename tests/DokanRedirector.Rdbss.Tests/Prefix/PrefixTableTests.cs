using DokanRedirector.Rdbss.Prefix;
using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss.Tests.Prefix;

public class PrefixTableTests
{
    private PrefixTable _table = null!;
    private SrvCall _server = null!;
    private NetRoot _share = null!;
    private NetRoot _deep = null!;

    [SetUp]
    public void SetUp()
    {
        _table = new PrefixTable();
        _server = new SrvCall("srv");
        _share = new NetRoot(_server, @"\srv\share", "share");
        _deep = new NetRoot(_server, @"\srv\share\a\b", "share");
        using var scope = _table.EnterExclusive();
        _table.Insert(_server);
        _table.Insert(_share);
        _table.Insert(_deep);
    }

    [TearDown]
    public void TearDown() => _table.Dispose();

    [TestCase(@"\srv", @"\srv", "")]
    [TestCase(@"\srv\other\x", @"\srv", @"other\x")]
    [TestCase(@"\srv\share", @"\srv\share", "")]
    [TestCase(@"\srv\share\a", @"\srv\share", "a")]
    [TestCase(@"\SRV\SHARE\A\B\c\d", @"\srv\share\a\b", @"c\d")]
    [TestCase(@"\srv\share\a\bc", @"\srv\share", @"a\bc")]
    public void Lookup_ReturnsTheLongestPrefixAtComponentBoundaries_AndTheRest(string name, string key, string rest)
    {
        using var scope = _table.EnterShared();
        var match = _table.Lookup(name);
        Assert.That(match.Node!.PrefixKey, Is.EqualTo(key));
        Assert.That(match.Remaining(name).ToString(), Is.EqualTo(rest));
    }

    [TestCase(@"\other\share")]
    [TestCase(@"\sr")]
    [TestCase(@"\srvx\share")]
    [TestCase("")]
    public void Lookup_OfAnUnknownName_FindsNothing(string name)
    {
        using var scope = _table.EnterShared();
        Assert.That(_table.Lookup(name).Node, Is.Null);
    }

    [Test]
    public void TheTable_HoldsOneReferenceOnEveryEntry()
    {
        Assert.That(_server.ReferenceCount, Is.EqualTo(2), "creator + table");
        using (_table.EnterExclusive())
        {
            Assert.That(_table.Remove(_deep), Is.True);
            Assert.That(_table.Remove(_deep), Is.False, "removing twice is a no-op");
        }
        Assert.That(_deep.InTable, Is.False);
        using var scope = _table.EnterShared();
        Assert.That(_table.Lookup(@"\srv\share\a\b\c").Node, Is.SameAs(_share), "the shorter key now wins");
    }

    [Test]
    public void ConcurrentReadersAndWriters_NeverSeeATornTable()
    {
        var keys = Enumerable.Range(0, 200).Select(i => new NetRoot(_server, $@"\srv\s{i}", $"s{i}")).ToArray();
        var stop = DateTime.UtcNow.AddMilliseconds(300);
        // Dedicated threads, and a minimum amount of work each, so a busy 2-core machine cannot starve a side.
        var writer = Task.Factory.StartNew(() =>
        {
            for (var pass = 0; pass < 20 || DateTime.UtcNow < stop; pass++)
            {
                foreach (var node in keys)
                {
                    using var scope = _table.EnterExclusive();
                    if (node.InTable)
                    {
                        _table.Remove(node);
                    }
                    else
                    {
                        _table.Insert(node);
                    }
                }
            }
        }, TaskCreationOptions.LongRunning);
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Factory.StartNew(() =>
        {
            var lookups = 0;
            while (lookups < 10_000 || DateTime.UtcNow < stop)
            {
                using var scope = _table.EnterShared();
                var match = _table.Lookup(@"\srv\s7\file");
                Assert.That(match.Node, Is.SameAs(keys[7]).Or.SameAs(_server));
                lookups++;
            }
            return lookups;
        }, TaskCreationOptions.LongRunning)).ToArray();
        Assert.That(() => Task.WaitAll([writer, .. readers]), Throws.Nothing);
        Assert.That(readers.Sum(r => r.Result), Is.GreaterThan(0));
    }
}
