namespace Rapport.Platform;

/// <summary>A problem with how Rapport was started or configured, told in one line to the person starting it.</summary>
public sealed class StartupException(string message) : Exception(message);
