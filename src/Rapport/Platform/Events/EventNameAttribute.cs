namespace Rapport.Platform.Events;

/// <summary>
/// The stable name and version an event is stored under: "module.past-tense-fact".
/// The CLR name may change; this name never does.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EventNameAttribute(string name, int version = 1) : Attribute
{
    public string Name { get; } = name;

    public int Version { get; } = version;

    public string Module => Name[..Name.IndexOf('.', StringComparison.Ordinal)];
}

/// <summary>A fact that happened, stored in the event log.</summary>
public interface IEvent;

public static class EventNames
{
    public static EventNameAttribute Of(Type type) =>
        (EventNameAttribute?)Attribute.GetCustomAttribute(type, typeof(EventNameAttribute))
        ?? throw new InvalidOperationException($"{type.Name} has no [EventName].");

    public static string Of<T>() where T : IEvent => Of(typeof(T)).Name;
}
