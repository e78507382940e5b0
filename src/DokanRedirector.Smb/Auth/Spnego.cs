// RFC 4178 (SPNEGO), RFC 2743 3.1 (InitialContextToken), MS-SPNG. DER through System.Formats.Asn1.
using System.Formats.Asn1;
using System.Security.Cryptography;

namespace DokanRedirector.Smb.Auth;

/// <summary>negState (RFC 4178 4.2.2).</summary>
internal enum SpnegoNegState
{
    AcceptCompleted = 0,
    AcceptIncomplete = 1,
    Reject = 2,
    RequestMic = 3,
}

/// <summary>A parsed NegTokenResp; absent fields are null.</summary>
internal sealed record SpnegoNegTokenResp(SpnegoNegState? NegState, string? SupportedMech, byte[]? ResponseToken, byte[]? MechListMic);

internal static class Spnego
{
    public const string SpnegoOid = "1.3.6.1.5.5.2";
    public const string NtlmOid = "1.3.6.1.4.1.311.2.2.10";

    private static readonly Asn1Tag Application0 = new(TagClass.Application, 0, isConstructed: true);

    /// <summary>The DER of MechTypeList ::= SEQUENCE OF MechType holding only NTLMSSP; the mechListMIC covers
    /// exactly these bytes.</summary>
    public static byte[] NtlmMechTypes { get; } = EncodeMechTypes();

    /// <summary>
    /// InitialContextToken [APPLICATION 0] { thisMech = SPNEGO OID, negTokenInit [0] NegTokenInit {
    /// mechTypes [0] <paramref name="mechTypes"/>, mechToken [2] OCTET STRING <paramref name="mechToken"/> } }.
    /// </summary>
    public static byte[] EncodeInitialNegTokenInit(ReadOnlySpan<byte> mechTypes, ReadOnlySpan<byte> mechToken)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(Application0))
        {
            writer.WriteObjectIdentifier(SpnegoOid);
            using (writer.PushSequence(Context(0)))
            using (writer.PushSequence())
            {
                using (writer.PushSequence(Context(0)))
                {
                    writer.WriteEncodedValue(mechTypes);
                }

                using (writer.PushSequence(Context(2)))
                {
                    writer.WriteOctetString(mechToken);
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>negTokenResp [1] NegTokenResp { negState [0], responseToken [2], mechListMIC [3] }; null or empty
    /// parts are left out.</summary>
    public static byte[] EncodeNegTokenResp(SpnegoNegState? negState, ReadOnlySpan<byte> responseToken, ReadOnlySpan<byte> mechListMic)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence(Context(1)))
        using (writer.PushSequence())
        {
            if (negState is { } state)
            {
                using (writer.PushSequence(Context(0)))
                {
                    writer.WriteEnumeratedValue(state);
                }
            }

            if (!responseToken.IsEmpty)
            {
                using (writer.PushSequence(Context(2)))
                {
                    writer.WriteOctetString(responseToken);
                }
            }

            if (!mechListMic.IsEmpty)
            {
                using (writer.PushSequence(Context(3)))
                {
                    writer.WriteOctetString(mechListMic);
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>Parses negTokenResp [1]. Anything else, or bad DER/BER, is an <see cref="SmbProtocolException"/>.</summary>
    public static SpnegoNegTokenResp DecodeNegTokenResp(ReadOnlySpan<byte> token)
    {
        try
        {
            // BER reading accepts DER and the odd server that sends indefinite lengths.
            var outer = new AsnReader(token.ToArray(), AsnEncodingRules.BER);
            AsnReader body = outer.ReadSequence(Context(1));
            outer.ThrowIfNotEmpty();
            AsnReader fields = body.ReadSequence();
            body.ThrowIfNotEmpty();

            SpnegoNegState? negState = null;
            string? supportedMech = null;
            byte[]? responseToken = null;
            byte[]? mechListMic = null;
            while (fields.HasData)
            {
                Asn1Tag tag = fields.PeekTag();
                if (tag.TagClass != TagClass.ContextSpecific)
                {
                    throw new SmbProtocolException($"malformed SPNEGO NegTokenResp: unexpected tag {tag}.");
                }

                AsnReader field = fields.ReadSequence(tag);
                switch (tag.TagValue)
                {
                    case 0:
                        ReadOnlySpan<byte> value = field.ReadEnumeratedBytes().Span;
                        if (value.Length != 1 || value[0] > (byte)SpnegoNegState.RequestMic)
                        {
                            throw new SmbProtocolException("malformed SPNEGO NegTokenResp: negState out of range.");
                        }

                        negState = (SpnegoNegState)value[0];
                        break;
                    case 1:
                        supportedMech = field.ReadObjectIdentifier();
                        break;
                    case 2:
                        responseToken = field.ReadOctetString();
                        break;
                    case 3:
                        mechListMic = field.ReadOctetString();
                        break;
                    default:
                        continue; // future extension: skip
                }

                field.ThrowIfNotEmpty();
            }

            return new SpnegoNegTokenResp(negState, supportedMech, responseToken, mechListMic);
        }
        catch (AsnContentException ex)
        {
            throw new SmbProtocolException($"malformed SPNEGO NegTokenResp: {ex.Message}", ex);
        }
        catch (CryptographicException ex)
        {
            throw new SmbProtocolException($"malformed SPNEGO NegTokenResp: {ex.Message}", ex);
        }
    }

    private static Asn1Tag Context(int number) => new(TagClass.ContextSpecific, number, isConstructed: true);

    private static byte[] EncodeMechTypes()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(NtlmOid);
        }

        return writer.Encode();
    }
}
