using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss;

/// <summary>A VNetRoot in a status snapshot. <paramref name="Watches"/>: front ends' directory watches, which hold a
/// reference each but are no program's open file.</summary>
public sealed record VNetRootStatus(string Name, string? Device, string? User, Condition Condition, int References,
    IReadOnlyList<OpenFileInfo> OpenFiles, int Watches = 0);

/// <summary>A NetRoot in a status snapshot.</summary>
public sealed record NetRootStatus(string Name, Condition Condition, int References, int Fcbs,
    IReadOnlyList<VNetRootStatus> VNetRoots);

/// <summary>A SrvCall in a status snapshot.</summary>
public sealed record SrvCallStatus(string Name, Condition Condition, int References, IReadOnlyList<NetRootStatus> NetRoots);

public sealed partial class Redirector
{
    /// <summary>The live structures, SrvCall → NetRoot → VNetRoot → open files, with conditions and counts.</summary>
    public IReadOnlyList<SrvCallStatus> GetStatus()
    {
        using var scope = _table.EnterShared();
        return [.. _table.Snapshot().OfType<SrvCall>().OrderBy(s => s.PrefixKey, StringComparer.OrdinalIgnoreCase)
            .Select(s => new SrvCallStatus(s.PrefixKey, s.Condition, s.ReferenceCount, [.. s.NetRoots.Select(n =>
                new NetRootStatus(n.PrefixKey, n.Condition, n.ReferenceCount, n.FcbTable.Count, [.. n.VNetRoots.Select(v =>
                    new VNetRootStatus(v.PrefixKey, v.Device, v.Credentials?.Identity, v.Condition, v.ReferenceCount,
                        OpenFilesOf(v.Fobxs.Values), v.Fobxs.Values.Count(f => f.IsWatch)))]))]))];
    }
}
