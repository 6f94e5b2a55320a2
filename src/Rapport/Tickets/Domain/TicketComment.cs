namespace Rapport.Tickets.Domain;

/// <summary>One entry of a ticket's conversation: a public reply or an internal note.</summary>
public sealed class TicketComment
{
    public Guid Id { get; init; }

    public long TicketId { get; init; }

    public Guid AuthorId { get; init; }

    public required string AuthorName { get; init; }

    public bool ByAgent { get; init; }

    /// <summary>Never shown to requesters, never sent by e-mail.</summary>
    public bool IsInternal { get; init; }

    /// <summary>The Markdown as written.</summary>
    public required string Body { get; init; }

    /// <summary>The Markdown rendered and sanitised when it was written.</summary>
    public required string BodyHtml { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
