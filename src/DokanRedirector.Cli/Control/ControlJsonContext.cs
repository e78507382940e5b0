using System.Text.Json.Serialization;

namespace DokanRedirector.Cli.Control;

/// <summary>Source-generated (trim- and reflection-free) JSON for the control protocol. Enums travel by
/// name (Condition "Good"), so a log of the socket reads like the status tree.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlResponse))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
