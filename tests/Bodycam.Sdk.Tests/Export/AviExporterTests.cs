using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bodycam.Sdk.Export;
using Bodycam.Sdk.Media;
using Xunit;

namespace Bodycam.Sdk.Tests.Export;

public class AviExporterTests
{
    private static readonly ExportStreamInfo s_withAudio = new(VideoCodec.Mjpeg, 32, 16, 25, 16000);
    private static readonly ExportStreamInfo s_videoOnly = new(VideoCodec.Mjpeg, 32, 16, 25, 0);

    [Fact]
    public void Export_RegularFrames_WritesValidRiffWithEveryFrameAndIndex()
    {
        List<MediaFrame> video = Video(Enumerable.Range(0, 10).Select(i => 1000L + (i * 40)));
        List<MediaFrame> audio = Audio(1000, 20, 20, 16000);
        var frames = Interleave(video, audio);

        (AviFile avi, AviExportResult result, byte[] bytes) = Export(s_withAudio, frames);

        Assert.Equal(bytes.Length, result.FileBytes);
        Assert.Equal(2u, avi.StreamCount);
        Assert.Equal(40_000u, avi.MicroSecondsPerFrame);
        Assert.Equal(0x110u, avi.MainFlags);
        Assert.Equal(10u, avi.TotalFrames);
        Assert.Equal((32u, 16u), (avi.Width, avi.Height));

        AviFile.StreamHeader v = avi.Streams[0];
        Assert.Equal(("vids", "MJPG", 1u, 25u, 10u, 0u), (v.Type, v.Handler, v.Scale, v.Rate, v.Length, v.SampleSize));
        Assert.Equal(40, v.Format.Length);
        Assert.Equal(32, BitConverter.ToInt32(v.Format, 4));
        Assert.Equal(16, BitConverter.ToInt32(v.Format, 8));
        Assert.Equal("MJPG", System.Text.Encoding.ASCII.GetString(v.Format, 16, 4));
        Assert.Equal(video.Max(f => (uint)f.Data.Length), v.SuggestedBufferSize);

        AviFile.StreamHeader a = avi.Streams[1];
        Assert.Equal(("auds", 1u, 16000u, 2u), (a.Type, a.Scale, a.Rate, a.SampleSize));
        Assert.Equal(20u * 320, a.Length);
        Assert.Equal(new byte[] { 1, 0, 1, 0, 0x80, 0x3E, 0, 0, 0, 0x7D, 0, 0, 2, 0, 16, 0, 0, 0 }, a.Format);

        Assert.Equal(video.Select(f => f.Data.ToArray()), avi.MoviChunks.Where(c => c.Id == "00dc").Select(c => c.Data));
        Assert.Equal(
            audio.SelectMany(f => f.Data.ToArray()),
            avi.MoviChunks.Where(c => c.Id == "01wb").SelectMany(c => c.Data));
        Assert.Equal(0, result.VideoFramesRepeated);
        Assert.Equal(0, result.SilenceSamplesInserted);
        Assert.Equal(400, result.DurationMilliseconds);
        Assert.Equal(1, avi.Parts);
        Assert.Equal(10u, avi.OdmlTotalFrames);
        AssertIndexMatchesChunks(avi);
        AssertOpenDmlIndexesConsistent(avi);
    }

    [Fact]
    public void Export_InputNotInterleaved_WritesChunksInTimeOrder()
    {
        List<MediaFrame> video = Video(Enumerable.Range(0, 10).Select(i => i * 40L));
        List<MediaFrame> audio = Audio(0, 40, 10, 16000);

        (AviFile avi, _, _) = Export(s_withAudio, video.Concat(audio));

        // Video and audio alternate because each 40 ms picture lines up with one 40 ms block of sound.
        string order = string.Concat(avi.MoviChunks.Select(c => c.Id == "00dc" ? "v" : "a"));
        Assert.Equal(string.Concat(Enumerable.Repeat("va", 10)), order);
    }

