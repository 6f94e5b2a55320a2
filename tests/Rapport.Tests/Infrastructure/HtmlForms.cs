using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Rapport.Tests.Infrastructure;

/// <summary>Reads pages and submits their forms as a browser would, antiforgery token included.</summary>
public static class HtmlForms
{
    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}.");
        return await response.ParseAsync();
    }

    /// <summary>
    /// Loads <paramref name="pageUrl"/>, takes the form matching <paramref name="formSelector"/>, keeps its
    /// current values (hidden fields, antiforgery token), overrides them with <paramref name="values"/> and posts it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string pageUrl, string formSelector, Dictionary<string, string> values, string? submitName = null,
        IReadOnlyList<FormFile>? files = null)
    {
        var page = await client.GetPageAsync(pageUrl);
        var form = page.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"{pageUrl} has no form matching '{formSelector}'.");
        return await client.SubmitAsync(form, values, submitName, files);
    }

    /// <summary>Posts the form; as multipart/form-data, with the given files, when the form says so.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client, IHtmlFormElement form, Dictionary<string, string> values, string? submitName = null,
        IReadOnlyList<FormFile>? files = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        continue;
                    }

                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name!, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        fields.Add(new(select.Name!, option.Value));
                    }

                    break;
                case IHtmlButtonElement button when submitName is not null && button.Name == submitName:
                    fields.Add(new(button.Name!, button.Value));
                    break;
            }
        }

        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? form.BaseUri : form.Action;
        var uri = new Uri(action, UriKind.RelativeOrAbsolute);
        var target = uri.IsAbsoluteUri ? uri.PathAndQuery : action;
        if (form.Enctype != "multipart/form-data")
        {
            Assert.True(files is null or { Count: 0 }, "The form does not post files.");
            using var content = new FormUrlEncodedContent(fields);
            return await client.PostAsync(target, content);
        }

        using var multipart = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            multipart.Add(new StringContent(value), name);
        }

        foreach (var file in files ?? [])
        {
            Assert.NotNull(form.QuerySelector($"input[type=file][name='{file.Field}']"));
            var part = new ByteArrayContent(file.Content);
            part.Headers.ContentType = new(file.ContentType);
            multipart.Add(part, file.Field, file.FileName);
        }

        return await client.PostAsync(target, multipart);
    }
}

/// <summary>A file chosen in a form's file input.</summary>
public sealed record FormFile(string Field, string FileName, byte[] Content, string ContentType = "application/octet-stream");
