using System.Text.Json;

namespace DokanRedirector.Cli.Control;

/// <summary>Requests and responses to and from their one-line JSON form.</summary>
internal static class ControlJson
{
    public static string Serialize(ControlRequest request) =>
        JsonSerializer.Serialize(request, ControlJsonContext.Default.ControlRequest);

    public static string Serialize(ControlResponse response) =>
        JsonSerializer.Serialize(response, ControlJsonContext.Default.ControlResponse);

    /// <exception cref="JsonException">Not a request this build knows (malformed, or an unknown command).</exception>
    public static ControlRequest ParseRequest(string line) =>
        JsonSerializer.Deserialize(line, ControlJsonContext.Default.ControlRequest)
        ?? throw new JsonException("The request is null.");

    /// <exception cref="JsonException">Not a response this build knows.</exception>
    public static ControlResponse ParseResponse(string line) =>
        JsonSerializer.Deserialize(line, ControlJsonContext.Default.ControlResponse)
        ?? throw new JsonException("The response is null.");
}