    [Fact]
    public void Export_DroppedFrames_HoldsThePreviousPicture()
    {
        List<MediaFrame> video = Video(new long[] { 0, 40, 160, 200 });

        (AviFile avi, AviExportResult result, _) = Export(s_videoOnly, video);

        byte[][] chunks = avi.MoviChunks.Select(c => c.Data).ToArray();
        byte[][] expected = new[] { 0, 1, 1, 1, 2, 3 }.Select(i => video[i].Data.ToArray()).ToArray();
        Assert.Equal(expected, chunks);
        Assert.Equal(4, result.VideoFrames);
        Assert.Equal(2, result.VideoFramesRepeated);
        Assert.Equal(6u, avi.Streams[0].Length);
        Assert.Equal(240, result.DurationMilliseconds);
        AssertIndexMatchesChunks(avi);
    }

    [Fact]
    public void Export_FramesFasterThanTheRate_KeepsEveryFrame()
    {
        List<MediaFrame> video = Video(new long[] { 0, 10, 20, 120 });

        (AviFile avi, AviExportResult result, _) = Export(s_videoOnly, video);

        Assert.Equal(video.Select(f => f.Data.ToArray()), avi.MoviChunks.Select(c => c.Data));
        Assert.Equal(60, result.MaxVideoOffsetMilliseconds);
        Assert.Equal(0, result.VideoFramesRepeated);
    }

    [Fact]
    public void Export_AudioGap_FillsWithSilence()
    {
        List<MediaFrame> video = Video(new long[] { 0 });
        List<MediaFrame> audio = Audio(0, 20, 5, 16000);
        audio.AddRange(Audio(500, 20, 5, 16000));

        (AviFile avi, AviExportResult result, _) = Export(s_withAudio, video.Concat(audio));

        // 5 blocks end at 100 ms; the next block is at 500 ms: 400 ms of silence = 6400 samples.
        Assert.Equal(6400, result.SilenceSamplesInserted);
        Assert.Equal(3200, result.AudioSamples);
        byte[] pcm = avi.MoviChunks.Where(c => c.Id == "01wb").SelectMany(c => c.Data).ToArray();
        Assert.Equal((3200 + 6400) * 2, pcm.Length);
        Assert.All(pcm.Skip(1600 * 2).Take(6400 * 2), b => Assert.Equal(0, b));
        Assert.Equal(audio.Skip(5).SelectMany(f => f.Data.ToArray()), pcm.Skip((1600 + 6400) * 2));
        Assert.Equal((uint)(3200 + 6400), avi.Streams[1].Length);
    }

    [Fact]
    public void Export_AudioStartsBeforeVideo_ShowsTheFirstPictureFromTheStart()
    {
        List<MediaFrame> video = Video(new long[] { 80, 120 });
        List<MediaFrame> audio = Audio(0, 20, 10, 16000);

        (AviFile avi, AviExportResult result, _) = Export(s_withAudio, audio.Concat(video));

        byte[][] pictures = avi.MoviChunks.Where(c => c.Id == "00dc").Select(c => c.Data).ToArray();
        Assert.Equal(4, pictures.Length);
        Assert.Equal(video[0].Data.ToArray(), pictures[0]);
        Assert.Equal(video[0].Data.ToArray(), pictures[2]);
        Assert.Equal(video[1].Data.ToArray(), pictures[3]);
        Assert.Equal(2, result.VideoFramesRepeated);
        Assert.Equal(0, result.SilenceSamplesInserted);
    }

    [Fact]
    public void Export_OddSizedPicture_PadsTheChunkAndIndexesTheTrueLength()
    {
        byte[] picture = TestJpeg.Create(8, 8, 1).Concat(new byte[] { 0 }).ToArray();
        if (picture.Length % 2 == 0)
        {
            picture = picture.Concat(new byte[] { 0 }).ToArray();
        }

        (AviFile avi, _, _) = Export(s_videoOnly, new[] { new MediaFrame(MediaKind.Video, 0, true, picture) });

        Assert.Equal(picture, avi.MoviChunks[0].Data);
        Assert.Equal((uint)picture.Length, avi.Index[0].Length);
    }

    [Fact]
    public void Export_VideoOnly_WritesOneStream()
    {
        (AviFile avi, _, _) = Export(s_videoOnly, Video(new long[] { 0, 40 }));

        Assert.Equal(1u, avi.StreamCount);
        Assert.Single(avi.Streams);
        Assert.All(avi.MoviChunks, c => Assert.Equal("00dc", c.Id));
        AssertOpenDmlIndexesConsistent(avi);
    }

