using MediaAnalysis.Configuration;
using MediaAnalysis.Jobs;
using MediaAnalysis.Pipeline.Analysis;
using MediaAnalysis.Pipeline.Download;
using MediaAnalysis.Pipeline.Transcription;
using MediaAnalysis.Settings;
using Microsoft.Extensions.Options;

namespace MediaAnalysis.Tests.Settings;

public sealed class SettingsRulesTests
{
    private static SettingsRules Rules(decimal budget = 0, int perMember = 0, params string[] allowed) => new(
        Options.Create(new AnalysisOptions { AllowedModels = [.. allowed] }),
        Options.Create(new MediaOptions { MaxDurationMinutes = 90 }),
        Options.Create(new LimitsOptions { MonthlyBudgetUsd = budget, PerMemberDaily = perMember }));

    [Fact]
    public void Prompts_need_a_name_and_instructions_of_at_most_4000_characters()
    {
        var rules = Rules();

        var empty = rules.Prompts("A", "", "B", "ok");
        var tooLong = rules.Prompts("A", new string('x', 4001), "B", "ok");
        var same = rules.Prompts("A", "one", "a", "two");
        var fine = rules.Prompts(" A ", new string('x', 4000), "B", "two");

        Assert.Contains(SettingsFields.Prompt1Instructions, empty.Errors.Keys);
        Assert.Contains("4001 characters", tooLong.Errors[SettingsFields.Prompt1Instructions], StringComparison.Ordinal);
        Assert.Contains(SettingsFields.Prompt2Name, same.Errors.Keys);
        Assert.True(fine.IsValid);
        Assert.Equal("A", fine.Apply(TenantSettings.Defaults).Prompts![0].Name);
    }

    [Fact]
    public void Show_gives_the_limit_that_applies_when_the_operators_ceiling_came_down_below_the_servers_own()
    {
        var server = TenantSettings.Defaults with { MonthlyBudgetUsd = 20m, PerMemberDaily = 3 };

        var lines = SettingsView.Lines(server, Rules(budget: 10m, perMember: 5), withRoles: true).ToDictionary(l => l.Name);

        Assert.Equal(new SettingLine("Monthly budget", "$10.00 (the operator's ceiling; this server set $20.00)", true), lines["Monthly budget"]);
        Assert.Equal(new SettingLine("Jobs per member per day", "3", true), lines["Jobs per member per day"]);
        Assert.Equal(new SettingLine("Monthly budget", "no limit", false),
            SettingsView.Lines(TenantSettings.Defaults, Rules(), withRoles: true).Single(l => l.Name == "Monthly budget"));
    }

    [Fact]
    public void A_prompt_may_not_take_the_panel_verdicts_name() =>
        Assert.Contains("panel verdict", Rules().Prompts("A", "one", "panel VERDICT", "two").Errors[SettingsFields.Prompt2Name], StringComparison.Ordinal);

