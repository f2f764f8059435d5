using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Bodycam.Sdk.Media;

namespace Bodycam.Sdk.Export;

/// <summary>
/// Writes a recording's streams as they are, for video no player-ready container takes (H.264 in this version,
/// synthetic frames) or when there is no video: the video frames back to back in one file (an H.264 Annex B
/// elementary stream or concatenated JPEGs open in common players), the audio as a WAV file, and for each a CSV table
/// of every frame's device timestamp, offset and length so nothing about timing is lost.
/// </summary>
internal static class RawStreamWriter
{
    public static void Write(string folder, ExportStreamInfo streams, IReadOnlyList<MediaFrame> frames)
    {
        bool hasVideo = false, hasAudio = false;
        foreach (MediaFrame frame in frames)
        {
            hasVideo |= frame.Kind == MediaKind.Video;
            hasAudio |= frame.Kind == MediaKind.Audio;
        }

        if (hasVideo)
        {
            WriteVideo(folder, streams.VideoCodec, frames);
        }

        if (hasAudio && streams.HasAudio)
        {
            WriteAudio(folder, streams.AudioSampleRate, frames);
        }
    }

    public static string VideoFileName(VideoCodec codec)
    {
        return codec switch
        {
            VideoCodec.Mjpeg => "video.mjpeg",
            VideoCodec.H264 => "video.h264",
            _ => "video-synthetic.bin",
        };
    }

    private static void WriteVideo(string folder, VideoCodec codec, IReadOnlyList<MediaFrame> frames)
    {
        var table = new StringBuilder("frame,timestamp_ms,key_frame,offset,length\n");
        using (var output = new FileStream(Path.Combine(folder, VideoFileName(codec)), FileMode.CreateNew, FileAccess.Write))
        {
            int index = 0;
            foreach (MediaFrame frame in frames)
            {
                if (frame.Kind != MediaKind.Video)
                {
                    continue;
                }

                table.Append(CultureInfo.InvariantCulture, $"{index},{frame.TimestampMilliseconds},{(frame.KeyFrame ? 1 : 0)},{output.Position},{frame.Data.Length}\n");
                output.Write(frame.Data.Span);
                index++;
            }

            output.Flush(flushToDisk: true);
        }

        File.WriteAllText(Path.Combine(folder, "video-frames.csv"), table.ToString(), new UTF8Encoding(false));
    }

    private static void WriteAudio(string folder, int sampleRate, IReadOnlyList<MediaFrame> frames)
    {
        var table = new StringBuilder("block,timestamp_ms,first_sample,samples\n");
        const int headerSize = 44;
        using (var output = new FileStream(Path.Combine(folder, "audio.wav"), FileMode.CreateNew, FileAccess.ReadWrite))
        {
            output.Write(new byte[headerSize]);
            int index = 0;
            long samples = 0;
            foreach (MediaFrame frame in frames)
            {
                if (frame.Kind != MediaKind.Audio)
                {
                    continue;
                }

                if (frame.Data.Length % 2 != 0)
                {
                    throw new ExportException(
                        ExportError.InvalidAudioFrame,
                        "The audio frame at " + frame.TimestampMilliseconds + " ms is not whole 16-bit samples.");
                }

                table.Append(CultureInfo.InvariantCulture, $"{index},{frame.TimestampMilliseconds},{samples},{frame.Data.Length / 2}\n");
                output.Write(frame.Data.Span);
                samples += frame.Data.Length / 2;
                index++;
            }

            long dataBytes = output.Length - headerSize;
            if (dataBytes > uint.MaxValue - headerSize)
            {
                throw new ExportException(ExportError.TooLarge, "The audio is too long for a WAV file.");
            }

            output.Position = 0;
            output.Write(WaveHeader(sampleRate, (uint)dataBytes));
            output.Flush(flushToDisk: true);
        }

        File.WriteAllText(Path.Combine(folder, "audio-blocks.csv"), table.ToString(), new UTF8Encoding(false));
    }

    private static byte[] WaveHeader(int sampleRate, uint dataBytes)
    {
        // RIFF WAVE with a PCM 'fmt ' chunk (WAVEFORMAT + wBitsPerSample) and one 'data' chunk.
        const int blockAlign = ExportStreamInfo.AudioChannels * ExportStreamInfo.AudioBitsPerSample / 8;
        byte[] h = new byte[44];
        Span<byte> s = h;
        BinaryPrimitives.WriteUInt32LittleEndian(s, AviHeader.FourCc("RIFF"));
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 36 + dataBytes);
        BinaryPrimitives.WriteUInt32LittleEndian(s[8..], AviHeader.FourCc("WAVE"));
        BinaryPrimitives.WriteUInt32LittleEndian(s[12..], AviHeader.FourCc("fmt "));
        BinaryPrimitives.WriteUInt32LittleEndian(s[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(s[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(s[22..], ExportStreamInfo.AudioChannels);
        BinaryPrimitives.WriteUInt32LittleEndian(s[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(s[28..], (uint)(sampleRate * blockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(s[32..], blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(s[34..], ExportStreamInfo.AudioBitsPerSample);
        BinaryPrimitives.WriteUInt32LittleEndian(s[36..], AviHeader.FourCc("data"));
        BinaryPrimitives.WriteUInt32LittleEndian(s[40..], dataBytes);
        return h;
    }
}
