using CampaignFlow.Plans.Loading;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>
/// Writes small plans to a temporary folder and resolves them, so each test reads as the plan it checks. The
/// vocabulary and roster are 番禺's: a principal, four leadership members (two of 县级 rank), a department head.
/// </summary>
internal static class PlanBuilder
{
    public const string Header = """
        plan: {ID}
        title: 番禺区总工会深入开展党的群众路线教育实践活动实施方案
        unit: { id: panyu-ftu, name: 番禺区总工会, kind: street }
        supervisor: 区委督导组
        campaign: { year: 2014, window: 2月-9月 }
        activities:
          concentrated-study: 集中学习
          volunteer-service: 志愿服务
          talk: { title: 谈心谈话, attributes: [includesCriticism] }
          mobilization-meeting: 动员大会
          democratic-evaluation: 民主评议
          democratic-life-meeting: { title: 专题民主生活会, attributes: [unsatisfied, satisfied, basic] }
          organizational-life-meeting: 专题组织生活会
          research-trip: 调研
          discussion: { title: 讨论会, attributes: [theme] }
          training: { title: 就业培训, attributes: [trainees] }
          document-issued: 发文
        documents:
          meeting-plan: { title: 专题民主生活会方案, reviewChain: [supervisor] }
          self-examination:
            title: 对照检查材料
            reviewChain: [principal, supervisor]
            reviewChainByRank: { 县级: [principal, supervisor, city-leading-group] }
          rectification-plan: 整改方案
          reflection: 学习心得
        ledgers:
          rectification: { title: 整改台账, fields: [item, measure, owner, deadline, status] }
        roles:
          city-leading-group: { title: 市委领导小组办公室, external: true }
          upper-discipline: { title: 上级纪检机关同志, external: true }
        roster:
          branches: { organ: 区总机关支部 }
          departments: { office: 办公室, rights: 权益保障部 }
          people:
            - { id: su, name: 苏治邦, roles: [principal, leadership, party-member], rank: 县级, branch: organ, oversees: [office] }
            - { id: chen, name: 陈惠民, roles: [leadership, party-member], rank: 县级, branch: organ, oversees: [rights] }
            - { id: liu, name: 刘晓光, roles: [leadership, party-member], rank: 科级, branch: organ }
            - { id: wang, name: 王满娣, roles: [leadership, party-member], rank: 科级, branch: organ }
            - { id: guo, name: 郭建文, roles: [department-head, party-member], department: office, branch: organ }
            - { id: li, name: 李辉, roles: [party-member], department: office, branch: organ }
        """;

    /// <summary>A plan with one phase (2月中下旬-4月下旬) holding <paramref name="actions"/> (YAML list items).</summary>
    /// <param name="actions">The actions of the phase.</param>
    /// <param name="extraTop">Keys to add at the top of the plan.</param>
    /// <param name="morePhases">Phases after it (YAML list items).</param>
    public static (ResolvedPlan? Plan, PlanCatalog Catalog) WithActions(string actions, string extraTop = "", string morePhases = "")
    {
        var yaml = Header.Replace("{ID}", "test-plan") + "\n" + extraTop + """

            phases:
              - id: study
                title: 学习教育、听取意见
                window: 2月中下旬-4月下旬
                actions:

            """ + Indent(actions, 6) + (morePhases.Length == 0 ? "" : "\n" + Indent(morePhases, 2));
        return Resolve(("test-plan.yaml", yaml));
    }

    public static (ResolvedPlan? Plan, PlanCatalog Catalog) Resolve(params (string Name, string Yaml)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cf-plans-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        foreach (var (name, yaml) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), yaml);
        }

        var catalog = PlanCatalog.Load([Path.Combine(folder, files[^1].Name)]);
        return (catalog.Plans.Values.FirstOrDefault(p => p.File.EndsWith(files[^1].Name, StringComparison.Ordinal)), catalog);
    }

    private static string Indent(string text, int spaces) =>
        string.Join("\n", text.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));
}
