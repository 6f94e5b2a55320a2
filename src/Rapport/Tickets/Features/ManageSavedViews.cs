using Microsoft.EntityFrameworkCore;
using Rapport.Platform.Database;
using Rapport.Platform.Errors;
using Rapport.Platform.Events;
using Rapport.Tickets.Contracts;
using Rapport.Tickets.Domain;

namespace Rapport.Tickets.Features;

/// <summary>
/// Queues people keep under a name: for themselves, or shared with everyone on the Desk. Anyone on the
/// Desk opens a shared view (and sees in it only the tickets they may see); only its owner or an
/// administrator renames, shares or removes it. Each change is an event.
/// </summary>
public sealed class ManageSavedViews(RapportDb db, EventLog events, TimeProvider time)
{
    public const int MaxName = 80;

    /// <summary>The viewer's own views first, then those others shared, each by name.</summary>
    public async Task<IReadOnlyList<SavedView>> ListAsync(TicketViewer viewer, CancellationToken ct)
    {
        var me = viewer.PersonId ?? Guid.Empty;
        var views = await db.Set<SavedView>().AsNoTracking()
            .Where(v => v.OwnerId == me || v.IsShared)
            .ToListAsync(ct);
        return [.. views.OrderBy(v => v.OwnerId != me).ThenBy(v => v.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>The view, when the viewer may open it; null for a missing view or someone else's private one.</summary>
    public async Task<SavedView?> FindAsync(Guid id, TicketViewer viewer, CancellationToken ct)
    {
        var view = await db.Set<SavedView>().AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        return view is not null && (view.IsShared || view.OwnerId == viewer.PersonId || viewer.IsAdmin) ? view : null;
    }

    public static bool CanChange(SavedView view, TicketViewer viewer) => viewer.IsAdmin || view.OwnerId == viewer.PersonId;

    public async Task<Result<SavedView>> SaveAsync(string? name, QueueView queue, bool shared, TicketViewer viewer, CancellationToken ct)
    {
        if (viewer.PersonId is not { } owner)
        {
            return new ForbiddenError("tickets.no-person", "Your profile in the organisation is not set up yet, so views cannot be kept for you.");
        }

        var checkedName = await CheckNameAsync(name, owner, null, ct);
        if (!checkedName.Succeeded)
        {
            return checkedName.Error;
        }

        var view = new SavedView
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            OwnerId = owner,
            Name = checkedName.Value,
            Query = queue.ToQuery(withQueue: true),
            IsShared = shared,
            CreatedAt = time.GetUtcNow(),
        };
        db.Add(view);
        return await RecordAsync(view, ct);
    }

    public Task<Result<SavedView>> RenameAsync(Guid id, string? name, int? expectedVersion, TicketViewer viewer, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, viewer, async view =>
        {
            var checkedName = await CheckNameAsync(name, view.OwnerId, view.Id, ct);
            if (!checkedName.Succeeded)
            {
                return checkedName.Error;
            }

            view.Name = checkedName.Value;
            return view;
        }, ct);

    public Task<Result<SavedView>> ShareAsync(Guid id, bool shared, int? expectedVersion, TicketViewer viewer, CancellationToken ct) =>
        ChangeAsync(id, expectedVersion, viewer, view =>
        {
            view.IsShared = shared;
            return Task.FromResult<Result<SavedView>>(view);
        }, ct);

    public async Task<Result<SavedView>> RemoveAsync(Guid id, int? expectedVersion, TicketViewer viewer, CancellationToken ct)
    {
        var found = await FindForChangeAsync(id, expectedVersion, viewer, ct);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var view = found.Value;
        db.Remove(view);
        events.Append(new ViewRemoved(view.Id, view.OwnerId, view.Name), "saved-view", view.Id.ToString());
        return await SaveChangesAsync(view, ct);
    }

    private async Task<Result<SavedView>> ChangeAsync(
        Guid id, int? expectedVersion, TicketViewer viewer, Func<SavedView, Task<Result<SavedView>>> change, CancellationToken ct)
    {
        var found = await FindForChangeAsync(id, expectedVersion, viewer, ct);
        if (!found.Succeeded)
        {
            return found.Error;
        }

        var changed = await change(found.Value);
        if (!changed.Succeeded)
        {
            return changed.Error;
        }

        changed.Value.Version++;
        return await RecordAsync(changed.Value, ct);
    }

    private async Task<Result<SavedView>> FindForChangeAsync(Guid id, int? expectedVersion, TicketViewer viewer, CancellationToken ct)
    {
        var view = await db.Set<SavedView>().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (view is null || !(view.IsShared || view.OwnerId == viewer.PersonId || viewer.IsAdmin))
        {
            return NotFound();
        }

        if (!CanChange(view, viewer))
        {
            return new ForbiddenError("tickets.view-not-yours", $"Only the person who made \"{view.Name}\" or an administrator may change or remove it.");
        }

        if (expectedVersion is { } expected && expected != view.Version)
        {
            return new ConcurrentEdit($"The view \"{view.Name}\"");
        }

        return view;
    }

    private async Task<Result<string>> CheckNameAsync(string? name, Guid owner, Guid? except, CancellationToken ct)
    {
        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return Invalid.Field("name", "Give the view a name, e.g. \"Critical for Workplace Support\".");
        }

        if (name.Length > MaxName)
        {
            return Invalid.Field("name", $"A view's name can have at most {MaxName} characters.");
        }

        var taken = await db.Set<SavedView>().AsNoTracking()
            .Where(v => v.OwnerId == owner && v.Id != except)
            .Select(v => v.Name)
            .ToListAsync(ct);
        if (taken.Contains(name, StringComparer.CurrentCultureIgnoreCase))
        {
            return Invalid.Field("name", $"There is a view called \"{name}\" already. Choose another name, or remove the old view first.");
        }

        return name;
    }

    private Task<Result<SavedView>> RecordAsync(SavedView view, CancellationToken ct)
    {
        events.Append(new ViewSaved(view.Id, view.OwnerId, view.Name, view.Query, view.IsShared), "saved-view", view.Id.ToString());
        return SaveChangesAsync(view, ct);
    }

    private async Task<Result<SavedView>> SaveChangesAsync(SavedView view, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return view;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ConcurrentEdit($"The view \"{view.Name}\"");
        }
    }

    private static NotFoundError NotFound() =>
        new("tickets.view-not-found", "That view does not exist any more, or it is someone else's private view.");
}
