using DokanRedirector.Dokan.Native;

namespace DokanRedirector.Dokan.Bridge;

/// <summary>dokan2.dll's PFillFindData as the adapter's <see cref="FileSystem.FillFindData"/>.</summary>
internal sealed unsafe class FindDataSink(FillFindDataCallback fill, DokanFileInfo* info)
{
    private readonly DokanFileInfo* _info = info;

    /// <summary>True when dokan2.dll says the buffer is full.</summary>
    public bool Add(in Win32FindData entry)
    {
        var copy = entry;
        return fill.Pointer(&copy, _info) != 0;
    }
}
