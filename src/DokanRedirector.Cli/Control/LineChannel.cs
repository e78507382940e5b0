using System.Buffers;
using System.Text;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// Newline-framed JSON over a stream: what both ends of the control socket speak. Lines are bounded by
/// <see cref="ControlProtocol.MaxLineBytes"/>; bytes after a newline are kept for the next line.
/// </summary>
internal sealed class LineChannel(Stream stream)
{
    private readonly ArrayBufferWriter<byte> _pending = new();

    /// <summary>The next line without its newline, or null at a clean end of stream.</summary>
    /// <exception cref="InvalidDataException">The line is too long, or the stream ended inside one.</exception>
    public async Task<string?> ReadLineAsync(CancellationToken ct)
    {
        var scanned = 0;
        while (true)
        {
            var newline = _pending.WrittenSpan[scanned..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var end = scanned + newline;
                var line = Encoding.UTF8.GetString(_pending.WrittenSpan[..end]);
                var rest = _pending.WrittenSpan[(end + 1)..].ToArray();
                _pending.ResetWrittenCount();
                _pending.Write(rest);
                return line;
            }
            scanned = _pending.WrittenCount;
            if (scanned > ControlProtocol.MaxLineBytes)
            {
                throw new InvalidDataException($"A control line is longer than {ControlProtocol.MaxLineBytes} bytes.");
            }
            var read = await stream.ReadAsync(_pending.GetMemory(4096), ct);
            if (read == 0)
            {
                return scanned == 0 ? null : throw new InvalidDataException("The control connection ended in the middle of a line.");
            }
            _pending.Advance(read);
        }
    }

    public async Task WriteAsync(string json, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(json + "\n");
        await stream.WriteAsync(bytes, ct);
        await stream.FlushAsync(ct);
    }
}
