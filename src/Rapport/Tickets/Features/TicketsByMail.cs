using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>Tickets opened and answered by e-mail, through the same use cases as the portal and the desk.</summary>
public sealed class TicketsByMail(
    RapportDb db,
    OpenTicketHandler open,
    WorkOnTicket work,
    WatchTicket watchers,
    IOrganisationDirectory organisation,
    IOptions<TicketsOptions> options) : ITicketsByMail
{
    public const string Channel = "email";

    public async Task<TicketForMail?> FindTicketAsync(long ticketId, CancellationToken ct) =>
        await db.Set<Ticket>().AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new TicketForMail(t.Id, t.Subject, t.State, t.RequesterId, t.DepartmentId))
            .SingleOrDefaultAsync(ct);

    public async Task<CommentForMail?> FindCommentAsync(Guid commentId, CancellationToken ct) =>
        await db.Set<TicketComment>().AsNoTracking().Where(c => c.Id == commentId)
            .Select(c => new CommentForMail(c.Id, c.TicketId, c.AuthorName, c.ByAgent, c.IsInternal, c.Body, c.BodyHtml))
            .SingleOrDefaultAsync(ct);

    public async Task<MailOutcome> OpenAsync(MailRequest request, CancellationToken ct)
    {
        var person = await organisation.FindPersonAsync(request.RequesterId, ct)
            ?? throw new InvalidOperationException($"Person {request.RequesterId} does not exist.");
        var (files, note) = Fitting(request.Files);
        var command = new OpenTicket(
            request.ServiceId, Shorten(request.Subject, OpenTicketHandler.MaxSubject), Shorten(request.Body + note, OpenTicketHandler.MaxDescription),
            null, null, null, null, Channel, person.Email, files);
        var opened = await open.HandleAsync(command, Raiser, ct);
        if (!opened.Succeeded)
        {
            throw new InvalidOperationException(Describe(opened.Error));
        }

        return new MailOutcome(opened.Value.Id, null, Opened: true);
    }

    public async Task<MailOutcome> ReplyAsync(MailReply reply, Guid serviceIdForFollowUp, string subject, CancellationToken ct)
    {
        var person = await organisation.FindPersonAsync(reply.AuthorId, ct)
            ?? throw new InvalidOperationException($"Person {reply.AuthorId} does not exist.");
        var viewer = new TicketViewer(person.Id, person.DisplayName, IsAdmin: false, IsStaff: person.Memberships.Count > 0,
            person.DepartmentIds, [.. person.Memberships.Select(m => m.Team.Id)], person.BusinessUnit?.Id);
        var (files, note) = Fitting(reply.Files);
        var body = Shorten(reply.Body + note, WorkOnTicket.MaxBody);
        var message = new ReplyToTicket(reply.TicketId, body.Length == 0 && files.Count == 0 ? "(empty message)" : body, Internal: false, Files: files);
        var replied = await work.ReplyAsync(message, viewer, ct);
        if (replied.Error is NotFoundError && await FindTicketAsync(reply.TicketId, ct) is not null)
        {
            // Someone in copy answered the conversation: they join it as a watcher, and their message lands on it.
            db.ChangeTracker.Clear();
            if ((await watchers.AddAsync(new AddWatcher(reply.TicketId, person.Id, null), Raiser, ct)).Succeeded)
            {
                replied = await work.ReplyAsync(message, viewer, ct);
            }
        }

        if (replied.Succeeded)
        {
            var comment = await db.Set<TicketComment>().Where(c => c.TicketId == reply.TicketId && c.AuthorId == person.Id)
                .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Select(c => c.Id).FirstAsync(ct);
            return new MailOutcome(reply.TicketId, comment, Opened: false);
        }

        // A closed ticket: the message still needs an answer.
        db.ChangeTracker.Clear();
        var followUp = string.Create(CultureInfo.InvariantCulture, $"Follow-up to #{reply.TicketId}.\n\n{reply.Body}");
        return await OpenAsync(new MailRequest(serviceIdForFollowUp, person.Id, subject, followUp, reply.Files), ct);
    }

    /// <summary>Mail is raised on the writer's behalf, as an agent would on the phone.</summary>
    private static readonly TicketViewer Raiser = new(null, "Rapport", IsAdmin: true, IsStaff: true, [], []);

    /// <summary>Files a ticket can keep; the others are named in a note rather than refusing the whole message.</summary>
    private (IReadOnlyList<IncomingFile> Files, string Note) Fitting(IReadOnlyList<MailFile> files)
    {
        var limits = options.Value;
        var kept = new List<IncomingFile>();
        var left = new List<string>();
        foreach (var file in files)
        {
            if (file.Length == 0)
            {
                continue;
            }

            if (file.Length > limits.MaxAttachmentBytes || kept.Count >= limits.MaxFilesPerMessage)
            {
                left.Add(TicketFiles.CleanName(file.FileName));
                continue;
            }

            kept.Add(new IncomingFile(file.FileName, file.ContentType, file.Length, file.Open));
        }

        var note = left.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"\n\n(Not kept: {string.Join(", ", left)}; files can be at most {limits.MaxAttachmentMegabytes} MB and {limits.MaxFilesPerMessage} to a message.)");
        return (kept, note);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Describe(Error error) => error is Invalid invalid
        ? string.Join(" ", invalid.Fields.SelectMany(f => f.Value.Select(m => $"{f.Key}: {m}")))
        : error.Detail;
}
