using Microsoft.AspNetCore.Components;
using Rapport.Platform.Errors;
using Rapport.Tickets.Domain;
using Rapport.Tickets.Features;

namespace Rapport.Tickets.Pages;

/// <summary>
/// A card beside a ticket with forms of its own (watchers, links, tags, merge). It posts, then
/// redirects back with <c>?done=</c> and says what happened; on failure it shows why, in the card.
/// Cards keep to themselves so that the ticket pages include each with one line.
/// </summary>
/// <remarks>
/// Sibling components initialise concurrently, and a database context takes one operation at a
/// time: each card reads through <see cref="OwningComponentBase{TService}.Service"/>, from a scope
/// (and so a context) of its own.
/// </remarks>
public abstract class TicketCard : OwningComponentBase<TicketRelationQueries>
{
    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    [Parameter, EditorRequired]
    public Ticket Ticket { get; set; } = default!;

    /// <summary>Shown on the portal's request page rather than the desk's ticket page.</summary>
    [Parameter]
    public bool OnPortal { get; set; }

    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = default!;

    [Inject]
    protected TicketViewers Viewers { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery]
    protected string? Done { get; set; }

    protected TicketViewer Viewer { get; private set; } = default!;

    /// <summary>What the last action did, or why it did not happen.</summary>
    protected string? Message { get; private set; }

    protected bool Failed { get; private set; }

    protected IReadOnlyDictionary<string, string[]> Errors { get; private set; } = NoErrors;

    protected string TicketPath => OnPortal ? $"/portal/requests/{Ticket.Id}" : $"/desk/tickets/{Ticket.Id}";

    protected override async Task OnInitializedAsync()
    {
        Viewer = await Viewers.ForAsync(HttpContext.User, default);
        Message = Said(Done);
        await LoadAsync();
    }

    /// <summary>The sentence for one of this card's <c>done</c> values; null for others'.</summary>
    protected abstract string? Said(string? done);

    protected abstract Task LoadAsync();

    protected string? Form(string name) => HttpContext.Request.HasFormContentType ? HttpContext.Request.Form[name].ToString() : null;

    /// <summary>The typed value to show again after a failed post, so nothing typed is lost.</summary>
    protected string? Typed(string name) => Failed ? Form(name) : null;

    protected async Task RunAsync<T>(Func<Task<Result<T>>> work, string done, string? then = null)
    {
        var result = await work();
        if (result.Succeeded)
        {
            Navigation.NavigateTo($"{then ?? TicketPath}?done={done}");
            return;
        }

        Failed = true;
        (Message, Errors) = result.Error is Invalid invalid ? (null, invalid.Fields) : (result.Error.Detail, NoErrors);
        await LoadAsync();
    }
}
