namespace DokanRedirector.Rdbss.Mrx;

/// <summary>A status and, on success, a value: how results cross the MRx and façade boundaries.</summary>
public readonly record struct RxResult<T>(NtStatus Status, T? Value)
{
    public bool IsSuccess => Status.IsSuccess;

    public static implicit operator RxResult<T>(NtStatus status) => new(status, default);

    public static implicit operator RxResult<T>(T value) => new(NtStatus.Success, value);

    public static RxResult<T> Ok(T value) => new(NtStatus.Success, value);
}
