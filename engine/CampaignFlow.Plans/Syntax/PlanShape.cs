using System.Collections.Concurrent;
using System.ComponentModel;
using System.Reflection;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// The keys of one mapping type of the plan model, read once from its properties and attributes. The reader
/// binds YAML with it and the schema generator describes the format with it, so the format has one source.
/// </summary>
public sealed class PlanShape
{
    private static readonly ConcurrentDictionary<Type, PlanShape> Shapes = new();
    private readonly Dictionary<string, PlanProperty> _byKey;

    private PlanShape(Type type)
    {
        Type = type;
        Properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(PlanNode) && p.CanWrite)
            .Select(Describe)
            .ToArray();
        _byKey = Properties.ToDictionary(p => p.Key, StringComparer.Ordinal);
        Shorthand = Properties.FirstOrDefault(p => p.Property.IsDefined(typeof(ShorthandAttribute)));
        Name = NameOf(type);
        Description = type.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "";
    }

    /// <summary>The model type.</summary>
    public Type Type { get; }

    /// <summary>The mapping's name in messages: <c>plan</c>, <c>phase</c>, <c>action</c>.</summary>
    public string Name { get; }

    /// <summary>What the mapping is, for the schema.</summary>
    public string Description { get; }

    /// <summary>Every key, in declaration order.</summary>
    public IReadOnlyList<PlanProperty> Properties { get; }

    /// <summary>The key a lone scalar fills, when the mapping may be written as one.</summary>
    public PlanProperty? Shorthand { get; }

    /// <summary>The shape of <paramref name="type"/>.</summary>
    /// <param name="type">A <see cref="PlanNode"/> type.</param>
    public static PlanShape Of(Type type) => Shapes.GetOrAdd(type, t => new PlanShape(t));

    /// <summary>The key named <paramref name="key"/>, if the mapping has it.</summary>
    /// <param name="key">A YAML key.</param>
    /// <param name="property">The key found.</param>
    public bool TryGet(string key, out PlanProperty property) => _byKey.TryGetValue(key, out property!);

    /// <inheritdoc cref="FormatWords.Kebab"/>
    public static string Kebab(string name) => FormatWords.Kebab(name);

    /// <summary>The words an enum accepts, in declaration order.</summary>
    /// <param name="enumType">The enum type.</param>
    public static IReadOnlyList<string> EnumWords(Type enumType) => Enum.GetNames(enumType).Select(Kebab).ToArray();

    private static PlanProperty Describe(PropertyInfo property)
    {
        var key = property.GetCustomAttribute<PlanKeyAttribute>()?.Name
                  ?? char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var (kind, item) = Classify(type);
        return new PlanProperty(
            key,
            property,
            kind,
            type,
            item,
            property.IsDefined(typeof(PlanRequiredAttribute)),
            property.GetCustomAttribute<DescriptionAttribute>()?.Description ?? "");
    }

    /// <summary>The YAML shape of a model type, and for lists and maps the type of their items.</summary>
    /// <param name="type">A property type without <see cref="Nullable{T}"/>.</param>
    public static (ValueKind Kind, Type? Item) Classify(Type type)
    {
        if (type == typeof(string))
        {
            return (ValueKind.String, null);
        }

        if (type == typeof(Requirements.Conditions.WhereCondition))
        {
            return (ValueKind.Condition, null);
        }

        if (type == typeof(int))
        {
            return (ValueKind.Integer, null);
        }

        if (type == typeof(decimal))
        {
            return (ValueKind.Number, null);
        }

        if (type == typeof(bool))
        {
            return (ValueKind.Boolean, null);
        }

        if (type.IsEnum)
        {
            return (ValueKind.Enum, null);
        }

        if (TextSyntax.Handles(type))
        {
            return (ValueKind.Text, null);
        }

        if (typeof(PlanNode).IsAssignableFrom(type))
        {
            return (ValueKind.Node, null);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return (ValueKind.List, type.GetGenericArguments()[0]);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)
            && type.GetGenericArguments()[0] == typeof(string))
        {
            return (ValueKind.Map, type.GetGenericArguments()[1]);
        }

        throw new NotSupportedException($"The plan model cannot hold a {type}: add it to PlanShape.Classify.");
    }

    private static string NameOf(Type type)
    {
        var name = type.Name;
        foreach (var suffix in new[] { "Spec", "Document" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                name = name[..^suffix.Length];
            }
        }

        return Kebab(name).Replace('-', ' ');
    }
}
