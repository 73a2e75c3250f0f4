namespace Gateway.Erlang.Tests.Distribution;

/// <summary>Random mutation of valid protocol bytes for fuzz tests: flips, inserts, deletes, truncations.</summary>
internal static class Fuzz
{
    public static byte[] Mutate(byte[] sample, Random random)
    {
        var bytes = new List<byte>(sample);
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            switch (random.Next(5))
            {
                case 0 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(random.Next(bytes.Count));
                    break;
                case 3 when bytes.Count > 0:
                    var keep = random.Next(bytes.Count);
                    bytes.RemoveRange(keep, bytes.Count - keep);
                    break;
                default:
                    if (bytes.Count > 0)
                    {
                        var i = random.Next(bytes.Count);
                        bytes[i] = random.Next(2) == 0 ? (byte)0xFF : (byte)0;
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
