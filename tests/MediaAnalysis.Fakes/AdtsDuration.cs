namespace MediaAnalysis.Fakes;

// The length of a raw ADTS stream (what the app sends for AAC audio) from its frame headers alone: every
// frame must start with the sync word where the previous one ended, keep one sampling rate, and the last
// must end exactly at the end of the file. Null when the file is not such a stream (the caller then asks
// ffprobe). Load runs use this instead of a child process per request: the real Deepgram reads the audio
// on its own machines, not on the two cores the app is measured on.
public static class AdtsDuration
{
    private static readonly int[] SampleRates = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];

    public static double? Of(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var length = stream.Length;
        Span<byte> header = stackalloc byte[7];
        long samples = 0;
        var rate = 0;
        while (true)
        {
            var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            if (read == 0)
            {
                return rate > 0 && samples > 0 ? samples / (double)rate : null;
            }
            // 12 sync bits, layer 00; then the sampling index, the 13-bit frame length and the block count.
            if (read < header.Length || header[0] != 0xFF || (header[1] & 0xF6) != 0xF0)
            {
                return null;
            }
            var index = (header[2] >> 2) & 0x0F;
            var frame = ((header[3] & 0x03) << 11) | (header[4] << 3) | (header[5] >> 5);
            var headerLength = (header[1] & 0x01) == 0 ? 9 : 7; // protection_absent 0: a CRC follows
            if (index >= SampleRates.Length || (rate != 0 && SampleRates[index] != rate) || frame < headerLength
                || stream.Position - header.Length + frame > length)
            {
                return null;
            }
            rate = SampleRates[index];
            samples += 1024L * ((header[6] & 0x03) + 1);
            stream.Seek(frame - header.Length, SeekOrigin.Current);
        }
    }
}
