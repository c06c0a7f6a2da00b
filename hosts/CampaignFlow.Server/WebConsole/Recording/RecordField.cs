namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>One field of a document, publication or ledger item form.</summary>
/// <param name="Name">The record format's key (<c>on</c>, <c>author</c>, <c>to</c>) or <c>with.FIELD</c> for a ledger item's field.</param>
/// <param name="Label">Its label, in the reader's language (a ledger's fields are named by the plan).</param>
/// <param name="Input">How it is entered.</param>
/// <param name="Choices">For <see cref="FieldInput.Choice"/>: each value and its label.</param>
/// <param name="Required">True when a record without it is refused.</param>
public sealed record RecordField(string Name, string Label, FieldInput Input, IReadOnlyList<(string Value, string Label)> Choices, bool Required);
