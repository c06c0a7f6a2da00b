using System.Globalization;
using System.Text.RegularExpressions;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Requirements.Conditions;
using CampaignFlow.Plans.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// Fills the plan model from a YAML tree by the model's <see cref="PlanShape"/>s, recording where every value
/// stands and reporting every unknown key, missing key and ill-typed value instead of stopping at the first.
/// </summary>
internal sealed partial class NodeBinder(string file, DiagnosticBag diagnostics)
{
    private int _claimed;

    public T? BindRoot<T>(YamlNode node)
        where T : PlanNode => (T?)BindNode(node, typeof(T));

    private SourceLocation At(YamlNode node) => At(node.Start);

    private SourceLocation At(Mark mark) => new(file, (int)mark.Line, (int)mark.Column);

    private object? BindNode(YamlNode node, Type type)
    {
        var shape = PlanShape.Of(type);
        if (node is YamlScalarNode scalar && shape.Shorthand is { } shorthand)
        {
            var locations = new Dictionary<string, SourceLocation> { [shorthand.Key] = At(node) };
            var shortInstance = Activator.CreateInstance(type)!;
            var value = BindValue(node, shorthand, shorthand.Key, locations);
            if (value is not null)
            {
                shorthand.Property.SetValue(shortInstance, value);
            }

            return Finish((PlanNode)shortInstance, node, locations);
        }

        if (node is not YamlMappingNode mapping)
        {
            WrongType(node, shape.Name, shape.Shorthand is null ? "mapping" : "mapping-or-scalar");
            return null;
        }

        var instance = Activator.CreateInstance(type)!;
        var errorsBefore = diagnostics.Items.Count;
        var claimedBefore = _claimed;
        var suggested = new HashSet<string>();
        var written = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                diagnostics.Error("key-not-text", At(keyNode), shape.Name);
                continue;
            }

            if (!shape.TryGet(key, out var property))
            {
                if (UnknownKey(keyNode, key, shape) is { } suggestion)
                {
                    suggested.Add(suggestion);
                }

                continue;
            }

            written[key] = At(valueNode);
            if (IsNull(valueNode))
            {
                continue;
            }

