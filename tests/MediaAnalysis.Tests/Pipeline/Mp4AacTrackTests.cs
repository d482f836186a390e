using MediaAnalysis.Fakes;
using MediaAnalysis.Pipeline.Audio;
using MediaAnalysis.Pipeline.Download;

namespace MediaAnalysis.Tests.Pipeline;

// The in-process copy of an MP4's AAC track must write exactly what `ffmpeg -c:a copy -f adts` writes, for
// every layout ffmpeg and phones produce, and step aside for everything it does not know.
[Collection(MediaCollection.Name)]
public sealed class Mp4AacTrackTests(MediaFiles media) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ma-aac-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("44100 stereo, faststart", "-ar 44100 -ac 2 -b:a 128k -movflags +faststart")]
    [InlineData("48000 mono, moov at the end", "-ar 48000 -ac 1 -b:a 64k")]
    [InlineData("16000 mono", "-ar 16000 -ac 1 -b:a 24k -movflags +faststart")]
    [InlineData("22050 5.1", "-ar 22050 -ac 6 -b:a 96k")]
    [InlineData("8000 mono, large chunks", "-ar 8000 -ac 1 -b:a 16k -movflags +faststart")]
    [InlineData("co64 offsets, no edit list", "-ar 44100 -ac 2 -b:a 96k -use_editlist 0")]
    public async Task The_copy_is_byte_for_byte_what_ffmpeg_writes(string name, string audio)
    {
        var video = Path.Combine(_dir, "v.mp4");
        await FfmpegCli.RunAsync($"-f lavfi -i testsrc2=size=160x120:rate=10:duration=7 -f lavfi -i sine=frequency=330:beep_factor=3:duration=7 " +
            $"-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac {audio} -shortest \"{video}\"");
        if (name.StartsWith("co64", StringComparison.Ordinal))
        {
            // ffmpeg writes co64 only past 4 GB of offsets: widen the tables of this small file (moov at its end,
            // so no offset moves).
            Assert.True(ForceCo64(video), "the file had no stco to widen");
        }

        await AssertSameAsFfmpegAsync(video);
    }

    [Fact]
    public async Task The_test_videos_copy_as_ffmpeg_does_and_report_what_ffprobe_reports()
    {
        foreach (var kind in new[] { TestVideoKind.Normal, TestVideoKind.MoovAtEnd, TestVideoKind.Silent })
        {
            var track = await AssertSameAsFfmpegAsync(media[kind]);
            var probed = track.ToProbedMedia();
            Assert.Equal("aac", probed.AudioCodec);
            Assert.Equal(1, probed.AudioStreamIndex);
            Assert.True(probed.HasVideo);
            var ffprobeDuration = double.Parse(await Ffprobe.ValueAsync("format=duration", media[kind]), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(probed.Duration.TotalSeconds, ffprobeDuration - 0.05, ffprobeDuration + 0.05);
        }
    }

    [Fact]
    public async Task While_downloading_each_chunk_is_copied_once_it_arrived_and_a_cut_download_is_reported()
    {
        var video = media[TestVideoKind.Normal];
        var head = Mp4Layout.Read(video, new FileInfo(video).Length);
        var partial = Path.Combine(_dir, "growing.mp4");
        var bytes = await File.ReadAllBytesAsync(video);
        var growing = new GrowingFile();
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            await file.WriteAsync(bytes.AsMemory(0, (int)head.MoovEnd));
            await file.FlushAsync();
            growing.Advance(head.MoovEnd);
            var track = Mp4AacTrack.TryRead(partial, head.MoovStart, head.MoovEnd, out var whyNot);
            Assert.True(track is not null, whyNot);

            var output = Path.Combine(_dir, "growing.aac");
            var copy = track.CopyAsync(partial, output, growing, CancellationToken.None);
            for (var written = (int)head.MoovEnd; written < bytes.Length; written += 50_000)
            {
                await Task.Delay(5);
                Assert.False(copy.IsCompleted, "the copy ended before the download did");
                var n = Math.Min(50_000, bytes.Length - written);
                await file.WriteAsync(bytes.AsMemory(written, n));
                await file.FlushAsync();
                growing.Advance(written + n);
            }
            growing.End();
            Assert.True(await copy);
            Assert.Equal(await FfmpegAdtsAsync(video), await File.ReadAllBytesAsync(output));
        }

        // The same download cut off at two thirds: the copy says so instead of waiting.
        var cut = new GrowingFile();
        await File.WriteAllBytesAsync(partial, bytes[..(bytes.Length * 2 / 3)]);
        cut.Advance(bytes.Length * 2 / 3);
        cut.End();
        var again = Mp4AacTrack.TryRead(partial, head.MoovStart, head.MoovEnd, out _)!;
        Assert.False(await again.CopyAsync(partial, Path.Combine(_dir, "cut.aac"), cut, CancellationToken.None));
        // And as a whole file, it is not taken at all: ffprobe gives the verdict.
        Assert.Null(Mp4AacTrack.TryReadWhole(partial, out var reason));
        Assert.Contains("ends before", reason);
    }

    [Theory]
    [InlineData("mp3 in mp4", "not MPEG-4 AAC")]
    [InlineData("HE-AAC signalled explicitly", "object type 5")]
    [InlineData("a trimming edit list", "trims")]
    [InlineData("an edit list that cuts the end", "trims")]
    public async Task What_it_does_not_know_is_left_to_ffmpeg(string name, string reason)
    {
        var video = Path.Combine(_dir, "other.mp4");
        switch (name)
        {
            case "mp3 in mp4":
                await FfmpegCli.RunAsync($"-f lavfi -i testsrc2=size=160x120:rate=10:duration=3 -f lavfi -i sine=duration=3 -c:v libx264 -preset ultrafast -c:a libmp3lame -b:a 64k -shortest \"{video}\"");
                break;
            case "HE-AAC signalled explicitly":
                // Debian's ffmpeg has no HE-AAC encoder: write an LC track, then say it is HE-AAC (AOT 5) in its config.
                await FfmpegCli.RunAsync($"-f lavfi -i sine=duration=3 -c:a aac -b:a 64k \"{video}\"");
                Assert.True(PatchObjectType(video, 5));
                break;
            case "an edit list that cuts the end":
                // An edit that stops the audio at 2 s of 6: ffmpeg's copy stops there too.
                var whole = Path.Combine(_dir, "whole.mp4");
                await FfmpegCli.RunAsync($"-f lavfi -i sine=duration=6 -c:a aac -b:a 64k \"{whole}\"");
                File.Copy(whole, video, overwrite: true);
                Assert.True(ShortenEdit(video, TimeSpan.FromSeconds(2)));
                break;
            default:
                // Stream copy from the middle of a file: ffmpeg keeps the frames before the cut and skips them
                // with an edit list (media time 2.5 s), which its own copy honours and a plain copy would not.
                var source = Path.Combine(_dir, "source.mp4");
                await FfmpegCli.RunAsync($"-f lavfi -i testsrc2=size=160x120:rate=10:duration=6 -f lavfi -i sine=duration=6 -c:v libx264 -preset ultrafast -c:a aac -b:a 64k -shortest \"{source}\"");
                await FfmpegCli.RunAsync($"-ss 2.5 -i \"{source}\" -c copy \"{video}\"");
                break;
        }

        Assert.Null(Mp4AacTrack.TryReadWhole(video, out var whyNot));
        Assert.Contains(reason, whyNot);
    }

    [Fact]
    public async Task A_high_bitrate_video_with_megabytes_between_audio_chunks_copies_the_same()
    {
        // 12 Mbit/s of video: more than a read window (1 MiB) between two audio chunks, read through.
        var video = Path.Combine(_dir, "hd.mp4");
        await FfmpegCli.RunAsync($"-f lavfi -i testsrc2=size=640x360:rate=25:duration=6 -f lavfi -i sine=duration=6 " +
            "-c:v libx264 -preset ultrafast -b:v 12M -minrate 12M -maxrate 12M -bufsize 6M -x264-params nal-hrd=cbr " +
            $"-c:a aac -b:a 96k -shortest -movflags +faststart \"{video}\"");
        Assert.True(new FileInfo(video).Length > 6_000_000, "the video came out smaller than asked");

        await AssertSameAsFfmpegAsync(video);
    }

    [Fact]
    public async Task A_stream_copy_cut_with_t_keeps_its_last_frame_as_ffmpeg_does()
    {
        // -t leaves an edit list a fraction of a frame shorter than the track: ffmpeg keeps every frame, so do we.
        var source = Path.Combine(_dir, "long.mp4");
        var cut = Path.Combine(_dir, "cut-t.mp4");
        await FfmpegCli.RunAsync($"-f lavfi -i testsrc2=size=160x120:rate=10:duration=6 -f lavfi -i sine=duration=6 -c:v libx264 -preset ultrafast -c:a aac -b:a 64k -shortest \"{source}\"");
        await FfmpegCli.RunAsync($"-i \"{source}\" -t 2.5 -c copy \"{cut}\"");

        await AssertSameAsFfmpegAsync(cut);
    }

    [Fact]
    public void Files_that_are_not_mp4s_are_declined_without_an_exception()
    {
        Assert.Null(Mp4AacTrack.TryReadWhole(media[TestVideoKind.NotAVideo], out _));
        Assert.Null(Mp4AacTrack.TryReadWhole(media[TestVideoKind.Truncated], out _));
        Assert.Null(Mp4AacTrack.TryReadWhole(media[TestVideoKind.NoAudio], out var noAudio));
        Assert.Equal("no audio track", noAudio);
        Assert.Null(Mp4AacTrack.TryReadWhole(media[TestVideoKind.AudioOnlyMp3], out _));

        // Random bytes behind a plausible head, and every prefix of a real moov: declined, never thrown.
        var junk = Path.Combine(_dir, "junk.mp4");
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        "\0\0\0\x18ftypisom\0\0\0\0isommp41"u8.ToArray().CopyTo(random, 0);
        File.WriteAllBytes(junk, random);
        Assert.Null(Mp4AacTrack.TryReadWhole(junk, out _));

        var video = media[TestVideoKind.Normal];
        var head = Mp4Layout.Read(video, new FileInfo(video).Length);
        var moov = File.ReadAllBytes(video)[..(int)head.MoovEnd];
        var corrupt = Path.Combine(_dir, "corrupt.mp4");
        var rng = new Random(11);
        for (var i = 0; i < 300; i++)
        {
            var copy = (byte[])moov.Clone();
            for (var j = 0; j < 4; j++)
            {
                copy[rng.Next((int)head.MoovStart, copy.Length)] = (byte)rng.Next(256);
            }
            File.WriteAllBytes(corrupt, copy);
            _ = Mp4AacTrack.TryRead(corrupt, head.MoovStart, head.MoovEnd, out _); // must not throw
        }
    }

    private async Task<Mp4AacTrack> AssertSameAsFfmpegAsync(string video)
    {
        var track = Mp4AacTrack.TryReadWhole(video, out var whyNot);
        Assert.True(track is not null, whyNot);
        var output = Path.Combine(_dir, "native.aac");
        Assert.True(await track.CopyAsync(video, output, growing: null, CancellationToken.None));
        var expected = await FfmpegAdtsAsync(video);
        var actual = await File.ReadAllBytesAsync(output);
        Assert.Equal(expected.Length, actual.Length);
        Assert.True(expected.AsSpan().SequenceEqual(actual), "the ADTS bytes differ from ffmpeg's");
        var seconds = await Ffprobe.AacSecondsAsync(output);
        Assert.InRange(track.Duration.TotalSeconds, seconds - 0.1, seconds + 0.1);
        return track;
    }

    private async Task<byte[]> FfmpegAdtsAsync(string video)
    {
        var output = Path.Combine(_dir, "ffmpeg.aac");
        await FfmpegCli.RunAsync($"-i \"{video}\" -map 0:a:0 -vn -sn -dn -map_metadata -1 -c:a copy -f adts \"{output}\"");
        return await File.ReadAllBytesAsync(output);
    }

    private static bool ForceCo64(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var widened = WidenChunkOffsets(bytes, 0, bytes.Length, out var changed);
        if (!changed)
        {
            return false;
        }
        File.WriteAllBytes(path, widened);
        return true;
    }

    // Rebuilds the boxes in [start, end): stco becomes co64, the containers on its path are rebuilt around it.
    private static byte[] WidenChunkOffsets(byte[] file, int start, int end, out bool changed)
    {
        changed = false;
        var output = new List<byte>();
        for (var at = start; at + 8 <= end;)
        {
            var size = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            if (type is "moov" or "trak" or "mdia" or "minf" or "stbl")
            {
                var inner = WidenChunkOffsets(file, at + 8, at + size, out var innerChanged);
                changed |= innerChanged;
                output.AddRange(BoxHeader(inner.Length + 8, type));
                output.AddRange(inner);
            }
            else if (type == "stco")
            {
                var count = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 12));
                output.AddRange(BoxHeader(16 + (count * 8), "co64"));
                output.AddRange(file.AsSpan(at + 8, 8).ToArray());
                for (var i = 0; i < count; i++)
                {
                    var entry = new byte[8];
                    System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(entry, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(at + 16 + (i * 4))));
                    output.AddRange(entry);
                }
                changed = true;
            }
            else
            {
                output.AddRange(file.AsSpan(at, size).ToArray());
            }
            at += size;
        }
        return [.. output];
    }

    private static byte[] BoxHeader(int size, string type)
    {
        var header = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header, (uint)size);
        System.Text.Encoding.ASCII.GetBytes(type, header.AsSpan(4));
        return header;
    }

    // Sets the segment duration of the audio track's single edit (movie timescale from mvhd).
    private static bool ShortenEdit(string path, TimeSpan length)
    {
        var bytes = File.ReadAllBytes(path);
        var mvhd = bytes.AsSpan().IndexOf("mvhd"u8);
        var elst = bytes.AsSpan().IndexOf("elst"u8);
        if (mvhd < 0 || elst < 0 || bytes[elst + 4] != 0)
        {
            return false;
        }
        var scale = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(mvhd + 16));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(elst + 12), (uint)(length.TotalSeconds * scale));
        File.WriteAllBytes(path, bytes);
        return true;
    }

    private static bool PatchObjectType(string path, int objectType)
    {
        var bytes = File.ReadAllBytes(path);
        var esds = bytes.AsSpan().IndexOf("esds"u8);
        if (esds < 0)
        {
            return false;
        }
        // DecoderSpecificInfo: tag 5, one length byte (short configs), then the AudioSpecificConfig.
        var at = bytes.AsSpan(esds).IndexOf(new byte[] { 0x05, 0x80, 0x80, 0x80 });
        int asc;
        if (at >= 0)
        {
            asc = esds + at + 5;
        }
        else
        {
            at = bytes.AsSpan(esds + 20).IndexOf((byte)0x05);
            asc = esds + 20 + at + 2;
        }
        bytes[asc] = (byte)((objectType << 3) | (bytes[asc] & 7));
        File.WriteAllBytes(path, bytes);
        return true;
    }
}
