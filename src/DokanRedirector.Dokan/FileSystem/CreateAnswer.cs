namespace DokanRedirector.Dokan.FileSystem;

/// <summary>What ZwCreateFile answers for an open that succeeded.</summary>
internal static class CreateAnswer
{
    /// <summary>
    /// dokan.h (ZwCreateFile): when OPEN_ALWAYS or CREATE_ALWAYS opens an existing file, answer
    /// STATUS_OBJECT_NAME_COLLISION instead of STATUS_SUCCESS. dokan2.dll (create.c, CreateSuccesStatusCheck)
    /// takes it as success for FILE_OPEN_IF, FILE_OVERWRITE_IF and FILE_SUPERSEDE and reports FILE_OPENED,
    /// FILE_OVERWRITTEN or FILE_SUPERSEDED to the caller (so Win32 sets ERROR_ALREADY_EXISTS).
    /// </summary>
    public static NtStatus For(NtCreateDisposition disposition, NtCreateAction action) =>
        disposition is NtCreateDisposition.OpenIf or NtCreateDisposition.OverwriteIf or NtCreateDisposition.Supersede
            && action != NtCreateAction.Created
            ? NtStatus.ObjectNameCollision
            : NtStatus.Success;
}
