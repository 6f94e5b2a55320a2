using System.Globalization;
using System.Text;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;

namespace Rapport.Tickets.Domain;

/// <summary>Free labels on a ticket. The ticket's tags are facts the caller reads first.</summary>
public sealed partial class Ticket
{
    /// <summary>Tags are for finding and grouping; past a score they stop doing either.</summary>
    public const int MaxTags = 20;

    /// <param name="tag">A tag as <see cref="TagNames.Normalise"/> gave it.</param>
    public Result<IEvent> AddTag(string tag, IReadOnlyCollection<string> tags, DateTimeOffset now)
    {
        if (tags.Contains(tag))
        {
            return new ConflictError("tickets.already-tagged", $"Ticket {Id} has the tag “{tag}” already.");
        }

        if (tags.Count >= MaxTags)
        {
            return Invalid.Field("tag", $"A ticket can have at most {MaxTags} tags. Remove one first.");
        }

        Touch(now);
        return Result.Ok<IEvent>(new TicketTagAdded(Id, tag));
    }

    public Result<IEvent> RemoveTag(string tag, IReadOnlyCollection<string> tags, DateTimeOffset now)
    {
        if (!tags.Contains(tag))
        {
            return new NotFoundError("tickets.tag-not-found", $"Ticket {Id} has no tag “{tag}”.");
        }

        Touch(now);
        return Result.Ok<IEvent>(new TicketTagRemoved(Id, tag));
    }
}

/// <summary>
/// One spelling per tag, so that "VPN", " vpn " and "#vpn" find the same tickets: lower case, spaces
/// as dashes, letters, digits and dashes only.
/// </summary>
public static class TagNames
{
    public const int MaxLength = 40;

    public static Result<string> Normalise(string? written, string field = "tag")
    {
        var text = (written ?? "").Trim().TrimStart('#').Trim();
        if (text.Length == 0)
        {
            return Invalid.Field(field, "Write a tag, such as “vpn” or “new-starter”.");
        }

        var tag = new StringBuilder(text.Length);
        foreach (var c in text.ToLower(CultureInfo.InvariantCulture))
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                // A run of spaces and dashes is one dash: "new  starter" and "new - starter" are "new-starter".
                if (tag.Length > 0 && tag[^1] != '-')
                {
                    tag.Append('-');
                }
            }
            else if (char.IsLetterOrDigit(c))
            {
                tag.Append(c);
            }
            else
            {
                return Invalid.Field(field, $"A tag has letters, digits and dashes only; “{text}” has “{c}”.");
            }
        }

        return tag.Length > MaxLength
            ? Invalid.Field(field, $"A tag can be at most {MaxLength} characters; “{tag}” has {tag.Length}.")
            : tag.ToString();
    }
}
