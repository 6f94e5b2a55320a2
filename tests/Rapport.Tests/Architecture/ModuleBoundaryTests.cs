using Mono.Cecil;
using Mono.Cecil.Cil;
using Rapport.Platform.Events;

namespace Rapport.Tests.Architecture;

/// <summary>
/// Modules talk through their Contracts folder only. Read from the compiled IL, so a reference in a
/// method body, a lambda or a Razor page counts as much as one in a signature.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private const string Root = "Rapport";

    /// <summary>Platform is the kernel every module stands on; it may know of modules only here.</summary>
    private static readonly (string From, string To)[] PlatformExceptions =
    [
        // RapportDb is an Identity context: its base class names the Identity user and role types.
        ("Rapport.Platform.Database", "Rapport.Accounts.Domain"),
    ];

    private static readonly Lazy<IReadOnlyList<(string FromType, string FromNamespace, string To)>> References = new(ScanReferences);

    private static string[] Modules() =>
        [.. Directory.GetDirectories(Path.Combine(RepoRoot(), "src", Root))
            .Select(Path.GetFileName)
            .Where(n => n is not null && char.IsUpper(n[0]) && n is not "Platform" and not "Properties")
            .Select(n => n!)];

    [Fact]
    public void Modules_UseOtherModulesOnlyThroughTheirContracts()
    {
        var modules = Modules();
        var violations = References.Value
            .Select(r => (r.FromType, r.To, From: ModuleOf(r.FromNamespace, modules), ToModule: ModuleOf(r.To, modules)))
            .Where(r => r.From is not null && r.ToModule is not null && r.From != r.ToModule)
            .Where(r => !r.To.StartsWith($"{Root}.{r.ToModule}.Contracts", StringComparison.Ordinal))
            .Select(r => $"{r.FromType} uses {r.To}")
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, "Modules reach past each other's Contracts:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Platform_DependsOnNoModule_ButTheDocumentedExceptions()
    {
        var modules = Modules();
        var fromPlatform = References.Value
            .Where(r => r.FromNamespace.StartsWith($"{Root}.Platform", StringComparison.Ordinal) && ModuleOf(r.To, modules) is not null)
            .ToList();

        // The scanner must see the known exception, or it sees nothing at all.
        Assert.Contains(fromPlatform, r => r.To.StartsWith("Rapport.Accounts.Domain", StringComparison.Ordinal));
        var violations = fromPlatform
            .Where(r => !PlatformExceptions.Any(e => r.FromNamespace.StartsWith(e.From, StringComparison.Ordinal) && r.To.StartsWith(e.To, StringComparison.Ordinal)))
            .Select(r => $"{r.FromType} uses {r.To}")
            .Distinct()
            .ToList();
        Assert.True(violations.Count == 0, "Platform depends on modules:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Scanner_SeesReferencesInMethodBodies()
    {
        // OnAccountCreated reads the AccountCreated payload only inside HandleAsync's (async) body.
        Assert.Contains(References.Value, r =>
            r.FromType.Contains("OnAccountCreated", StringComparison.Ordinal) &&
            r.To == "Rapport.Accounts.Contracts.AccountCreated");
    }

    [Fact]
    public void Events_HaveUniqueStableNames_InTheirModulesNamespace()
    {
        var events = typeof(EventLog).Assembly.GetTypes()
            .Where(t => typeof(IEvent).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .ToList();
        Assert.NotEmpty(events);

        var names = events.Select(t => (Type: t, Name: EventNames.Of(t))).ToList();
        Assert.All(names, e =>
        {
            Assert.Matches("^[a-z]+\\.[a-z]+(-[a-z]+)*$", e.Name.Name);
            Assert.Equal($"{Root}.{e.Type.Namespace!.Split('.')[1]}.Contracts", e.Type.Namespace);
            Assert.Equal(e.Type.Namespace.Split('.')[1].ToLowerInvariant(), e.Name.Module);
        });
        Assert.Equal(names.Count, names.Select(n => n.Name.Name).Distinct().Count());
    }

    private static string? ModuleOf(string ns, string[] modules)
    {
        var parts = ns.Split('.');
        return parts.Length >= 2 && parts[0] == Root && modules.Contains(parts[1]) ? parts[1] : null;
    }

    private static List<(string, string, string)> ScanReferences()
    {
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(EventLog).Assembly.Location);
        var found = new List<(string, string, string)>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var outer = type;
            while (outer.DeclaringType is not null)
            {
                outer = outer.DeclaringType;
            }

            var ns = outer.Namespace;
            if (string.IsNullOrEmpty(ns))
            {
                continue;
            }

            foreach (var referenced in ReferencedTypes(type))
            {
                var target = referenced;
                while (target.DeclaringType is not null)
                {
                    target = target.DeclaringType;
                }

                if (target.Namespace.StartsWith(Root + ".", StringComparison.Ordinal))
                {
                    found.Add((type.FullName, ns, target.FullName));
                }
            }
        }

        return found;
    }

    private static List<TypeReference> ReferencedTypes(TypeDefinition type)
    {
        IEnumerable<TypeReference> Expand(TypeReference? t)
        {
            if (t is null)
            {
                yield break;
            }

            if (t is GenericInstanceType generic)
            {
                yield return generic.ElementType;
                foreach (var argument in generic.GenericArguments.SelectMany(Expand))
                {
                    yield return argument;
                }
            }
            else if (t is TypeSpecification spec)
            {
                foreach (var inner in Expand(spec.ElementType))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return t;
            }
        }

        IEnumerable<TypeReference> OfMethod(MethodReference m) =>
            Expand(m.DeclaringType).Concat(Expand(m.ReturnType)).Concat(m.Parameters.SelectMany(p => Expand(p.ParameterType)))
                .Concat(m is GenericInstanceMethod g ? g.GenericArguments.SelectMany(Expand) : []);

        IEnumerable<TypeReference> OfAttributes(ICustomAttributeProvider p) =>
            p.HasCustomAttributes ? p.CustomAttributes.SelectMany(a => OfMethod(a.Constructor)) : [];

        var references = new List<TypeReference>();
        references.AddRange(Expand(type.BaseType));
        references.AddRange(type.Interfaces.SelectMany(i => Expand(i.InterfaceType)));
        references.AddRange(OfAttributes(type));
        foreach (var field in type.Fields)
        {
            references.AddRange(Expand(field.FieldType));
        }

        foreach (var property in type.Properties)
        {
            references.AddRange(Expand(property.PropertyType));
            references.AddRange(OfAttributes(property));
        }

        foreach (var method in type.Methods)
        {
            references.AddRange(OfMethod(method));
            references.AddRange(OfAttributes(method));
            if (!method.HasBody)
            {
                continue;
            }

            references.AddRange(method.Body.Variables.SelectMany(v => Expand(v.VariableType)));
            foreach (var instruction in method.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        references.AddRange(Expand(t));
                        break;
                    case MethodReference m:
                        references.AddRange(OfMethod(m));
                        break;
                    case FieldReference f:
                        references.AddRange(Expand(f.DeclaringType).Concat(Expand(f.FieldType)));
                        break;
                }
            }
        }

        return references;
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Rapport.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Rapport.slnx not found above the test folder.");
    }
}
