using System.Text.Json.Nodes;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Schema;

/// <summary>
/// Generates a JSON Schema (draft-07, the dialect YAML language servers read) of the plan format from the same
/// <see cref="PlanShape"/>s the reader binds with, so the schema cannot drift from what the reader accepts.
/// </summary>
public static class PlanSchemaGenerator
{
    /// <summary>The schema of a plan file.</summary>
    public static JsonObject ForPlans() => Generate(typeof(PlanDocument), "CampaignFlow plan");

    /// <summary>The schema of a roster file (<c>*.roster.yaml</c>).</summary>
    public static JsonObject ForRosters() => Generate(typeof(RosterSpec), "CampaignFlow roster");

    private static JsonObject Generate(Type root, string title)
    {
        var definitions = new JsonObject();
        var schema = new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = title,
            ["$ref"] = Reference(root, definitions),
        };
        schema["definitions"] = definitions;
        return schema;
    }

    private static string Reference(Type type, JsonObject definitions)
    {
        var name = type.Name;
        if (!definitions.ContainsKey(name))
        {
            definitions[name] = null; // reserved first: the model is recursive (phases hold phases)
            definitions[name] = Describe(PlanShape.Of(type), definitions);
        }

        return $"#/definitions/{name}";
    }

    // where: attributes to values or to a condition of what they name, and all/any (lists of conditions) and not.
    private static string Condition(JsonObject definitions)
    {
        const string Name = "WhereCondition";
        const string Self = "#/definitions/" + Name;
        if (!definitions.ContainsKey(Name))
        {
            definitions[Name] = new JsonObject
            {
                ["type"] = "object",
                ["description"] = "Attribute values that must all hold; all: [...], any: [...] and not: {...} combine conditions; an attribute that names a place takes a condition of the place's attributes.",
                ["properties"] = new JsonObject
                {
                    ["all"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["$ref"] = Self }, ["description"] = "Every condition listed holds." },
                    ["any"] = new JsonObject { ["type"] = "array", ["minItems"] = 1, ["items"] = new JsonObject { ["$ref"] = Self }, ["description"] = "At least one condition listed holds." },
                    ["not"] = new JsonObject { ["$ref"] = Self, ["description"] = "The condition does not hold." },
                },
                ["additionalProperties"] = new JsonObject
                {
                    ["anyOf"] = new JsonArray(
                        new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") },
                        new JsonObject { ["$ref"] = Self }),
                },
            };
        }

        return Self;
    }

    private static JsonObject Describe(PlanShape shape, JsonObject definitions)
    {
        var properties = new JsonObject();
        foreach (var property in shape.Properties)
        {
            var value = ValueSchema(property.Kind, property.ValueType, property.ItemType, definitions);
            value["description"] = property.Description;
            properties[property.Key] = value;
        }

        var mapping = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
        var required = shape.Properties.Where(p => p.Required).Select(p => (JsonNode)JsonValue.Create(p.Key)!).ToArray();
        if (required.Length > 0)
        {
            mapping["required"] = new JsonArray(required);
        }

        if (shape.Description.Length > 0)
        {
            mapping["description"] = shape.Description;
        }

        if (shape.Shorthand is { } shorthand)
        {
            var scalar = ValueSchema(shorthand.Kind, shorthand.ValueType, shorthand.ItemType, definitions);
            scalar["description"] = $"Shorthand for {{ {shorthand.Key}: … }}.";
            return new JsonObject { ["anyOf"] = new JsonArray(scalar, mapping) };
        }

        return mapping;
    }

    private static JsonObject ValueSchema(ValueKind kind, Type type, Type? item, JsonObject definitions)
    {
        switch (kind)
        {
            case ValueKind.String:
                // The reader takes any scalar as text (where: { includesCriticism: true }); YAML types it first.
                return new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") };
            case ValueKind.Integer:
                return new JsonObject { ["type"] = "integer" };
            case ValueKind.Number:
                return new JsonObject { ["type"] = "number" };
            case ValueKind.Boolean:
                return new JsonObject { ["type"] = "boolean" };
            case ValueKind.Enum:
                return new JsonObject { ["enum"] = new JsonArray(PlanShape.EnumWords(type).Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()) };
            case ValueKind.Text:
                // YAML reads "4" or "0.5" as a number; the reader accepts both, so must the schema.
                return new JsonObject
                {
                    ["type"] = new JsonArray("string", "number"),
                    ["$comment"] = TextSyntax.Describe(type),
                };
            case ValueKind.Node:
                return new JsonObject { ["$ref"] = Reference(type, definitions) };
            case ValueKind.Condition:
                return new JsonObject { ["$ref"] = Condition(definitions) };
            case ValueKind.List:
                var (itemKind, nested) = PlanShape.Classify(item!);
                var items = ValueSchema(itemKind, item!, nested, definitions);
                var array = new JsonObject { ["type"] = "array", ["items"] = items };
                return itemKind is ValueKind.Node or ValueKind.List or ValueKind.Map
                    ? array
                    : new JsonObject { ["anyOf"] = new JsonArray(items.DeepClone(), array) };
            default:
                var (valueKind, inner) = PlanShape.Classify(item!);
                return new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = ValueSchema(valueKind, item!, inner, definitions),
                };
        }
    }
}