    [Fact]
    public void Models_are_three_distinct_ids_from_the_allowed_list_when_there_is_one()
    {
        Assert.True(Rules().Models("x/1", "y/2", "z/3").IsValid);
        Assert.Contains(SettingsFields.Model3, Rules().Models("x/1", "y/2", "x/1").Errors.Keys);
        Assert.Contains(SettingsFields.Model2, Rules().Models("x/1", "has space", "z/3").Errors.Keys);
        var outside = Rules(0, 0, "x/1", "y/2", "z/3").Models("x/1", "y/2", "w/4");
        Assert.Contains("w/4 is not one of the models this bot allows: x/1, y/2, z/3", outside.Errors[SettingsFields.Model3], StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_stay_under_the_operators_ceilings_and_zero_clears_one()
    {
        var rules = Rules(budget: 50, perMember: 5);

        Assert.Contains(SettingsFields.MonthlyBudgetUsd, rules.Limits(50.01m, null, null).Errors.Keys);
        Assert.Contains(SettingsFields.PerMemberDaily, rules.Limits(null, 6, null).Errors.Keys);
        Assert.Contains(SettingsFields.MaxMinutes, rules.Limits(null, null, 91).Errors.Keys);
        var set = rules.Limits(50, 5, 90).Apply(TenantSettings.Defaults);
        Assert.Equal(new TenantLimits(50, 5, 90), set.Limits());
        var cleared = rules.Limits(0, null, null).Apply(set);
        Assert.Equal(new TenantLimits(null, 5, 90), cleared.Limits());
        Assert.False(rules.Limits(null, null, null).IsValid);
    }

    [Theory]
    [InlineData("speech", null)]
    [InlineData("German", "de")]
    [InlineData("pt-BR", "pt-BR")]
    [InlineData("zh-Hant", "zh-Hant")]
    public void The_answer_language_is_speech_or_a_BCP47_code(string given, string? stored) =>
        Assert.Equal(stored, SettingsRules.Language(given).Apply(TenantSettings.Defaults with { AnswerLanguage = "fr" }).AnswerLanguage);

    [Fact]
    public void The_glossary_holds_at_most_100_terms()
    {
        var terms = string.Join("\n", Enumerable.Range(1, 101).Select(i => $"term{i}"));

        Assert.Contains("101 terms", SettingsRules.Glossary(terms).Errors[SettingsFields.Glossary], StringComparison.Ordinal);
        Assert.Equal(["a", "b c"], SettingsRules.Glossary("a, b c\n\na").Apply(TenantSettings.Defaults).Glossary!);
        Assert.Null(SettingsRules.Glossary("").Apply(TenantSettings.Defaults with { Glossary = ["x"] }).Glossary);
    }

    [Fact]
    public void Access_refuses_outside_the_role_and_channels_and_never_refuses_a_manager()
    {
        var s = SettingsSwitches.Access("R1", "C1", null).Apply(TenantSettings.Defaults);

        Assert.Null(AccessRules.Refusal(s, "C1", ["R1"], manager: false, "Managers"));
        Assert.NotNull(AccessRules.Refusal(s, "C1", [], manager: false, "Managers"));
        Assert.NotNull(AccessRules.Refusal(s, "C2", ["R1"], manager: false, "Managers"));
        Assert.Null(AccessRules.Refusal(s, "C2", [], manager: true, "Managers"));
        Assert.Null(AccessRules.Refusal(s, "T9", "C1", ["R1"], manager: false, "Managers")); // a thread of an allowed channel
        Assert.True(SettingsSwitches.Access(null, null, true).Apply(s).EveryoneMayAnalyze);
    }

    [Fact]
    public void Key_terms_go_to_Deepgram_as_keyterm_for_nova_3_and_keywords_before()
    {
        var nova3 = DeepgramClient.ListenUri(new DeepgramOptions { Model = "nova-3" }, null, ["Acme Corp", "K8s"]);
        var nova2 = DeepgramClient.ListenUri(new DeepgramOptions { Model = "nova-2" }, null, ["Acme Corp"]);

        Assert.Contains("&keyterm=Acme%20Corp&keyterm=K8s", nova3.Query, StringComparison.Ordinal);
        Assert.Contains("&keywords=Acme%20Corp", nova2.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("key", DeepgramClient.ListenUri(new DeepgramOptions(), null).Query, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_without_a_snapshot_runs_with_the_operators_prompts_and_models()
    {
        var analysis = new AnalysisOptions();
        var plan = AnalysisPlan.For(JobSettings.Parse(""), analysis);
        var server = TenantSettings.Defaults with { Prompts = [new("Notes", "Take notes.")], Models = ["a/1", "b/2", "c/3"] };
        var own = AnalysisPlan.For(server.ForJob(), analysis);

        Assert.Equal(analysis.EffectiveModels, plan.Models);
        Assert.Equal(analysis.EffectivePrompts, plan.Prompts);
        Assert.Equal(["a/1", "b/2", "c/3"], own.Models);
        Assert.Equal(AnalysisPlan.ServerUserMessage, own.Prompts[0].User);
        Assert.StartsWith("Take notes.", own.Prompts[0].System, StringComparison.Ordinal);
    }
}
