namespace CampaignFlow.Rules.Diagnostics;

/// <summary>One node of a compiled network, for inspecting its shape.</summary>
/// <param name="Id">The node's id within the network.</param>
/// <param name="Kind">What the node does.</param>
/// <param name="Description">The node's type, condition or rule, as text.</param>
/// <param name="RuleIds">The rules that use the node; more than one when the node is shared.</param>
/// <param name="Children">The ids of the nodes it feeds.</param>
/// <param name="IsIndexed">For two-input nodes, whether the join goes through a hash index on equality keys.</param>
public sealed record NetworkNodeInfo(int Id, NodeKind Kind, string Description, IReadOnlyList<string> RuleIds, IReadOnlyList<int> Children, bool IsIndexed);
