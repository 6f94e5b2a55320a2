using Rapport.Catalog.Domain;

namespace Rapport.Catalog.Pages;

/// <summary>The kinds of answer as an administrator reads them in the form builder.</summary>
public static class FieldKindText
{
    public static string Name(string kind) => kind switch
    {
        FieldKinds.Text => "Short text",
        FieldKinds.LongText => "Long text",
        FieldKinds.Number => "Number",
        FieldKinds.Date => "Date",
        FieldKinds.Choice => "One choice from a list",
        FieldKinds.MultiChoice => "Several choices from a list",
        FieldKinds.Person => "A person (e-mail address)",
        FieldKinds.Attachment => "Files the requester attaches",
        _ => kind,
    };
}
