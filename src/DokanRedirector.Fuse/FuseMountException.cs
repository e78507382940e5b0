namespace DokanRedirector.Fuse;

/// <summary>A mount that could not be made, with a message that says why and what to do.</summary>
public sealed class FuseMountException(string message, Exception? inner = null) : Exception(message, inner);
