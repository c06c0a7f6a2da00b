namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>How a form field of a document, publication or ledger item is entered.</summary>
public enum FieldInput
{
    /// <summary>Free text.</summary>
    Text,

    /// <summary>A day (an HTML date input, yyyy-MM-dd).</summary>
    Date,

    /// <summary>One of a list.</summary>
    Choice,
}
