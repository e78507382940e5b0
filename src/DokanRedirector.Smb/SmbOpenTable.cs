// MS-SMB2 3.2.1.2 Connection.OpenTable (oplocks, by FileId) and 3.2.1.1 GlobalFileTable (leases, by LeaseKey)
using DokanRedirector.Smb.Messages;

namespace DokanRedirector.Smb;

/// <summary>
/// The opens of one connection whose oplock or lease the server may break, so a break notification finds them.
/// An open is added when its CREATE response arrives, before the receive loop reads the next message (which may
/// already break it), and removed when it closes. The connection closes the table for good when it breaks: the
/// server dropped every open with it.
/// </summary>
/// <remarks>
/// Thread-safe: one lock around two small dictionaries, held for a lookup or an update only. Lock order: this
/// table's lock, then an open's caching lock (reading its oplock level and lease).
/// </remarks>
internal sealed class SmbOpenTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SmbFileId, SmbFile> _oplocks = [];
    private readonly Dictionary<Guid, List<SmbFile>> _leases = []; // every open of one lease shares its key
    private int _count;
    private bool _closed;

    /// <summary>Opens registered, for diagnostics and tests.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    /// <summary>Adds an open that holds a lease or an oplock; an open with neither is never broken and not kept.</summary>
    public void Add(SmbFile file)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }
            if (file.OplockLevel == SmbOplockLevel.Lease && file.Lease is { } lease)
            {
                if (!_leases.TryGetValue(lease.LeaseKey, out var opens))
                {
                    _leases.Add(lease.LeaseKey, opens = []);
                }
                opens.Add(file);
                _count++;
            }
            else if (file.OplockLevel is SmbOplockLevel.LevelII or SmbOplockLevel.Exclusive or SmbOplockLevel.Batch
                && _oplocks.TryAdd(file.FileId, file))
            {
                _count++;
            }
        }
    }

    public void Remove(SmbFile file)
    {
        lock (_lock)
        {
            if (file.Lease is { } lease && _leases.TryGetValue(lease.LeaseKey, out var opens) && opens.Remove(file))
            {
                _count--;
                if (opens.Count == 0)
                {
                    _leases.Remove(lease.LeaseKey);
                }
            }
            else if (_oplocks.TryGetValue(file.FileId, out var held) && held == file)
            {
                _oplocks.Remove(file.FileId);
                _count--;
            }
        }
    }

    /// <summary>The open an oplock break names, or null.</summary>
    public SmbFile? FindOplock(SmbFileId fileId)
    {
        lock (_lock)
        {
            return _oplocks.GetValueOrDefault(fileId);
        }
    }

    /// <summary>The opens of the lease a lease break names; empty when there are none.</summary>
    public SmbFile[] FindLease(Guid leaseKey)
    {
        lock (_lock)
        {
            return _leases.TryGetValue(leaseKey, out var opens) ? [.. opens] : [];
        }
    }

    /// <summary>Empties the table and refuses further opens: the connection broke.</summary>
    public void Close()
    {
        lock (_lock)
        {
            _closed = true;
            _oplocks.Clear();
            _leases.Clear();
            _count = 0;
        }
    }
}
