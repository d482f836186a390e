using System.Text.Json.Nodes;
using MediaAnalysis.Jobs;
using MediaAnalysis.Settings;

namespace MediaAnalysis.Tests.Settings;

// The two settings documents the database keeps (tenant_settings.document, jobs.settings_snapshot) as written
// before: rows stored then still read to the same values, and are written again under the same names.
public sealed class StoredSettingsDocumentTests
{
    private const string TenantDocument = """
        {"prompts":[{"name":"Gist","instructions":"Say what it is about."}],"models":["a/one","b/two"],"answers":"de",
         "glossary":["Kubernetes","Acme"],"monthly_budget_usd":20.5,"per_member_daily":3,"max_minutes":30,"role":"42",
         "channels":["7","8"],"verdict":true,"pages":false}
        """;

    private const string SnapshotDocument = """
        {"prompts":[{"name":"Gist","instructions":"Say what it is about."}],"models":["a/one","b/two"],"answers":"de",
         "glossary":["Kubernetes","Acme"],"max_minutes":30,"verdict":false}
        """;

    [Fact]
    public void A_servers_settings_document_written_before_reads_to_the_same_values_and_writes_the_same_names()
    {
        var settings = TenantSettings.Parse(TenantDocument);

        Assert.Equal(new[] { new ServerPrompt("Gist", "Say what it is about.") }, settings.Prompts!);
        Assert.Equal(new[] { "a/one", "b/two" }, settings.Models!);
        Assert.Equal("de", settings.AnswerLanguage);
        Assert.Equal(new[] { "Kubernetes", "Acme" }, settings.Glossary!);
        Assert.Equal(20.5m, settings.MonthlyBudgetUsd);
        Assert.Equal(3, settings.PerMemberDaily);
        Assert.Equal(30, settings.MaxMinutes);
        Assert.Equal("42", settings.AccessRole);
        Assert.Equal(new[] { "7", "8" }, settings.AccessChannels!);
        Assert.True(settings.Verdict);
        Assert.False(settings.Pages);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TenantDocument), JsonNode.Parse(settings.Serialize())), settings.Serialize());
    }

    [Fact]
    public void A_jobs_snapshot_written_before_reads_to_the_same_values_and_writes_the_same_names()
    {
        var snapshot = JobSettings.Parse(SnapshotDocument);

        Assert.Equal(new[] { new ServerPrompt("Gist", "Say what it is about.") }, snapshot.Prompts!);
        Assert.Equal(new[] { "a/one", "b/two" }, snapshot.Models!);
        Assert.Equal("de", snapshot.AnswerLanguage);
        Assert.Equal(new[] { "Kubernetes", "Acme" }, snapshot.Glossary!);
        Assert.Equal(30, snapshot.MaxMinutes);
        Assert.False(snapshot.Verdict);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SnapshotDocument), JsonNode.Parse(snapshot.Serialize())), snapshot.Serialize());
    }

    [Fact]
    public void A_job_takes_its_servers_analysis_choices_and_nothing_else()
    {
        var snapshot = TenantSettings.Parse(TenantDocument).ForJob().Serialize();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SnapshotDocument.Replace("false", "true", StringComparison.Ordinal)), JsonNode.Parse(snapshot)), snapshot);
        Assert.Equal(new TenantLimits(20.5m, 3, 30), TenantSettings.Parse(TenantDocument).Limits());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("null")]
    [InlineData("{not json")]
    public void No_document_or_an_unreadable_one_is_the_defaults(string? document)
    {
        Assert.Same(TenantSettings.Defaults, TenantSettings.Parse(document));
        Assert.Same(JobSettings.Operator, JobSettings.Parse(document));
    }
}
