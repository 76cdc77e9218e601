using CommitteeCloud.Domain.Common;
using CommitteeCloud.Web.Features.Files;

namespace CommitteeCloud.UnitTests.Files;

/// <summary>A browser's stream cannot seek: it is buffered once, never past the limit.</summary>
public sealed class FileUploadsShould
{
    /// <summary>A stream that only reads forward, a few bytes at a time, as a browser's does.</summary>
    private sealed class ForwardOnly(byte[] bytes) : Stream
    {
        private int _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, 1000), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200_000)]
    public async Task Give_back_the_same_bytes_from_the_start_of_a_seekable_buffer(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);

        await using var buffered = await FileUploads.BufferAsync(new ForwardOnly(bytes), 1_000_000, CancellationToken.None);

        Assert.True(buffered.CanSeek);
        Assert.Equal(0, buffered.Position);
        Assert.Equal(size, buffered.Length);
        using var copy = new MemoryStream();
        await buffered.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task Refuse_a_stream_longer_than_the_limit_with_the_message_for_the_person()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            FileUploads.BufferAsync(new ForwardOnly(new byte[100_001]), 100_000, CancellationToken.None));

        Assert.Equal(FileTypes.Field, refused.Field);
        Assert.StartsWith("Tệp vượt quá dung lượng cho phép", refused.Message);
    }
}
