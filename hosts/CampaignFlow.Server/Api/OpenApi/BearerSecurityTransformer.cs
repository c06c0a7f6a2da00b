using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CampaignFlow.Server.Api.OpenApi;

/// <summary>Declares the bearer-token scheme in the OpenAPI document, so tools offer an Authorization box.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CampaignFlow";
        document.Info.Description = "Every unit's campaign, recordable and queryable. Send 'Authorization: Bearer TOKEN'; answers in Chinese unless 'Accept-Language: en'.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A token configured under CampaignFlow:Tokens (stored as its SHA-256), the first-start admin token in data/admin-token, or a --demo token.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
