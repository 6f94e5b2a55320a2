namespace Rapport.Webhooks.Domain;

/// <summary>
/// What happens after a failed attempt: wait 30 s, 1 min, 2 min, 4 min… (doubling, at most 6 h), and
/// give up once <c>maxAttempts</c> attempts have failed.
/// </summary>
public static class WebhookRetry
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(6);

    /// <param name="attempts">Attempts made so far, counting the one that just failed.</param>
    /// <param name="maxAttempts">How many attempts in all before giving up.</param>
    /// <param name="now">When the attempt failed.</param>
    public static (string Status, DateTimeOffset NextAttemptAt) AfterFailure(int attempts, int maxAttempts, DateTimeOffset now) =>
        attempts >= maxAttempts
            ? (WebhookDeliveryStatus.GaveUp, now)
            : (WebhookDeliveryStatus.Failed, now + Wait(attempts));

    public static TimeSpan Wait(int attempts)
    {
        var seconds = FirstWait.TotalSeconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, LongestWait.TotalSeconds));
    }
}