    [Fact]
    public void Export_AudioStreamWithoutAudioFrames_StillWritesEveryPicture()
    {
        // More pictures than the exporter holds back while waiting for audio to interleave with.
        List<MediaFrame> video = Video(Enumerable.Range(0, 5000).Select(i => i * 40L));

        (AviFile avi, AviExportResult result, _) = Export(s_withAudio, video);

        Assert.Equal(5000, result.VideoFrames);
        Assert.Equal(5000, avi.MoviChunks.Count);
        Assert.Equal(0u, avi.Streams[1].Length);
        Assert.Equal(0, result.AudioSamples);
    }

    [Theory]
    [InlineData(VideoCodec.H264)]
    [InlineData(VideoCodec.Synthetic)]
    public void Export_NotMotionJpeg_ThrowsUnsupportedVideoCodec(VideoCodec codec)
    {
        var streams = s_videoOnly with { VideoCodec = codec };

        ExportException e = Assert.Throws<ExportException>(() => Export(streams, Video(new long[] { 0 })));

        Assert.Equal(ExportError.UnsupportedVideoCodec, e.Reason);
        Assert.Contains(codec.ToString(), e.Message);
    }

    [Theory]
    [InlineData(0, 16, 25, 0)]
    [InlineData(32, 16, 0, 0)]
    [InlineData(32, 16, 25, 500)]
    public void Export_BadStreamInfo_ThrowsInvalidStreamInfo(int width, int height, int fps, int rate)
    {
        var streams = new ExportStreamInfo(VideoCodec.Mjpeg, width, height, fps, rate);

        ExportException e = Assert.Throws<ExportException>(() => Export(streams, Video(new long[] { 0 })));

        Assert.Equal(ExportError.InvalidStreamInfo, e.Reason);
    }

    [Fact]
    public void Export_FrameThatIsNotJpeg_ThrowsInvalidVideoFrame()
    {
        var frame = new MediaFrame(MediaKind.Video, 0, true, new byte[] { 0, 0, 0, 1, 0x65 });

        ExportException e = Assert.Throws<ExportException>(() => Export(s_videoOnly, new[] { frame }));

        Assert.Equal(ExportError.InvalidVideoFrame, e.Reason);
    }

    [Fact]
    public void Export_OddAudioLength_ThrowsInvalidAudioFrame()
    {
        var frames = Video(new long[] { 0 }).Append(new MediaFrame(MediaKind.Audio, 0, true, new byte[3]));

        ExportException e = Assert.Throws<ExportException>(() => Export(s_withAudio, frames));

        Assert.Equal(ExportError.InvalidAudioFrame, e.Reason);
    }

    [Fact]
    public void Export_AudioWithoutAudioStream_ThrowsInvalidAudioFrame()
    {
        var frames = Video(new long[] { 0 }).Append(new MediaFrame(MediaKind.Audio, 0, true, new byte[4]));

        ExportException e = Assert.Throws<ExportException>(() => Export(s_videoOnly, frames));

        Assert.Equal(ExportError.InvalidAudioFrame, e.Reason);
    }

    [Fact]
    public void Export_TimestampsGoingBack_ThrowsTimestampsOutOfOrder()
    {
        ExportException e = Assert.Throws<ExportException>(() => Export(s_videoOnly, Video(new long[] { 40, 0 })));

        Assert.Equal(ExportError.TimestampsOutOfOrder, e.Reason);
    }

    [Fact]
    public void Export_NoVideo_ThrowsNoVideo()
    {
        ExportException e = Assert.Throws<ExportException>(() => Export(s_withAudio, Audio(0, 20, 3, 16000)));

        Assert.Equal(ExportError.NoVideo, e.Reason);
    }

    [Fact]
    public void Export_PastTheSizeLimit_ThrowsTooLarge()
    {
        var exporter = new AviExporter(8192);
        List<MediaFrame> video = Video(Enumerable.Range(0, 100).Select(i => i * 40L));

        ExportException e = Assert.Throws<ExportException>(
            () => exporter.Export(new MemoryStream(), s_videoOnly, video));

        Assert.Equal(ExportError.TooLarge, e.Reason);
    }

