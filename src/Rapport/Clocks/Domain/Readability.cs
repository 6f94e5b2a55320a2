using System.Text.RegularExpressions;

namespace Rapport.Clocks.Domain;

/// <summary>One sentence of a text with its own reading ease, so an editor sees which ones make the text hard.</summary>
public sealed record SentenceEase(string Text, int Words, int Syllables, double Score);

/// <summary>How easy a text is to read: the Flesch reading ease of the whole, and of each sentence.</summary>
/// <param name="Score">206.835 − 1.015 × words per sentence − 84.6 × syllables per word; higher is easier, 60–70 is plain English.</param>
public sealed record ReadingEase(double Score, int Words, int Sentences, int Syllables, IReadOnlyList<SentenceEase> Parts)
{
    public static readonly ReadingEase Empty = new(0, 0, 0, 0, []);

    public bool IsEmpty => Words == 0;

    /// <summary>The usual reading of a Flesch score, in words.</summary>
    public string Band => Score switch
    {
        >= 90 => "very easy",
        >= 80 => "easy",
        >= 70 => "fairly easy",
        >= 60 => "plain English",
        >= 50 => "fairly difficult",
        >= 30 => "difficult",
        _ => "very difficult",
    };

    /// <summary>The sentences that pull the score under <paramref name="threshold"/>, hardest first.</summary>
    public IReadOnlyList<SentenceEase> HardSentences(double threshold) =>
        [.. Parts.Where(p => p.Score < threshold).OrderBy(p => p.Score)];
}

/// <summary>
/// Scores English text with the Flesch reading-ease formula. Syllables are counted by the usual
/// rule of thumb (groups of vowels, less a silent final e or -ed), which is close enough for a
/// sentence's score and needs no dictionary.
/// </summary>
public static partial class Readability
{
    public static ReadingEase Score(string? text)
    {
        var parts = new List<SentenceEase>();
        foreach (var sentence in Sentences(text ?? ""))
        {
            var words = Words(sentence);
            if (words.Count == 0)
            {
                continue;
            }

            var syllables = words.Sum(Syllables);
            parts.Add(new SentenceEase(sentence, words.Count, syllables, Flesch(words.Count, 1, syllables)));
        }

        if (parts.Count == 0)
        {
            return ReadingEase.Empty;
        }

        var totalWords = parts.Sum(p => p.Words);
        var totalSyllables = parts.Sum(p => p.Syllables);
        return new ReadingEase(Flesch(totalWords, parts.Count, totalSyllables), totalWords, parts.Count, totalSyllables, parts);
    }

    public static double Flesch(int words, int sentences, int syllables) =>
        Math.Round(206.835 - (1.015 * words / sentences) - (84.6 * syllables / words), 1);

    /// <summary>Sentences end at . ! ? followed by a space or the end, and at line breaks (a list's items are sentences too).</summary>
    public static IReadOnlyList<string> Sentences(string text) =>
        [.. SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0)];

    public static IReadOnlyList<string> Words(string sentence) =>
        [.. Word().Matches(sentence).Select(m => m.Value)];

    /// <summary>Syllables of one English word; a number counts as one.</summary>
    public static int Syllables(string word)
    {
        var letters = new string([.. word.ToLowerInvariant().Where(char.IsAsciiLetterLower)]);
        if (letters.Length == 0)
        {
            return 1;
        }

        if (letters.Length <= 3)
        {
            return 1;
        }

        letters = SilentEnding().Replace(letters, "");
        letters = letters.StartsWith('y') ? letters[1..] : letters;
        return Math.Max(1, VowelGroup().Count(letters));
    }

    [GeneratedRegex(@"(?<=[.!?…])[""'”’)\]]*\s+|\r?\n+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’][\p{L}]+)*")]
    private static partial Regex Word();

    [GeneratedRegex("(?:[^laeiouy]es|ed|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex("[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();
}
