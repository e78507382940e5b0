using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace DokanRedirector;

/// <summary>
/// An NTSTATUS value (MS-ERREF 2.3) with the names Windows uses. The core and the mini-redirector
/// exchange statuses, not exceptions, the way RDBSS and its mini-redirectors do.
/// </summary>
public readonly record struct NtStatus(uint Value)
{
    public static readonly NtStatus Success = new(0x00000000);
    public static readonly NtStatus Timeout = new(0x00000102);
    public static readonly NtStatus Pending = new(0x00000103);
    public static readonly NtStatus NotifyCleanup = new(0x0000010B);
    public static readonly NtStatus NotifyEnumDir = new(0x0000010C);
    public static readonly NtStatus BufferOverflow = new(0x80000005);
    public static readonly NtStatus NoMoreFiles = new(0x80000006);
    public static readonly NtStatus StoppedOnSymlink = new(0x8000002D);
    public static readonly NtStatus Unsuccessful = new(0xC0000001);
    public static readonly NtStatus NotImplemented = new(0xC0000002);
    public static readonly NtStatus InvalidInfoClass = new(0xC0000003);
    public static readonly NtStatus InfoLengthMismatch = new(0xC0000004);
    public static readonly NtStatus InvalidHandle = new(0xC0000008);
    public static readonly NtStatus InvalidParameter = new(0xC000000D);
    public static readonly NtStatus NoSuchDevice = new(0xC000000E);
    public static readonly NtStatus NoSuchFile = new(0xC000000F);
    public static readonly NtStatus InvalidDeviceRequest = new(0xC0000010);
    public static readonly NtStatus EndOfFile = new(0xC0000011);
    public static readonly NtStatus MoreProcessingRequired = new(0xC0000016);
    public static readonly NtStatus NoMemory = new(0xC0000017);
    public static readonly NtStatus InvalidLockSequence = new(0xC000001E);
    public static readonly NtStatus AccessDenied = new(0xC0000022);
    public static readonly NtStatus BufferTooSmall = new(0xC0000023);
    public static readonly NtStatus ObjectTypeMismatch = new(0xC0000024);
    public static readonly NtStatus ObjectNameInvalid = new(0xC0000033);
    public static readonly NtStatus ObjectNameNotFound = new(0xC0000034);
    public static readonly NtStatus ObjectNameCollision = new(0xC0000035);
    public static readonly NtStatus DeviceAlreadyAttached = new(0xC0000038);
    public static readonly NtStatus ObjectPathInvalid = new(0xC0000039);
    public static readonly NtStatus ObjectPathNotFound = new(0xC000003A);
    public static readonly NtStatus ObjectPathSyntaxBad = new(0xC000003B);
    public static readonly NtStatus SharingViolation = new(0xC0000043);
    public static readonly NtStatus FileLockConflict = new(0xC0000054);
    public static readonly NtStatus LockNotGranted = new(0xC0000055);
    public static readonly NtStatus DeletePending = new(0xC0000056);
    public static readonly NtStatus NoSuchUser = new(0xC0000064);
    public static readonly NtStatus WrongPassword = new(0xC000006A);
    public static readonly NtStatus LogonFailure = new(0xC000006D);
    public static readonly NtStatus AccountRestriction = new(0xC000006E);
    public static readonly NtStatus InvalidLogonHours = new(0xC000006F);
    public static readonly NtStatus InvalidWorkstation = new(0xC0000070);
    public static readonly NtStatus PasswordExpired = new(0xC0000071);
    public static readonly NtStatus AccountDisabled = new(0xC0000072);
    public static readonly NtStatus RangeNotLocked = new(0xC000007E);
    public static readonly NtStatus DiskFull = new(0xC000007F);
    public static readonly NtStatus InsufficientResources = new(0xC000009A);
    public static readonly NtStatus MediaWriteProtected = new(0xC00000A2);
    public static readonly NtStatus IoTimeout = new(0xC00000B5);
    public static readonly NtStatus FileIsADirectory = new(0xC00000BA);
    public static readonly NtStatus NotSupported = new(0xC00000BB);
    public static readonly NtStatus RemoteNotListening = new(0xC00000BC);
    public static readonly NtStatus BadNetworkPath = new(0xC00000BE);
    public static readonly NtStatus NetworkBusy = new(0xC00000BF);
    public static readonly NtStatus InvalidNetworkResponse = new(0xC00000C3);
    public static readonly NtStatus UnexpectedNetworkError = new(0xC00000C4);
    public static readonly NtStatus NetworkNameDeleted = new(0xC00000C9);
    public static readonly NtStatus NetworkAccessDenied = new(0xC00000CA);
    public static readonly NtStatus BadNetworkName = new(0xC00000CC);
    public static readonly NtStatus RequestNotAccepted = new(0xC00000D0);
    public static readonly NtStatus NotSameDevice = new(0xC00000D4);
    public static readonly NtStatus InternalError = new(0xC00000E5);
    public static readonly NtStatus DirectoryNotEmpty = new(0xC0000101);
    public static readonly NtStatus NotADirectory = new(0xC0000103);
    public static readonly NtStatus NameTooLong = new(0xC0000106);
    public static readonly NtStatus FilesOpen = new(0xC0000107);
    public static readonly NtStatus TooManyOpenedFiles = new(0xC000011F);
    public static readonly NtStatus Cancelled = new(0xC0000120);
    public static readonly NtStatus CannotDelete = new(0xC0000121);
    public static readonly NtStatus FileDeleted = new(0xC0000123);
    public static readonly NtStatus FileClosed = new(0xC0000128);
    public static readonly NtStatus InvalidDeviceState = new(0xC0000184);
    public static readonly NtStatus NetworkCredentialConflict = new(0xC0000195);
    public static readonly NtStatus UserSessionDeleted = new(0xC0000203);
    public static readonly NtStatus ConnectionDisconnected = new(0xC000020C);
    public static readonly NtStatus ConnectionReset = new(0xC000020D);
    public static readonly NtStatus PasswordMustChange = new(0xC0000224);
    public static readonly NtStatus NotFound = new(0xC0000225);
    public static readonly NtStatus AccountLockedOut = new(0xC0000234);
    public static readonly NtStatus ConnectionRefused = new(0xC0000236);
    public static readonly NtStatus NetworkUnreachable = new(0xC000023C);
    public static readonly NtStatus HostUnreachable = new(0xC000023D);
    public static readonly NtStatus ConnectionAborted = new(0xC0000241);
    public static readonly NtStatus PathNotCovered = new(0xC0000257);
    public static readonly NtStatus VolumeDismounted = new(0xC000026E);
    public static readonly NtStatus NetworkSessionExpired = new(0xC000035C);
    public static readonly NtStatus FileNotAvailable = new(0xC0000467);
    public static readonly NtStatus InvalidSignature = new(0xC000A000);

    // Built once from the fields above, so a name is written in exactly one place.
    private static readonly FrozenDictionary<uint, string> Names = typeof(NtStatus)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(NtStatus))
        .ToFrozenDictionary(f => ((NtStatus)f.GetValue(null)!).Value, f => ToWindowsName(f.Name));

    /// <summary>MS-ERREF 2.3: severity 0 (success) and 1 (informational) both count as success.</summary>
    public bool IsSuccess => Value >> 30 is 0 or 1;

    public bool IsError => Value >> 30 == 3;

    /// <summary>The Windows name, e.g. <c>STATUS_BAD_NETWORK_NAME</c>, or the hex value when unnamed.</summary>
    public string Name => Names.TryGetValue(Value, out var name) ? name : $"0x{Value:X8}";

    public override string ToString() => Name;

    // "BadNetworkName" -> "STATUS_BAD_NETWORK_NAME"; "FileIsADirectory" -> "STATUS_FILE_IS_A_DIRECTORY".
    private static string ToWindowsName(string pascal)
    {
        var sb = new System.Text.StringBuilder("STATUS");
        foreach (var c in pascal)
        {
            if (char.IsUpper(c))
            {
                sb.Append('_');
            }
            sb.Append(char.ToUpper(c, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
