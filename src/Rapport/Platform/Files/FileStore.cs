using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Rapport.Platform.Files;

/// <summary>A file kept in the store: its address (SHA-256, lower-case hex) and its size in bytes.</summary>
public sealed record StoredFile(string Sha256, long Size);

/// <summary>
/// Content-addressed files in the data folder (<c>files/ab/cd/abcd…</c>): a file is named by the
/// SHA-256 of its bytes, so the same file sent twice is kept once and a stored file never changes.
/// A file is written under a temporary name and flushed before it is moved into place, so a crash
/// leaves either no file or a whole one, never a torn one. Several nodes share it when the data
/// folder is shared.
/// </summary>
public sealed class FileStore(IOptions<RapportOptions> options)
{
    private string Root => Path.Combine(options.Value.DataDirectory, "files");

    /// <summary>Stores <paramref name="content"/>; null when it is longer than <paramref name="maxBytes"/> (nothing is kept then).</summary>
    public async Task<StoredFile?> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var incoming = Path.Combine(Root, "incoming");
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        try
        {
            string sha;
            long size = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81_920, useAsync: true))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81_920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        return null;
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
                sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var target = PathOf(sha);
            if (!File.Exists(target))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                try
                {
                    File.Move(temporary, target);
                }
                catch (IOException) when (File.Exists(target))
                {
                    // Someone stored the same bytes at the same moment: theirs is ours.
                }
            }

            return new StoredFile(sha, size);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The stored file's bytes, or null when there is no such file.</summary>
    public Stream? OpenRead(string sha256)
    {
        if (!IsAddress(sha256))
        {
            return null;
        }

        var path = PathOf(sha256);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true) : null;
    }

    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256[2..4], sha256);

    private static bool IsAddress(string value) => value.Length == 64 && value.All(char.IsAsciiHexDigitLower);
}
