namespace DokanRedirector.Rdbss.Naming;

/// <summary>
/// A string that <see cref="UncName.Parse"/> or <see cref="UncName.Combine"/> refused. The message
/// quotes the input and names the rule it broke; the properties carry the same facts for code.
/// </summary>
public sealed class InvalidUncNameException : ArgumentException
{
    private readonly string _message;

    internal InvalidUncNameException(
        UncNameError error, string input, string message, string? component, int? position, string paramName)
        : base(message, paramName)
    {
        Error = error;
        Input = input;
        Component = component;
        Position = position;
        _message = message;
    }

    public UncNameError Error { get; }

    /// <summary>The string that was refused, in full; empty when it was null.</summary>
    public string Input { get; }

    /// <summary>The offending server, share or path component as written, when one is to blame.</summary>
    public string? Component { get; }

    /// <summary>Zero-based index into <see cref="Input"/> of the offending character or component.</summary>
    public int? Position { get; }

    /// <summary>
    /// The message without the base class's "(Parameter 'name')" suffix: it already quotes the
    /// input, so the suffix would only add noise to logs.
    /// </summary>
    public override string Message => _message;
}
