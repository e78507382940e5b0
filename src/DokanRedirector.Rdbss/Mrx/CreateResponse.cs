namespace DokanRedirector.Rdbss.Mrx;

/// <summary>What a successful MRx Create reports besides the SrvOpen context it set.</summary>
public readonly record struct CreateResponse(NtCreateAction Action, FileInformation Information);
