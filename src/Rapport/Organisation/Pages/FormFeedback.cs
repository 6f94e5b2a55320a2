using System.Reflection;
using Microsoft.AspNetCore.Components.Forms;
using Rapport.Organisation.Domain;
using Rapport.Platform.Errors;

namespace Rapport.Organisation.Pages;

/// <summary>
/// A use case's answer shown on a form: each field's problem next to its input (the use case, not the
/// page, decides what is valid), everything in a summary above the form that links to the fields.
/// </summary>
public sealed class FormFeedback
{
    private readonly ValidationMessageStore _messages;
    private readonly List<(string? FieldId, string Message)> _summary = [];

    /// <param name="idPrefix">Prefix of the form's input ids: "add-" gives "add-name" for Name.</param>
    public FormFeedback(object model, string idPrefix)
    {
        Context = new EditContext(model);
        _messages = new ValidationMessageStore(Context);
        IdPrefix = idPrefix;
    }

    public EditContext Context { get; }

    public string IdPrefix { get; }

    public IReadOnlyList<(string? FieldId, string Message)> Summary => _summary;

    public bool HasErrors => _summary.Count > 0;

    /// <summary>Someone else saved first; the page shows what they saved next to the person's own input.</summary>
    public bool IsConcurrentEdit { get; private set; }

    /// <summary>The id of the input for <paramref name="property"/> of the model, and of its error ("-error").</summary>
    public string Id(string property) => IdPrefix + property.ToLowerInvariant();

    public void Show(Error error)
    {
        _messages.Clear();
        _summary.Clear();
        IsConcurrentEdit = error is ConcurrentEdit;
        switch (error)
        {
            case Invalid invalid:
                foreach (var (field, messages) in invalid.Fields)
                {
                    Add(field, messages);
                }

                break;
            case AlreadyTaken taken:
                Add(taken.Field, [taken.Detail]);
                break;
            default:
                _summary.Add((null, error.Detail));
                break;
        }

        Context.NotifyValidationStateChanged();
    }

    private void Add(string field, string[] messages)
    {
        var property = Context.Model.GetType().GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null)
        {
            _summary.AddRange(messages.Select(m => ((string?)null, m)));
            return;
        }

        _messages.Add(new FieldIdentifier(Context.Model, property.Name), messages);
        _summary.AddRange(messages.Select(m => ((string?)Id(property.Name), m)));
    }
}
