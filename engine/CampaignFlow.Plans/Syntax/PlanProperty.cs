using System.Reflection;

namespace CampaignFlow.Plans.Syntax;

/// <summary>One key of a mapping of the plan model: its YAML name, its shape, and the property it fills.</summary>
/// <param name="Key">The YAML key.</param>
/// <param name="Property">The property it fills.</param>
/// <param name="Kind">Its YAML shape.</param>
/// <param name="ValueType">The property type without <see cref="Nullable{T}"/>.</param>
/// <param name="ItemType">For lists and maps, the type of the items; otherwise null.</param>
/// <param name="Required">True when a plan must write it.</param>
/// <param name="Description">What it means, for the schema and the docs.</param>
public sealed record PlanProperty(
    string Key,
    PropertyInfo Property,
    ValueKind Kind,
    Type ValueType,
    Type? ItemType,
    bool Required,
    string Description);
