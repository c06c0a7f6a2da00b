using System.Text;

namespace CampaignFlow.Plans.Text;

/// <summary>
/// How the plan format spells the members of the model's enums. The reader, the schema, requirement statements
/// and message keys all spell them here, so a requirement can name its words without depending on the YAML layer.
/// </summary>
public static class FormatWords
{
    /// <summary>The format's word for an enum member: <c>OverseenDepartmentHeads</c> → <c>overseen-department-heads</c>.</summary>
    /// <param name="name">The member name.</param>
    public static string Kebab(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
