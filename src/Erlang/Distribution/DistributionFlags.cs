namespace Gateway.Erlang.Distribution;

/// <summary>
/// Capability flags exchanged in the handshake (erl_dist_protocol "Distribution Flags"; values as in
/// OTP's kernel/include/dist.hrl).
/// </summary>
[Flags]
public enum DistributionFlags : ulong
{
    None = 0,
    Published = 0x01,
    AtomCache = 0x02,
    ExtendedReferences = 0x04,
    DistMonitor = 0x08,
    FunTags = 0x10,
    DistMonitorName = 0x20,
    HiddenAtomCache = 0x40,
    NewFunTags = 0x80,
    ExtendedPidsPorts = 0x100,
    ExportPtrTag = 0x200,
    BitBinaries = 0x400,
    NewFloats = 0x800,
    UnicodeIo = 0x1000,
    DistHdrAtomCache = 0x2000,
    SmallAtomTags = 0x4000,
    Utf8Atoms = 0x10000,
    MapTag = 0x20000,
    BigCreation = 0x40000,
    SendSender = 0x80000,
    BigSeqtraceLabels = 0x100000,
    ExitPayload = 0x400000,
    Fragments = 0x800000,
    Handshake23 = 0x1000000,
    UnlinkId = 0x2000000,
    Spawn = 1UL << 32,
    NameMe = 1UL << 33,
    V4NC = 1UL << 34,
    Alias = 1UL << 35,

    /// <summary>
    /// "Supports everything OTP 25 made mandatory"; OTP 27 refuses peers without it. (OTP 25's own
    /// dist.hrl gives it as 16#04000000; the protocol documentation and OTP 26+ use bit 36, which
    /// OTP 25 ignores, so advertising bit 36 is right for every release.)
    /// </summary>
    Mandatory25Digest = 1UL << 36,

    /// <summary>The flags OTP 25 requires of every peer (dist.hrl MANDATORY_DFLAGS_25).</summary>
    Mandatory25 = ExtendedReferences | FunTags | ExtendedPidsPorts | NewFunTags | ExportPtrTag | BitBinaries
        | NewFloats | Utf8Atoms | MapTag | BigCreation | Handshake23,

    /// <summary>
    /// What this library advertises: OTP 25's mandatory set and its digest bit, what OTP 26+ adds as
    /// mandatory (V4_NC, UNLINK_ID), SPAWN (RPCs go as spawn requests, as erpc does; requests from
    /// the peer are answered notsup), plus SEND_SENDER, EXIT_PAYLOAD, DIST_MONITOR and SMALL_ATOM_TAGS,
    /// which change only the shape of messages we can decode. Deliberately absent: PUBLISHED (we are
    /// a hidden node), the atom caches and FRAGMENTS (every message arrives as one plain pass-through
    /// 'p' frame) and ALIAS (replies come as ordinary sends or monitor exits).
    /// </summary>
    Default = Mandatory25 | Mandatory25Digest | V4NC | UnlinkId | SendSender | ExitPayload | DistMonitor | DistMonitorName
        | SmallAtomTags | BigSeqtraceLabels | Spawn,
}
