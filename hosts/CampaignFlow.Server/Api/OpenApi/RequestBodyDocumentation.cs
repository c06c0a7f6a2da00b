using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CampaignFlow.Server.Api.OpenApi;

/// <summary>
/// Endpoint metadata that documents a request body in the OpenAPI document without <c>Accepts</c>: that
/// metadata makes routing refuse other content types with a bare 415 before authentication runs, whereas these
/// endpoints read their bodies themselves and answer 401, 403, 413 or 415 with a problem document in that order.
/// </summary>
/// <param name="Schema">The type whose schema describes the body.</param>
/// <param name="ContentTypes">The content types the endpoint reads.</param>
public sealed record RequestBodyDocumentation(Type Schema, params string[] ContentTypes);

/// <summary>Puts <see cref="RequestBodyDocumentation"/> into each operation's request body.</summary>
internal sealed class RequestBodyDocumentationTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyDocumentation>().FirstOrDefault() is not { } body)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(body.Schema, null, cancellationToken).ConfigureAwait(false);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = body.ContentTypes.ToDictionary(
                type => type,
                type => new OpenApiMediaType { Schema = type.StartsWith("application/json", StringComparison.Ordinal) ? schema : new OpenApiSchema { Type = JsonSchemaType.String } }),
        };
    }
}
