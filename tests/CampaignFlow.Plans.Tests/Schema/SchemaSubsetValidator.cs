using System.Text.Json.Nodes;

namespace CampaignFlow.Plans.Tests.Schema;

/// <summary>
/// Checks JSON against the subset of draft-07 the plan schema uses ($ref, type, enum, properties, required,
/// additionalProperties, items, anyOf). JsonSchema.Net is not served here; this is enough to prove the generated
/// schema accepts real plans and rejects what the reader rejects.
/// </summary>
internal sealed class SchemaSubsetValidator(JsonObject root)
{
    public List<string> Validate(JsonNode? value) => Check(value, root, "$").ToList();

    private IEnumerable<string> Check(JsonNode? value, JsonObject schema, string path)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            var name = reference.GetValue<string>().Split('/')[^1];
            foreach (var e in Check(value, root["definitions"]![name]!.AsObject(), path))
            {
                yield return e;
            }

            yield break;
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            var results = anyOf.Select(option => Check(value, option!.AsObject(), path).ToList()).ToList();
            if (results.All(r => r.Count > 0))
            {
                yield return $"{path}: matches none of anyOf ({string.Join(" | ", results.Select(r => r[0]))})";
            }

            yield break;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            yield return $"{path}: {value?.ToJsonString()} is not one of {allowed.ToJsonString()}";
        }

        if (schema["type"] is { } type)
        {
            var types = type is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToArray() : [type.GetValue<string>()];
            if (!types.Any(t => IsType(value, t)))
            {
                yield return $"{path}: {value?.ToJsonString() ?? "null"} is not {string.Join("/", types)}";
                yield break;
            }
        }

        if (value is JsonObject obj)
        {
            var properties = schema["properties"]?.AsObject();
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    yield return $"{path}: missing {required}";
                }
            }

            foreach (var (key, child) in obj)
            {
                if (properties?[key] is JsonObject propertySchema)
                {
                    foreach (var e in Check(child, propertySchema, $"{path}.{key}"))
                    {
                        yield return e;
                    }
                }
                else if (schema["additionalProperties"] is JsonObject additional)
                {
                    foreach (var e in Check(child, additional, $"{path}.{key}"))
                    {
                        yield return e;
                    }
                }
                else if (schema["additionalProperties"] is JsonValue v && !v.GetValue<bool>())
                {
                    yield return $"{path}: unexpected key {key}";
                }
            }
        }

        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var e in Check(array[i], items, $"{path}[{i}]"))
                {
                    yield return e;
                }
            }
        }
    }

    private static bool IsType(JsonNode? value, string type) => (type, value) switch
    {
        ("object", JsonObject) => true,
        ("array", JsonArray) => true,
        ("string", JsonValue v) => v.TryGetValue<string>(out _),
        ("boolean", JsonValue v) => v.TryGetValue<bool>(out _),
        ("integer", JsonValue v) => v.TryGetValue<long>(out _),
        ("number", JsonValue v) => v.TryGetValue<double>(out _) || v.TryGetValue<long>(out _),
        ("null", null) => true,
        _ => false,
    };
}
