namespace Rapport.Bench.Features;

/// <summary>
/// Version 7 Guids (time first, as the live code makes them) whose random part comes from the
/// seeded generator, so the same seed gives the same ids.
/// </summary>
internal sealed class SeededIds(Random random)
{
    private readonly byte[] _bytes = new byte[16];

    public Guid At(DateTimeOffset at)
    {
        random.NextBytes(_bytes);
        var ms = at.ToUnixTimeMilliseconds();
        _bytes[0] = (byte)(ms >> 40);
        _bytes[1] = (byte)(ms >> 32);
        _bytes[2] = (byte)(ms >> 24);
        _bytes[3] = (byte)(ms >> 16);
        _bytes[4] = (byte)(ms >> 8);
        _bytes[5] = (byte)ms;
        _bytes[6] = (byte)(0x70 | (_bytes[6] & 0x0F));
        _bytes[8] = (byte)(0x80 | (_bytes[8] & 0x3F));
        return new Guid(_bytes, bigEndian: true);
    }
}
