using System.Text;

namespace CampaignFlow.Campaigns.Tests.Bodies;

/// <summary>
/// A definitions folder in a temp directory shaped like 魏都区委's (WD-03): the district's own plan with requirements
/// over the units below it, one template for its streets and communities, an organisation file of three streets
/// and two communities below them, and two supervision groups covering them.
/// </summary>
internal sealed class BodyFolder : IDisposable
{
    public const string District = "weidu-district";

    public static readonly string[] Streets = ["weidu-xida-street", "weidu-dongda-street", "weidu-beida-street"];

    public static readonly string[] Communities = ["weidu-chunqiu-community", "weidu-jianshelu-community"];

    public BodyFolder(string acrossActions)
    {
        Path = Directory.CreateTempSubdirectory("campaignflow-body-").FullName;
        Write("weidu-district-2014.yaml", $$"""
            plan: weidu-district-2014
            title: 中共魏都区委关于在全区党员中深入开展党的群众路线教育实践活动的实施意见
            unit: { id: {{District}}, name: 中共魏都区委, kind: district-committee }
            campaign:
              year: 2014
              window: 3月-9月
            unitKinds:
              district-committee: 区委
              street: 街道（产业集聚区）
              community: 社区
            activities:
              mobilisation: 动员大会
              mass-evaluation: 群众评价
              supervision-visit: 督导组督导
            documents:
              implementation-plan: 实施方案
            phases:
              - id: study
                title: 学习教育、听取意见
                window: 3月-5月
                actions:
            {{Indent(acrossActions, 6)}}
            """);
        Write("weidu-units-2014.yaml", """
            plan: weidu-units-2014
            title: 魏都区街道和社区实施方案（模板）
            inherits: weidu-district-2014
            template:
              appliesTo: [street, community]
            campaign:
              year: 2014
              window: 3月-9月
            """);
        Write("organisation/weidu.units.csv", $"""
            id,name,kind,parent
            {District},中共魏都区委,district-committee,
            weidu-xida-street,魏都区西大街道党工委,street,{District}
            weidu-dongda-street,魏都区东大街道党工委,street,{District}
            weidu-beida-street,魏都区北大街道党工委,street,{District}
            weidu-chunqiu-community,春秋社区党委,community,weidu-xida-street
            weidu-jianshelu-community,建设路社区党委,community,weidu-dongda-street
            """);
        Write("organisation/weidu.groups.yaml", """
            groups:
              - id: weidu-group-1
                name: 区委第一督导组
                leader: 王建国
                covers: { units: [weidu-dongda-street, weidu-jianshelu-community] }
              - id: weidu-group-2
                name: 区委第二督导组
                leader: 李明
                covers: { units: [weidu-xida-street, weidu-chunqiu-community, weidu-beida-street] }
            """);
    }

    public string Path { get; }

    /// <summary>
    /// Names the people of two streets on their lines of the organisation file (INVENTED): 西大街道 four, three of them
    /// party members; 东大街道 two party members. The other units stay on the template without people.
    /// </summary>
    public BodyFolder WithRosters()
    {
        Write("organisation/weidu.units.csv", $"""
            id,name,kind,parent,roster
            {District},中共魏都区委,district-committee,
            weidu-xida-street,魏都区西大街道党工委,street,{District},rosters/xida.roster.yaml
            weidu-dongda-street,魏都区东大街道党工委,street,{District},rosters/dongda.roster.yaml
            weidu-beida-street,魏都区北大街道党工委,street,{District}
            weidu-chunqiu-community,春秋社区党委,community,weidu-xida-street
            weidu-jianshelu-community,建设路社区党委,community,weidu-dongda-street
            """);
        Write("organisation/rosters/xida.roster.yaml", """
            people:
              - { id: liu-jun, name: 刘军, roles: [principal, leadership, party-member] }
              - { id: zhou-ping, name: 周萍, roles: [leadership, party-member] }
              - { id: ma-li, name: 马丽, roles: [party-member] }
              - { id: gao-feng, name: 高峰, roles: [] }
            """);
        Write("organisation/rosters/dongda.roster.yaml", """
            people:
              - { id: he-zhiqiang, name: 何志强, roles: [principal, leadership, party-member] }
              - { id: shi-lei, name: 石磊, roles: [party-member] }
            """);
        return this;
    }

    /// <summary>Rewrites a file of the folder (a roster changed between two starts).</summary>
    public void Rewrite(string name, string text) => Write(name, text);

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private void Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text.ReplaceLineEndings("\n") + "\n", new UTF8Encoding(false));
    }

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));
}
