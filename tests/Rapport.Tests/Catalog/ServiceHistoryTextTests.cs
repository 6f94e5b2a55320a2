using System.Text.Json;
using Rapport.Catalog.Contracts;
using Rapport.Catalog.Features;
using Rapport.Platform.Events;

namespace Rapport.Tests.Catalog;

public sealed class ServiceHistoryTextTests
{
    private static readonly Guid Service = Guid.NewGuid();
    private static readonly Guid It = Guid.NewGuid();
    private static readonly Guid Hr = Guid.NewGuid();

    private static (string, string) E<T>(T fact) where T : IEvent =>
        (EventNames.Of<T>(), JsonSerializer.Serialize(fact, EventJson.Options));

    private static FormFieldDto F(string key, string label, bool required = false) => new(key, label, "text", required, null, [], null, null, null);

    private static IReadOnlyList<string> Describe(params (string, string)[] events) =>
        ServiceHistoryText.Describe(events, id => id == It ? "IT" : id == Hr ? "HR" : null);

    [Fact]
    public void Added_SaysWhereAndWhetherItIsPublished() =>
        Assert.Equal("added the service “Laptop” to IT as a draft",
            Describe(E(new ServiceAdded(Service, It, "laptop", "Laptop", "Hardware", "", "request", false)))[0]);

    [Fact]
    public void Changes_AreToldAgainstTheStateBefore()
    {
        var sentences = Describe(
            E(new ServiceAdded(Service, It, "laptop", "Laptop", "Hardware", "", "request", false)),
            E(new ServiceChanged(Service, It, "A laptop", "Hardware", false, 0, "", "request")),
            E(new ServiceChanged(Service, Hr, "A laptop", "Devices", true, 0, "Get one.", "incident")),
            E(new ServiceChanged(Service, Hr, "A laptop", "Devices", false, 0, "Get one.", "incident")));

        Assert.Equal("renamed it to “A laptop”", sentences[1]);
        Assert.Equal("moved it to HR, put it in the category “Devices”, rewrote the description, made new requests start as incident and published it on the portal", sentences[2]);
        Assert.Equal("took it off the portal", sentences[3]);
    }

    [Fact]
    public void FormChanges_NameTheFieldsAddedChangedAndRemoved_AndANewOrder()
    {
        var sentences = Describe(
            E(new RequestFormChanged(Service, [F("a", "Asset"), F("b", "Building")])),
            E(new RequestFormChanged(Service, [F("a", "Asset", required: true), F("c", "Colour")])),
            E(new RequestFormChanged(Service, [F("c", "Colour"), F("a", "Asset", required: true)])));

        Assert.Equal("set the request form: 2 fields", sentences[0]);
        Assert.Equal("added the field “Colour”, changed the field “Asset” and removed the field “Building”", sentences[1]);
        Assert.Equal("changed the order of the fields", sentences[2]);
    }
}