    [Fact]
    public void Export_JustUnderTheLimit_Succeeds()
    {
        List<MediaFrame> video = Video(Enumerable.Range(0, 60).Select(i => i * 40L));
        (_, AviExportResult full, _) = Export(s_videoOnly, video);

        AviExportResult again = new AviExporter(full.FileBytes).Export(new MemoryStream(), s_videoOnly, video);

        Assert.Equal(full.FileBytes, again.FileBytes);
        Assert.Throws<ExportException>(() => new AviExporter(full.FileBytes - 1).Export(new MemoryStream(), s_videoOnly, video));
    }

    [Theory]
    [InlineData(100L)]
    [InlineData((256L << 30) + 1)]
    public void Constructor_LimitOutOfRange_Throws(long limit)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AviExporter(limit));
    }

    [Theory]
    [InlineData(65535L)]
    [InlineData((1L << 30) + 1)]
    public void Constructor_RiffPartOutOfRange_Throws(long part)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AviExporter(1L << 30, part));
    }

    [Fact]
    public void Export_PastOneRiffPart_WritesOpenDmlPartsWithConsistentIndexes()
    {
        const int part = 65536;
        List<MediaFrame> video = Video(Enumerable.Range(0, 200).Select(i => i * 40L));
        List<MediaFrame> audio = Audio(0, 40, 200, 16000);
        var output = new MemoryStream();

        AviExportResult result = new AviExporter(1L << 30, part).Export(output, s_withAudio, Interleave(video, audio));

        byte[] bytes = output.ToArray();
        AviFile avi = AviFile.Parse(bytes);
        Assert.True(avi.Parts >= 4, "parts: " + avi.Parts);
        Assert.Equal(bytes.Length, result.FileBytes);

        // Every picture and every sample survives, in order, across the parts.
        Assert.Equal(video.Select(f => f.Data.ToArray()), avi.MoviChunks.Where(c => c.Id == "00dc").Select(c => c.Data));
        Assert.Equal(audio.SelectMany(f => f.Data.ToArray()), avi.MoviChunks.Where(c => c.Id == "01wb").SelectMany(c => c.Data));

        // Each RIFF part stays within its size; idx1 covers the first part only.
        int firstPartEnd = (int)avi.RiffSize + 8;
        Assert.True(firstPartEnd <= part);
        List<AviFile.Chunk> firstPart = avi.MoviChunks.Where(c => c.Offset < firstPartEnd).ToList();
        Assert.Equal(firstPart.Count, avi.Index.Count);
        Assert.Equal((uint)firstPart.Count(c => c.Id == "00dc"), avi.TotalFrames);
        Assert.Equal(200u, avi.OdmlTotalFrames);
        Assert.Equal(200u, avi.Streams[0].Length);

        AssertOpenDmlIndexesConsistent(avi);
    }

    [Fact]
    public void Export_ChunkLargerThanARiffPart_ThrowsTooLarge()
    {
        byte[] big = TestJpeg.Create(8, 8, 1).Concat(new byte[70_000]).ToArray();

        ExportException e = Assert.Throws<ExportException>(
            () => new AviExporter(1L << 30, 65536).Export(new MemoryStream(), s_videoOnly, new[] { new MediaFrame(MediaKind.Video, 0, true, big) }));

        Assert.Equal(ExportError.TooLarge, e.Reason);
    }

    [Fact]
    public void ExportToFile_Failure_LeavesNoFile()
    {
        string path = Path.Combine(Path.GetTempPath(), "bodycam-avi-" + Guid.NewGuid().ToString("N") + ".avi");

        Assert.Throws<ExportException>(
            () => new AviExporter(8192).ExportToFile(path, s_videoOnly, Video(Enumerable.Range(0, 100).Select(i => i * 40L))));

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ExportToFile_ExistingFile_RefusesToOverwrite()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, new byte[] { 42 });

            Assert.Throws<IOException>(() => new AviExporter().ExportToFile(path, s_videoOnly, Video(new long[] { 0 })));

            Assert.Equal(new byte[] { 42 }, File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Export_AtStreamOffset_WritesFromThere()
    {
        var output = new MemoryStream();
        output.Write(new byte[] { 9, 9, 9 });

        AviExportResult result = new AviExporter(1L << 30, 65536).Export(output, s_withAudio, Interleave(Video(Enumerable.Range(0, 50).Select(i => i * 40L)), Audio(0, 40, 50, 16000)));

        byte[] bytes = output.ToArray();
        Assert.Equal(3 + result.FileBytes, bytes.Length);
        AviFile avi = AviFile.Parse(bytes.Skip(3).ToArray());
        Assert.True(avi.Parts >= 2);
        Assert.Equal(100, avi.MoviChunks.Count);
        AssertOpenDmlIndexesConsistent(avi);
    }

    internal static List<MediaFrame> Video(IEnumerable<long> timestamps)
    {
        return timestamps.Select((t, i) => new MediaFrame(MediaKind.Video, t, true, TestJpeg.Create(32, 16, i))).ToList();
    }

    internal static List<MediaFrame> Audio(long start, int blockMilliseconds, int blocks, int rate)
    {
        var frames = new List<MediaFrame>();
        int samples = rate * blockMilliseconds / 1000;
        for (int b = 0; b < blocks; b++)
        {
            byte[] pcm = new byte[samples * 2];
            for (int i = 0; i < pcm.Length; i++)
            {
                pcm[i] = (byte)(1 + ((b * 31) + i) % 200);
            }

            frames.Add(new MediaFrame(MediaKind.Audio, start + (b * blockMilliseconds), true, pcm));
        }

        return frames;
    }

    private static List<MediaFrame> Interleave(List<MediaFrame> video, List<MediaFrame> audio)
    {
        return video.Concat(audio).OrderBy(f => f.TimestampMilliseconds).ToList();
    }

    private static (AviFile Avi, AviExportResult Result, byte[] Bytes) Export(ExportStreamInfo streams, IEnumerable<MediaFrame> frames)
    {
        var output = new MemoryStream();
        AviExportResult result = new AviExporter().Export(output, streams, frames);
        byte[] bytes = output.ToArray();
        return (AviFile.Parse(bytes), result, bytes);
    }

    /// <summary>Super index -> ix## -> chunk data, for every stream, in file coordinates.</summary>
    private static void AssertOpenDmlIndexesConsistent(AviFile avi)
    {
        Dictionary<long, AviFile.Chunk> byDataOffset = avi.MoviChunks.ToDictionary(c => (long)c.Offset + 8);
        foreach ((AviFile.StreamHeader stream, string id) in avi.Streams.Select((st, i) => (st, i == 0 ? "00dc" : "01wb")))
        {
            Assert.Equal(id, stream.SuperIndexChunkId);
            List<AviFile.StandardIndex> indexes = avi.StandardIndexes.Where(x => x.ChunkId == id).ToList();
            Assert.Equal(indexes.Count, stream.SuperIndex.Count);
            int covered = 0;
            for (int i = 0; i < indexes.Count; i++)
            {
                Assert.Equal(indexes[i].Offset, stream.SuperIndex[i].Offset);
                Assert.Equal(8u + (uint)(24 + (8 * indexes[i].Entries.Count)), stream.SuperIndex[i].Size);
                foreach (AviFile.SuperIndexEntry entry in indexes[i].Entries)
                {
                    AviFile.Chunk chunk = byDataOffset[indexes[i].BaseOffset + entry.Offset];
                    Assert.Equal(id, chunk.Id);
                    Assert.Equal((uint)chunk.Data.Length, entry.Size);
                }

                covered += indexes[i].Entries.Count;
            }

            Assert.Equal(avi.MoviChunks.Count(c => c.Id == id), covered);
            Assert.Equal(stream.Length, (uint)stream.SuperIndex.Sum(e => e.Duration));
        }
    }

    private static void AssertIndexMatchesChunks(AviFile avi)
    {
        Assert.Equal(avi.MoviChunks.Count, avi.Index.Count);
        for (int i = 0; i < avi.Index.Count; i++)
        {
            AviFile.IndexEntry entry = avi.Index[i];
            AviFile.Chunk chunk = avi.MoviChunks[i];
            Assert.Equal(chunk.Id, entry.Id);
            Assert.Equal(0x10u, entry.Flags);
            Assert.Equal((uint)(chunk.Offset - avi.MoviFourCcOffset), entry.Offset);
            Assert.Equal((uint)chunk.Data.Length, entry.Length);
        }
    }
}
