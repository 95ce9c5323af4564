namespace ConnectingNer.Domain.Consent;

/// <summary>
/// An anonymous device's id: a random 128-bit value the device generated (a version 4 UUID), so it says nothing about
/// the device and cannot be guessed.
/// </summary>
public static class DeviceIds
{
    public static bool TryParse(string? value, out Guid id) =>
        Guid.TryParseExact(value?.Trim() ?? "", "D", out id) && id.Version == 4 && (id.Variant & 0b1100) == 0b1000;
}
