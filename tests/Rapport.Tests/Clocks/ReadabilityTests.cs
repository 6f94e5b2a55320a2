using Rapport.Clocks.Domain;

namespace Rapport.Tests.Clocks;

/// <summary>The Flesch reading ease of a promise, and the sentences that make it hard.</summary>
public sealed class ReadabilityTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("the", 1)]
    [InlineData("table", 2)]
    [InlineData("promise", 2)]
    [InlineData("answered", 2)]
    [InlineData("working", 2)]
    [InlineData("hours", 1)]
    [InlineData("happiness", 3)]
    [InlineData("readability", 5)]
    [InlineData("organisational", 6)]
    [InlineData("24", 1)]
    public void Syllables_FollowTheRuleOfThumb(string word, int syllables) =>
        Assert.Equal(syllables, Readability.Syllables(word));

    [Fact]
    public void ShortWordsInAShortSentence_ScoreVeryEasy()
    {
        // 6 words, 1 sentence, 6 syllables: 206.835 − 1.015 × 6 − 84.6 × 1.
        var ease = Readability.Score("The cat sat on the mat.");

        Assert.Equal(116.1, ease.Score);
        Assert.Equal((6, 1, 6), (ease.Words, ease.Sentences, ease.Syllables));
        Assert.Equal("very easy", ease.Band);
    }

    [Fact]
    public void APlainPromise_ScoresAsTheFormulaSays()
    {
        // 12 words in 2 sentences with 15 syllables: 206.835 − 1.015 × 6 − 84.6 × 1.25 ≈ 95.
        var ease = Readability.Score("We answer within an hour. We fix most problems the same day.");

        Assert.Equal(2, ease.Sentences);
        Assert.Equal(12, ease.Words);
        Assert.Equal(15, ease.Syllables);
        Assert.InRange(ease.Score, 94.9, 95.0);
        Assert.Empty(ease.HardSentences(60));
    }

    [Fact]
    public void ALongSentenceOfLongWords_IsTheOneMarkedHard()
    {
        const string hard = "Notwithstanding organisational considerations, prioritisation of incidents is determined contractually by the applicable operational level agreement.";
        var ease = Readability.Score($"We answer within an hour. {hard} Call us if it is urgent!");

        Assert.True(ease.Score < 60, $"Scored {ease.Score}.");
        var marked = Assert.Single(ease.HardSentences(60));
        Assert.Equal(hard, marked.Text);
        Assert.True(marked.Score < 0, $"The hard sentence scored {marked.Score}.");
        Assert.Equal(3, ease.Sentences);
    }

    [Fact]
    public void LineBreaks_AndQuestionMarks_EndSentences()
    {
        var sentences = Readability.Sentences("Is it broken? Tell us\n- what you did\n- what you saw");

        Assert.Equal(["Is it broken?", "Tell us", "- what you did", "- what you saw"], sentences);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("— … !")]
    public void NoWords_GiveNoScore(string? text) => Assert.True(Readability.Score(text).IsEmpty);
}
