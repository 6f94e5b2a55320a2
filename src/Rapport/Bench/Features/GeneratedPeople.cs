using System.Text.Json;
using Rapport.Organisation.Contracts;
using Rapport.Platform.Events;

namespace Rapport.Bench.Features;

/// <summary>The organisation's thousands of people who ask for help, with the events that added them.</summary>
internal static class GeneratedPeople
{
    public const string Domain = "people.bench.rapport.example";

    private static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Carla", "Dev", "Elena", "Farid", "Greta", "Hiro", "Ines", "Jamal", "Kira", "Liam", "Mona", "Nils",
        "Olivia", "Pablo", "Quinn", "Rana", "Stefan", "Tara", "Umar", "Vera", "Wen", "Xenia", "Yara", "Zoltan", "Amir",
        "Bea", "Cyril", "Dana", "Emil", "Freya", "Goran", "Hana", "Ivo", "Jana", "Karl", "Lina", "Milan", "Nadia",
    ];

    private static readonly string[] LastNames =
    [
        "Adams", "Berg", "Costa", "Dahl", "Evans", "Fischer", "Garcia", "Horvat", "Ito", "Jensen", "Khan", "Lopez", "Meyer",
        "Nagy", "Olsen", "Park", "Quint", "Reyes", "Silva", "Tanaka", "Urban", "Vogel", "Wong", "Young", "Zimmer", "Abbas",
        "Brandt", "Chen", "Diaz", "Eriksen", "Fontaine", "Gupta", "Hansen", "Iqbal", "Kowalski", "Larsen", "Moreau", "Novak",
    ];

    public static IReadOnlyList<CastPerson> Make(int count, IReadOnlyList<BusinessUnitDto> units, Random random, SeededIds ids,
        DateTimeOffset at, BenchBatch batch, ref long sequence)
    {
        var people = new List<CastPerson>(count);
        var name = EventNames.Of(typeof(PersonAdded));
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var display = $"{first} {last}";
            var email = $"{first}.{last}.{i + 1}@{Domain}".ToLowerInvariant();
            var unit = units.Count == 0 ? null : units[random.Next(units.Count)];
            var id = ids.At(at);
            batch.Add(BenchTables.People, id, display, email, null, unit?.Id, null, at, 0);
            var fact = new PersonAdded(id, display, email, null, unit?.Id, null);
            batch.Add(BenchTables.Events,
                sequence++, ids.At(at), name.Name, name.Version, name.Module, "person", id.ToString(), at,
                null, nameof(ActorKind.System), null, JsonSerializer.Serialize(fact, EventJson.Options));
            people.Add(new CastPerson(id, display, unit?.Id, null));
        }

        return people;
    }
}
