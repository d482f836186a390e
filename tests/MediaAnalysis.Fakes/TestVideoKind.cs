namespace MediaAnalysis.Fakes;

public enum TestVideoKind
{
    // H.264 + AAC, moov at the start (+faststart), audio well under a quarter of the bytes.
    Normal,

    // As Normal, with ffmpeg's default layout: moov after mdat, so a reader must seek.
    MoovAtEnd,

    NoAudio,

    // A MoovAtEnd file cut to half its size: mdat is partial and moov is gone.
    Truncated,

    // Text in a file named .mp4.
    NotAVideo,

    // Video plus an AAC track of digital silence.
    Silent,

    // An .mp3 of a sine tone.
    AudioOnlyMp3,

    // H.264 + MP3 in a faststart MP4: an audio track the app does not copy itself, so ffmpeg extracts it.
    Mp3InMp4,
}