            var value = BindValue(valueNode, property, key, written);
            if (value is not null)
            {
                property.Property.SetValue(instance, value);
            }
        }

        // A misspelt key already says what is missing: "titel — did you mean 'title'?".
        foreach (var missing in shape.Properties.Where(p => p.Required && !written.ContainsKey(p.Key) && !suggested.Contains(p.Key)))
        {
            diagnostics.Error("missing-key", At(node), missing.Key, shape.Name);
        }

        foreach (var empty in shape.Properties.Where(p => p.Required && written.ContainsKey(p.Key)))
        {
            // Reported at the value: "title:" with nothing after it, or text of nothing but blanks (a quoted "" is
            // how JSON writes nothing). A value of the wrong type was reported as such, not here.
            if (mapping.Children.TryGetValue(new YamlScalarNode(empty.Key), out var v)
                && ((IsNull(v) && empty.Property.GetValue(instance) is null or "")
                    || (empty.Kind == ValueKind.String && v is YamlScalarNode { Value: var text } && string.IsNullOrWhiteSpace(text))))
            {
                diagnostics.Error("missing-value", At(v), empty.Key, shape.Name);
            }
        }

        // Findings inside nested mappings were claimed by them; the rest are this mapping's own.
        var raised = diagnostics.Items.Count - errorsBefore;
        var own = raised - (_claimed - claimedBefore);
        _claimed = claimedBefore + raised;
        return Finish((PlanNode)instance, node, written) with { Damaged = own > 0 };
    }

    // A mapping entry's value is noted beside its name, under the entry's path with this mark, and set apart here.
    private const char ValueMark = '\u001f';

    private PlanNode Finish(PlanNode node, YamlNode source, Dictionary<string, SourceLocation> locations) =>
        node with
        {
            Location = At(source),
            KeyLocations = locations.Where(l => l.Key[^1] != ValueMark).ToDictionary(StringComparer.Ordinal),
            ValueLocations = locations.Where(l => l.Key[^1] == ValueMark).ToDictionary(l => l.Key[..^1], l => l.Value, StringComparer.Ordinal),
        };

    private object? BindValue(YamlNode node, PlanProperty property, string path, Dictionary<string, SourceLocation> locations)
    {
        if (property.Kind == ValueKind.String && node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } bare }
            && BareNonText().IsMatch(bare) && property.Property.IsDefined(typeof(PlanTextOnlyAttribute), inherit: false))
        {
            // Kept as spelt, so the mapping's other checks see a value and do not add "missing" to this finding.
            diagnostics.Error("expected-quoted-text", At(node), path, bare);
            return bare;
        }

        return property.Kind switch
        {
            ValueKind.List => BindList(node, property.ItemType!, path, locations),
            ValueKind.Map => BindMap(node, property.ItemType!, path, locations),
            _ => BindSingle(node, property.ValueType, path),
        };
    }

    private object? BindSingle(YamlNode node, Type type, string path)
    {
        var (kind, _) = PlanShape.Classify(type);
        if (kind == ValueKind.Node)
        {
            // A scalar is a shorthand, whose tag is checked against the shorthand's own type where it is bound.
            if (node is not YamlScalarNode)
            {
                CheckTag(node, path, "map");
            }

            return BindNode(node, type);
        }

        if (kind == ValueKind.Condition)
        {
            return BindCondition(node, path);
        }

        if (node is not YamlScalarNode { Value: { } text })
        {
            WrongType(node, path, ExpectedOf(kind));
            return null;
        }

        CheckTag(node, path, kind switch
        {
            ValueKind.Integer => ["int"],
            ValueKind.Number => ["int", "float"],
            ValueKind.Boolean => ["bool"],
            _ => ["str"],
        });
        switch (kind)
        {
            case ValueKind.String:
                return text;
            case ValueKind.Integer:
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var integer))
                {
                    return integer;
                }

                break;
            case ValueKind.Number:
                if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
                {
                    return number;
                }

                break;
            case ValueKind.Boolean:
                if (text is "true" or "false")
                {
                    return text == "true";
                }

                break;
            case ValueKind.Enum:
                var words = PlanShape.EnumWords(type);
                var index = words.ToList().IndexOf(text);
                if (index >= 0)
                {
                    return Enum.GetValues(type).GetValue(index);
                }

                diagnostics.ErrorWithSuggestion("bad-word", At(node), NameSuggester.Closest(text, words), text, path, string.Join(", ", words));
                return null;
            case ValueKind.Text:
                if (TextSyntax.TryParse(type, text, out var value, out var error))
                {
                    return value;
                }

                diagnostics.Error(error, At(node));
                return null;
        }

        WrongType(node, path, ExpectedOf(kind));
        return null;
    }

    private object? BindList(YamlNode node, Type itemType, string path, Dictionary<string, SourceLocation> locations)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
        var (itemKind, _) = PlanShape.Classify(itemType);

        // A list of words may be written as one word: "after: meeting-plan" for "after: [meeting-plan]".
        IEnumerable<YamlNode> items = node switch
        {
            YamlSequenceNode sequence => sequence.Children,
            YamlScalarNode when itemKind is not ValueKind.Node and not ValueKind.List and not ValueKind.Map => [node],
            _ => [],
        };
        if (node is not YamlSequenceNode && !items.Any())
        {
            WrongType(node, path, "list");
            return null;
        }

        if (node is YamlSequenceNode)
        {
            CheckTag(node, path, "seq");
        }

        var i = 0;
        foreach (var item in items)
        {
            var itemPath = $"{path}[{i++}]";
            locations[itemPath] = At(item);
            if (IsNull(item))
            {
                diagnostics.Error("empty-item", At(item), path);
                continue;
            }

            var value = itemKind == ValueKind.List
                ? BindList(item, PlanShape.Classify(itemType).Item!, itemPath, locations)
                : BindSingle(item, itemType, itemPath);
            if (value is not null)
            {
                list.Add(value);
            }
        }

        return list;
    }

    private object? BindMap(YamlNode node, Type itemType, string path, Dictionary<string, SourceLocation> locations)
    {
        if (node is not YamlMappingNode mapping)
        {
            WrongType(node, path, "mapping");
            return null;
        }

        CheckTag(node, path, "map");
        var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(typeof(string), itemType))!;
        var (itemKind, nested) = PlanShape.Classify(itemType);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                diagnostics.Error("key-not-text", At(keyNode), path);
                continue;
            }

            var entryPath = $"{path}.{key}";
            locations[entryPath] = At(keyNode);
            locations[entryPath + ValueMark] = At(valueNode);
            if (IsNull(valueNode))
            {
                diagnostics.Error("missing-value", At(valueNode), key, path);
                continue;
            }

            var value = itemKind switch
            {
                ValueKind.List => BindList(valueNode, nested!, entryPath, locations),
                ValueKind.Map => BindMap(valueNode, nested!, entryPath, locations),
                _ => BindSingle(valueNode, itemType, entryPath),
            };
            if (value is not null)
            {
                dictionary[key] = value;
            }
        }

        return dictionary;
    }

    // where: a mapping whose keys are attributes (a value, or a mapping of what the attribute names) or all, any, not;
    // the pairs of one mapping all hold. Each part keeps where its key stands, for findings about it.
    private AllOf? BindCondition(YamlNode node, string path)
    {
        if (node is not YamlMappingNode mapping)
        {
            WrongType(node, path, "mapping");
            return null;
        }

        var parts = new List<WhereCondition>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                diagnostics.Error("key-not-text", At(keyNode), path);
                continue;
            }

            var at = At(keyNode);
            var part = IsNull(valueNode) ? Missing(valueNode, key, path) : key switch
            {
                "all" or "any" => BindConditions(valueNode, $"{path}.{key}") is { } items
                    ? key == "all" ? new AllOf(items) { Location = at } : new AnyOf(items) { Location = at }
                    : null,
                "not" => BindCondition(valueNode, $"{path}.not") is { } inner ? new NotCondition(Single(inner)) { Location = at } : null,
                _ => valueNode switch
                {
                    YamlScalarNode { Value: { } value } => new AttributeIs(key, value) { Location = at },
                    YamlMappingNode => BindCondition(valueNode, $"{path}.{key}") is { } referred ? new ReferredIs(key, Single(referred)) { Location = at } : null,
                    _ => Wrong(valueNode, $"{path}.{key}"),
                },
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return new AllOf(parts) { Location = At(node) };

        WhereCondition? Missing(YamlNode value, string key, string where)
        {
            diagnostics.Error("missing-value", At(value), key, where);
            return null;
        }

        WhereCondition? Wrong(YamlNode value, string where)
        {
            WrongType(value, where, "text");
            return null;
        }
    }

    private List<WhereCondition>? BindConditions(YamlNode node, string path)
    {
        if (node is not YamlSequenceNode sequence)
        {
            WrongType(node, path, "list");
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            diagnostics.Error("where-empty-list", At(node), path);
            return null;
        }

        var items = new List<WhereCondition>();
        var i = 0;
        foreach (var item in sequence.Children)
        {
            if (BindCondition(item, $"{path}[{i++}]") is { } condition)
            {
                items.Add(Single(condition));
            }
        }

        return items;
    }

    // A mapping of one pair is that pair: any: [{ a: x }, { b: y }] reads as any(a: x | b: y), not any(all(a: x) | …).
    private static WhereCondition Single(AllOf all) => all.Items.Count == 1 ? all.Items[0] : all;

    private string? UnknownKey(YamlNode keyNode, string key, PlanShape shape)
    {
        var keys = shape.Properties.Select(p => p.Key).ToArray();
        var suggestion = NameSuggester.Closest(key, keys);
        if (suggestion is not null)
        {
            diagnostics.ErrorWithSuggestion("unknown-key", At(keyNode), suggestion, key, shape.Name);
        }
        else
        {
            diagnostics.Error("unknown-key-list", At(keyNode), key, shape.Name, string.Join(", ", keys));
        }

        return suggestion;
    }

    // The binder reads a value by the model's type, never by a tag: "group: !!int 区委督导组" validated as text, so a
    // tag is a finding at the tag unless it names the type the value is read as (!!int on a year, !!str on a title).
    private void CheckTag(YamlNode node, string path, params string[] own)
    {
        if (node.Tag.IsEmpty || node.Tag.IsNonSpecific || own.Any(o => node.Tag.Value == CoreSchema + o))
        {
            return;
        }

        var tag = node.Tag.Value.StartsWith(CoreSchema, StringComparison.Ordinal) ? "!!" + node.Tag.Value[CoreSchema.Length..] : node.Tag.Value;
        diagnostics.Error("yaml-tag-not-allowed", At(node), tag, path);
    }

    private const string CoreSchema = "tag:yaml.org,2002:";

    // One message code per expected shape, so each reads naturally in both languages.
    private void WrongType(YamlNode node, string what, string expected) =>
        diagnostics.Error("expected-" + expected, At(node), what, Describe(node));

    private static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "mapping",
        YamlSequenceNode => "list",
        YamlScalarNode s => $"'{s.Value}'",
        _ => "?",
    };

    private static string ExpectedOf(ValueKind kind) => kind switch
    {
        ValueKind.Integer => "whole-number",
        ValueKind.Number => "number",
        ValueKind.Boolean => "boolean",
        _ => "text",
    };

    // What YAML's core schema (and JSON) reads as a boolean or a number when written bare.
    [GeneratedRegex(@"^(true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex BareNonText();

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" };
}
