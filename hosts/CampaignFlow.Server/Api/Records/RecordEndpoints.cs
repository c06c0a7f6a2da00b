using CampaignFlow.Server.Api.OpenApi;
using CampaignFlow.Server.Api.Partitions;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// Writes for a unit: <c>POST /units/{unit}/records</c> (one record or an array as JSON, or a CSV import),
/// <c>/documents</c> and <c>/reviews</c> (the same record shape, only that type). Each record carries its
/// idempotency key. All or nothing: any finding and nothing is stored. <c>POST /records</c> takes a CSV of many units'
/// records at once, a <c>unit</c> column saying whose each row is, each record under the caller's rights to its unit.
/// </summary>
public static class RecordEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/units/{unit}").WithTags("Records").RequireAuthorization().WithOwnerHeader();
        Describe(group.MapPost("/records", (string unit, HttpContext context, RecordWriter writer, CancellationToken ct) => writer.WriteAsync(context, unit, RecordRoute.Any, ct)), "RecordRecords",
                "Record what a unit did: one record (a JSON object) or a batch (an array), or a CSV import (text/csv, a header row of the same keys)")
            .WithMetadata(new RequestBodyDocumentation(typeof(RecordInput[]), "application/json", "text/csv"));
        Describe(group.MapPost("/documents", (string unit, HttpContext context, RecordWriter writer, CancellationToken ct) => writer.WriteAsync(context, unit, RecordRoute.Documents, ct)), "SubmitDocuments",
                "Submit documents (records with 'document:') for the unit's gates")
            .WithMetadata(new RequestBodyDocumentation(typeof(RecordInput[]), "application/json"));
        Describe(group.MapPost("/reviews", (string unit, HttpContext context, RecordWriter writer, CancellationToken ct) => writer.WriteAsync(context, unit, RecordRoute.Reviews, ct)), "SubmitReviews",
                "Submit reviews (records with 'review:', 'by:', 'decision:'); 'by: supervisor' needs the supervision group's reviewer token")
            .WithMetadata(new RequestBodyDocumentation(typeof(RecordInput[]), "application/json"));
        Describe(app.MapPost("/records", (HttpContext context, AcrossUnitsRecordWriter writer, CancellationToken ct) => writer.WriteAsync(context, ct)).WithTags("Records").RequireAuthorization(), "RecordAcrossUnits",
                "Record many units' records at once: a CSV (text/csv) of the record keys and a 'unit' column saying whose each row is; all or nothing, each record under the caller's rights to its unit")
            .WithMetadata(new RequestBodyDocumentation(typeof(RecordInput[]), "text/csv"));
    }

    private static RouteHandlerBuilder Describe(RouteHandlerBuilder route, string name, string summary) => route
        .WithName(name)
        .WithSummary(summary)
        .WithDescription("Records have the keys of docs/activity-log-format.md (key, activity|document|review|publish|ledger|exception, on|at, until, hours, participants, …). Answers 201 when something was stored, 200 when every record was a duplicate, 422 with line:column findings (nothing stored), 409 on a key stored with other content.")
        .Produces<RecordingView>(StatusCodes.Status201Created)
        .Produces<RecordingView>(StatusCodes.Status200OK)
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
