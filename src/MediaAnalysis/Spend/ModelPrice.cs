namespace MediaAnalysis.Spend;

// One entry of Pricing:Models: a model id (with its '/' and ':', which a configuration key cannot hold) and its price.
public sealed class ModelPrice
{
    public string Id { get; set; } = "";

    public decimal PromptUsdPerMillion { get; set; }

    public decimal CompletionUsdPerMillion { get; set; }
}
