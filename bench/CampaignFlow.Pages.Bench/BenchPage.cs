namespace CampaignFlow.Pages.Bench;

/// <summary>One page the bench times: its name in the output, the reader who asks for it and its path.</summary>
/// <param name="Name">The page's name in the output (<c>overview</c>, <c>reviews-admin</c>…).</param>
/// <param name="Reader">Who asks for it.</param>
/// <param name="Path">The path and query.</param>
internal sealed record BenchPage(string Name, BenchReader Reader, string Path);
