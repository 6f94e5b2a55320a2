using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Rapport.Tickets.Features;

namespace Rapport.Tickets.Pages;

/// <summary>
/// Carries what a bulk action did across its redirect (Post/Redirect/Get): the per-ticket reasons are too
/// long for a link. A short-lived cookie, protected like the sign-in cookie, so it works on every node.
/// </summary>
public sealed class SelectionOutcomeNote(IDataProtectionProvider protection)
{
    /// <summary>Enough reasons to act on; the cookie must stay well under browsers' 4 KB.</summary>
    public const int MaxReasons = 12;

    private const string Cookie = "rapport.selection";

    private readonly IDataProtector _protector = protection.CreateProtector("Rapport.Tickets.SelectionOutcome");

    public void Keep(HttpContext http, SelectionOutcome outcome)
    {
        var note = new Note(outcome.Action, outcome.Done.Count, [.. outcome.Skipped.Take(MaxReasons)], Math.Max(0, outcome.Skipped.Count - MaxReasons));
        http.Response.Cookies.Append(Cookie, _protector.Protect(JsonSerializer.Serialize(note)), new CookieOptions
        {
            Path = "/desk",
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromMinutes(10),
        });
    }

    public Note? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(Cookie, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Note>(_protector.Unprotect(value));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            return null;
        }
    }

    public sealed record Note(string Action, int Done, IReadOnlyList<SkippedTicket> Skipped, int MoreSkipped)
    {
        public int SkippedCount => Skipped.Count + MoreSkipped;

        /// <summary>"7 assigned, 1 skipped:" — the reasons follow as a list.</summary>
        public string Summary
        {
            get
            {
                var done = $"{Done} {BulkActions.Done(Action)}";
                return SkippedCount == 0 ? done + "." : $"{done}, {SkippedCount} skipped:";
            }
        }
    }
}
